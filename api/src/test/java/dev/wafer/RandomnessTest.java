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
        pool.takeXaes(first, 0, 2 * P, 0);
        Set<String> suffixes = new HashSet<>();
        suffixes.add(suffix(first));
        byte[] n = new byte[2 * P];
        for (int i = 1; i < Randomness.PREFIX_MAX_USES; i++) {
            pool.takeXaes(n, 0, 2 * P, 1000);
            assertArrayEquals(prefix(first), prefix(n), "nonce " + i + " shares the prefix");
            assertTrue(suffixes.add(suffix(n)), "a fresh suffix every time");
        }
        pool.takeXaes(n, 0, 2 * P, 1000);
        assertFalse(Arrays.equals(prefix(first), prefix(n)), "nonce 65537 draws a new prefix");
        assertEquals(65536, Randomness.PREFIX_MAX_USES);
    }

    @Test
    void anXaesPrefixLivesAtMostOneSecond() {
        Randomness.Pool pool = new Randomness.Pool();
        byte[] a = new byte[2 * P];
        byte[] b = new byte[2 * P];
        long t0 = -5; // nanoTime may be negative
        pool.takeXaes(a, 0, 2 * P, t0);
        pool.takeXaes(b, 0, 2 * P, t0 + Randomness.PREFIX_MAX_NANOS - 1);
        assertArrayEquals(prefix(a), prefix(b));
        pool.takeXaes(b, 0, 2 * P, t0 + Randomness.PREFIX_MAX_NANOS);
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
}
