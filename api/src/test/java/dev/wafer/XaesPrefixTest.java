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

/** A sealer's XAES prefix (docs/format.md §1.3): bounded in uses and time, dropped on a restore. */
class XaesPrefixTest {
    private static final int P = Randomness.PREFIX_BYTES;
    private static final long MILLIS = 1_800_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private static byte[] prefix(byte[] nonce) {
        return Arrays.copyOf(nonce, P);
    }

    private static byte[] take(XaesPrefix x, long nanos, long millis) {
        byte[] n = new byte[2 * P];
        x.take(n, 0, 2 * P, nanos, millis);
        return n;
    }

    @Test
    void aPrefixServesAtMost65536NoncesEachWithAFreshSuffix() {
        XaesPrefix x = new XaesPrefix();
        byte[] first = take(x, 0, MILLIS);
        Set<String> suffixes = new HashSet<>();
        suffixes.add(Arrays.toString(Arrays.copyOfRange(first, P, 2 * P)));
        for (int i = 1; i < Randomness.PREFIX_MAX_USES; i++) {
            byte[] n = take(x, 1000, MILLIS);
            assertArrayEquals(prefix(first), prefix(n), "nonce " + i + " shares the prefix");
            assertTrue(suffixes.add(Arrays.toString(Arrays.copyOfRange(n, P, 2 * P))), "a fresh suffix every time");
        }
        assertFalse(Arrays.equals(prefix(first), prefix(take(x, 1000, MILLIS))), "nonce 65537 draws a new prefix");
        assertEquals(65536, Randomness.PREFIX_MAX_USES);
    }

    @Test
    void threadsOfOneSealerCountTheirUsesTogether() throws Exception {
        XaesPrefix x = new XaesPrefix();
        byte[] first = take(x, 0, MILLIS);
        int perThread = Randomness.PREFIX_MAX_USES / 2;
        Set<String> prefixes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger sameAsFirst = new java.util.concurrent.atomic.AtomicInteger();
        FutureTask<?>[] tasks = new FutureTask<?>[2];
        for (int t = 0; t < 2; t++) {
            tasks[t] = new FutureTask<>(() -> {
                for (int i = 0; i < perThread; i++) {
                    byte[] n = take(x, 1000, MILLIS);
                    prefixes.add(Arrays.toString(prefix(n)));
                    if (Arrays.equals(prefix(n), prefix(first))) {
                        sameAsFirst.incrementAndGet();
                    }
                }
                return null;
            });
            new Thread(tasks[t]).start();
        }
        for (FutureTask<?> t : tasks) {
            t.get();
        }
        // 1 + 65536 nonces: the first prefix served exactly 65536 of them, whichever thread drew them.
        assertEquals(Randomness.PREFIX_MAX_USES - 1, sameAsFirst.get());
        assertEquals(2, prefixes.size());
    }

    @Test
    void aPrefixLivesAtMostAnHourOnEitherClock() {
        XaesPrefix x = new XaesPrefix();
        long t0 = -5; // nanoTime may be negative
        byte[] a = take(x, t0, MILLIS);
        long hour = XaesPrefix.MAX_AGE_MILLIS;
        assertArrayEquals(prefix(a), prefix(take(x, t0 + (hour - 1) * NANOS_PER_MILLI, MILLIS + hour - 1)));
        assertFalse(Arrays.equals(prefix(a), prefix(take(x, t0 + hour * NANOS_PER_MILLI, MILLIS + hour))));
        assertEquals(3_600_000L, XaesPrefix.MAX_AGE_MILLIS);
    }

    @Test
    void aWallClockThatMovesAgainstTheMonotonicOneDropsThePrefix() {
        // A restored snapshot: the wall clock jumped, the monotonic clock did not (or the reverse).
        XaesPrefix x = new XaesPrefix();
        byte[] a = take(x, 0, MILLIS);
        assertArrayEquals(prefix(a), prefix(take(x, 0, MILLIS + XaesPrefix.MAX_CLOCK_DRIFT_MILLIS - 1)));
        byte[] b = take(x, 0, MILLIS + XaesPrefix.MAX_CLOCK_DRIFT_MILLIS);
        assertFalse(Arrays.equals(prefix(a), prefix(b)), "the wall clock moved a second alone");
        byte[] c = take(x, 0, MILLIS);
        assertFalse(Arrays.equals(prefix(b), prefix(c)), "the wall clock went back a second");
        byte[] d = take(x, XaesPrefix.MAX_CLOCK_DRIFT_MILLIS * NANOS_PER_MILLI, MILLIS);
        assertFalse(Arrays.equals(prefix(c), prefix(d)), "the monotonic clock moved a second alone");
    }

    @Test
    void aReportedSnapshotDropsThePrefix() {
        XaesPrefix x = new XaesPrefix();
        byte[] a = take(x, 0, MILLIS);
        Randomness.snapshotEvent();
        assertFalse(Arrays.equals(prefix(a), prefix(take(x, 1, MILLIS))));
    }

    @Test
    void eachSealerDrawsItsOwnPrefixAndTheNonceIs24Bytes() {
        byte[] a = take(new XaesPrefix(), 0, MILLIS);
        byte[] b = take(new XaesPrefix(), 0, MILLIS);
        assertFalse(Arrays.equals(prefix(a), prefix(b)));
        assertThrows(IllegalArgumentException.class, () -> new XaesPrefix().next(new byte[12], 0, 12));
        byte[] real = new byte[2 * P];
        new XaesPrefix().next(real, 0, real.length);
        assertFalse(Arrays.equals(new byte[2 * P], real));
    }
}
