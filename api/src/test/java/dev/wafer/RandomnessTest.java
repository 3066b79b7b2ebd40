package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** The nonce policy of docs/format.md §1.3, in particular the XAES prefix's bounded life. */
class RandomnessTest {
    private static final int P = Randomness.PREFIX_BYTES;
    /** A wall-clock time that stays put: these tests move the monotonic clock alone. */
    private static final long MILLIS = 1_800_000_000_000L;

    private static byte[] prefix(byte[] nonce) {
        return Arrays.copyOf(nonce, P);
    }

    private static String suffix(byte[] nonce) {
        return Arrays.toString(Arrays.copyOfRange(nonce, P, 2 * P));
    }

    @Test
    void anXaesPrefixServesAtMost65536NoncesEachWithAFreshSuffix() {
        Randomness.Pool pool = new Randomness.Pool();
        byte[] first = new byte[2 * P];
        pool.takeXaes(first, 0, 2 * P, 0, MILLIS);
        Set<String> suffixes = new HashSet<>();
        suffixes.add(suffix(first));
        byte[] n = new byte[2 * P];
        for (int i = 1; i < Randomness.PREFIX_MAX_USES; i++) {
            pool.takeXaes(n, 0, 2 * P, 1000, MILLIS);
            assertArrayEquals(prefix(first), prefix(n), "nonce " + i + " shares the prefix");
            assertTrue(suffixes.add(suffix(n)), "a fresh suffix every time");
        }
        pool.takeXaes(n, 0, 2 * P, 1000, MILLIS);
        assertFalse(Arrays.equals(prefix(first), prefix(n)), "nonce 65537 draws a new prefix");
        assertEquals(65536, Randomness.PREFIX_MAX_USES);
    }

    @Test
    void anXaesPrefixLivesAtMostOneSecond() {
        Randomness.Pool pool = new Randomness.Pool();
        byte[] a = new byte[2 * P];
        byte[] b = new byte[2 * P];
        long t0 = -5; // nanoTime may be negative
        pool.takeXaes(a, 0, 2 * P, t0, MILLIS);
        pool.takeXaes(b, 0, 2 * P, t0 + Randomness.PREFIX_MAX_NANOS - 1, MILLIS);
        assertArrayEquals(prefix(a), prefix(b));
        pool.takeXaes(b, 0, 2 * P, t0 + Randomness.PREFIX_MAX_NANOS, MILLIS);
        assertFalse(Arrays.equals(prefix(a), prefix(b)), "a second later: a new prefix");
        assertEquals(1_000_000_000L, Randomness.PREFIX_MAX_NANOS);
    }

    @Test
    void threadsDrawTheirOwnPrefixesAndOnlyXaesNoncesHaveOne() throws Exception {
        byte[] here = new byte[2 * P];
        Randomness.nextXaesNonce(here, 0, here.length);
        byte[] there = new byte[2 * P];
        FutureTask<Void> task = new FutureTask<>(() -> {
            Randomness.nextXaesNonce(there, 0, there.length);
            return null;
        });
        Thread t = new Thread(task);
        t.start();
        task.get();
        assertFalse(Arrays.equals(prefix(here), prefix(there)));
        assertThrows(IllegalArgumentException.class, () -> Randomness.nextXaesNonce(new byte[12], 0, 12));
        // 12-byte nonces (AES-GCM, AES-GCM-SIV) are wholly fresh: no two of these share 8 leading bytes
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
        pool.takeXaes(n, 0, 2 * P, nanos, millis); // the pool now holds 1000 unused bytes and a live prefix
        return new Randomness.Pool[] {pool.restoredCopy(java.security.SecureRandom::new),
            pool.restoredCopy(java.security.SecureRandom::new)};
    }

    private static byte[] xaes(Randomness.Pool pool, long nanos, long millis) {
        byte[] n = new byte[2 * P];
        pool.takeXaes(n, 0, 2 * P, nanos, millis);
        return n;
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
        assertArrayEquals(xaes(c[0], 1, MILLIS), xaes(c[1], 1, MILLIS));
        assertArrayEquals(gcm(c[0], 1, MILLIS), gcm(c[1], 1, MILLIS));
    }

    @Test
    void clonesOfOneSnapshotDrawFreshNoncesOnceTheHookReportsTheRestore() {
        Randomness.Pool[] c = clones(0, MILLIS);
        Randomness.snapshotEvent(); // what SnapshotHook.afterRestore does
        byte[] a = xaes(c[0], 1, MILLIS);
        byte[] b = xaes(c[1], 1, MILLIS);
        assertFalse(Arrays.equals(prefix(a), prefix(b)), "a new prefix in each clone");
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(gcm(c[0], 2, MILLIS), gcm(c[1], 2, MILLIS)));
    }

    @Test
    void clonesOfOneSnapshotDrawFreshNoncesOnceTheWallClockHasMoved() {
        // A VM snapshot: the monotonic clock did not move, the wall clock did (restored later).
        Randomness.Pool[] c = clones(0, MILLIS);
        long later = MILLIS + Randomness.POOL_MAX_MILLIS;
        assertFalse(Arrays.equals(gcm(c[0], 1, later), gcm(c[1], 1, later)));
        assertFalse(Arrays.equals(xaes(c[0], 1, MILLIS + Randomness.PREFIX_MAX_MILLIS),
                xaes(c[1], 1, MILLIS + Randomness.PREFIX_MAX_MILLIS)));
        Randomness.Pool[] back = clones(0, MILLIS);
        assertFalse(Arrays.equals(xaes(back[0], 1, MILLIS - 1), xaes(back[1], 1, MILLIS - 1)), "a clock that went back");
    }

    @Test
    void clonesWhoseGeneratorIsACopiedInMemoryDrbgStillDrawApartOnceTheWallClockHasMoved() {
        // A generator whose whole state is in memory (a DRBG, the default on some platforms) is the
        // same in every clone: the pool must not refill from it after a restore.
        Randomness.Pool pool = new Randomness.Pool();
        xaes(pool, 0, MILLIS);
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
        assertFalse(Arrays.equals(prefix(xaes(c[0], Randomness.PREFIX_MAX_NANOS, MILLIS)),
                prefix(xaes(c[1], Randomness.PREFIX_MAX_NANOS, MILLIS))));
        assertEquals(100_000_000L, Randomness.POOL_MAX_NANOS);
        assertEquals(100, Randomness.POOL_MAX_MILLIS);
    }

    @Test
    void theSnapshotHookAdvancesTheEpochBeforeACheckpointAndAfterARestore() {
        Randomness.Pool pool = new Randomness.Pool();
        byte[] before = xaes(pool, 0, MILLIS);
        SnapshotHook.instance().afterRestore(null); // as org.crac calls it
        assertFalse(Arrays.equals(prefix(before), prefix(xaes(pool, 1, MILLIS))), "the restore discarded the prefix");
        before = xaes(pool, 2, MILLIS);
        SnapshotHook.instance().beforeCheckpoint(null);
        assertFalse(Arrays.equals(prefix(before), prefix(xaes(pool, 3, MILLIS))));
    }
}
