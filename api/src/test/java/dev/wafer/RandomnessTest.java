package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The nonce policy of docs/format.md §1.3: fresh bytes, never handed out twice, across snapshots. */
class RandomnessTest {
    private static final int P = Randomness.PREFIX_BYTES;
    /** A wall-clock time that stays put: these tests move the monotonic clock alone. */
    private static final long MILLIS = 1_800_000_000_000L;

    @Test
    void twelveByteNoncesAreWhollyFresh() {
        // AES-GCM, AES-GCM-SIV: no two of these share 8 leading bytes
        Set<String> heads = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] gcm = new byte[12];
            Randomness.nextBytes(gcm, 0, gcm.length);
            assertTrue(heads.add(Arrays.toString(Arrays.copyOf(gcm, 8))));
        }
    }

    /** Two JVMs restored from one snapshot of a pool that has bytes and a prefix left. */
    private static Randomness.Pool[] clones(long nanos, long millis) {
        Randomness.Pool pool = new Randomness.Pool();
        byte[] n = new byte[2 * P];
        pool.take(n, 0, 2 * P, nanos, millis); // the pool now holds 1000 unused bytes
        return new Randomness.Pool[] {pool.restoredCopy(java.security.SecureRandom::new),
            pool.restoredCopy(java.security.SecureRandom::new)};
    }

    private static byte[] gcm(Randomness.Pool pool, long nanos, long millis) {
        byte[] n = new byte[12];
        pool.take(n, 0, 12, nanos, millis);
        return n;
    }

    @Test
    void withinItsBoundsAClonedPoolWouldRepeatWhichIsWhyItHasThem() {
        // The hazard the bounds exist for: no hook, and neither clock has moved since the snapshot.
        Randomness.Pool[] c = clones(0, MILLIS);
        assertArrayEquals(gcm(c[0], 1, MILLIS), gcm(c[1], 1, MILLIS));
    }

    @Test
    void clonesOfOneSnapshotDrawFreshNoncesOnceTheHookReportsTheRestore() {
        Randomness.Pool[] c = clones(0, MILLIS);
        Randomness.snapshotEvent(); // what SnapshotHook.afterRestore does
        assertFalse(Arrays.equals(gcm(c[0], 2, MILLIS), gcm(c[1], 2, MILLIS)));
    }

    @Test
    void clonesOfOneSnapshotDrawFreshNoncesOnceTheWallClockHasMoved() {
        // A VM snapshot: the monotonic clock did not move, the wall clock did (restored later).
        Randomness.Pool[] c = clones(0, MILLIS);
        long later = MILLIS + Randomness.POOL_MAX_MILLIS;
        assertFalse(Arrays.equals(gcm(c[0], 1, later), gcm(c[1], 1, later)));
        Randomness.Pool[] back = clones(0, MILLIS);
        assertFalse(Arrays.equals(gcm(back[0], 1, MILLIS - 1), gcm(back[1], 1, MILLIS - 1)), "a clock that went back");
    }

    @Test
    void clonesWhoseGeneratorIsACopiedInMemoryDrbgStillDrawApartOnceTheWallClockHasMoved() {
        // A generator whose whole state is in memory (a DRBG, the default on some platforms) is the
        // same in every clone: the pool must not refill from it after a restore.
        Randomness.Pool pool = new Randomness.Pool();
        gcm(pool, 0, MILLIS);
        Randomness.Pool[] c = {pool.restoredCopy(copiedDrbg()), pool.restoredCopy(copiedDrbg())};
        long later = MILLIS + Randomness.POOL_MAX_MILLIS;
        assertFalse(Arrays.equals(gcm(c[0], 1, later), gcm(c[1], 1, later)));
        byte[] a = new byte[64];
        byte[] b = new byte[64];
        copiedDrbg().get().nextBytes(a);
        copiedDrbg().get().nextBytes(b);
        assertArrayEquals(a, b, "the model holds: two copies of one DRBG state draw the same bytes");
    }

    /** The first generator is a DRBG in a fixed state, as a snapshot copies it; later ones are fresh. */
    private static java.util.function.Supplier<java.security.SecureRandom> copiedDrbg() {
        int[] calls = {0};
        return () -> {
            if (calls[0]++ > 0) {
                return new java.security.SecureRandom();
            }
            try {
                java.security.SecureRandom drbg = java.security.SecureRandom.getInstance("SHA1PRNG");
                drbg.setSeed(42);
                return drbg;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void clonesOfOneSnapshotDrawFreshNoncesOnceTheMonotonicClockHasMoved() {
        Randomness.Pool[] c = clones(0, MILLIS);
        long later = Randomness.POOL_MAX_NANOS;
        assertFalse(Arrays.equals(gcm(c[0], later, MILLIS), gcm(c[1], later, MILLIS)));
        assertEquals(100_000_000L, Randomness.POOL_MAX_NANOS);
        assertEquals(100, Randomness.POOL_MAX_MILLIS);
    }

    @Test
    void theSnapshotHookAdvancesTheEpochBeforeACheckpointAndAfterARestore() {
        long before = Randomness.epoch();
        SnapshotHook.instance().afterRestore(null); // as org.crac calls it
        assertTrue(Randomness.epoch() != before, "the restore advanced the epoch");
        before = Randomness.epoch();
        SnapshotHook.instance().beforeCheckpoint(null);
        assertTrue(Randomness.epoch() != before);
    }
}
