package dev.wafer.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-thread derived-key cache of the XAES engines: it may save work, never change a result. */
class DerivedKeyCacheTest {
    /** A stand-in derivation: the "key" names the prefix it was derived from, and counts calls. */
    private final AtomicInteger derivations = new AtomicInteger();
    private final DerivedKeyCache<String> cache = new DerivedKeyCache<>(4,
            (nonce, off) -> derivations.incrementAndGet() + ":" + Arrays.toString(Arrays.copyOfRange(nonce, off, off + 4)));

    private static byte[] nonce(int prefix, int rest) {
        return new byte[] {9, 9, (byte) prefix, 0, 0, 1, (byte) rest, 7};
    }

    @Test
    void derivesOncePerPrefixRunAndAgainWhenThePrefixChanges() throws Exception {
        String a = cache.get(nonce(1, 1), 2);
        assertSame(a, cache.get(nonce(1, 2), 2), "same prefix, other suffix: the cached key");
        assertEquals(1, derivations.get());
        String b = cache.get(nonce(2, 1), 2);
        assertEquals("2:[2, 0, 0, 1]", b);
        String a2 = cache.get(nonce(1, 3), 2);
        assertEquals("3:[1, 0, 0, 1]", a2, "one entry: back to the first prefix derives again");
        assertNotSame(a, a2);
        // The prefix is read at the offset given, not at 0.
        assertEquals("4:[9, 9, 1, 0]", cache.get(nonce(1, 3), 0));
    }

    @Test
    void keepsOneEntryPerThread() throws Exception {
        String here = cache.get(nonce(1, 1), 2);
        List<String> there = new CopyOnWriteArrayList<>();
        FutureTask<Void> task = new FutureTask<>(() -> {
            there.add(cache.get(nonce(1, 1), 2));
            return null;
        });
        Thread t = new Thread(task);
        t.start();
        task.get();
        assertNotSame(here, there.get(0), "another thread derives its own");
        assertSame(here, cache.get(nonce(1, 9), 2), "and leaves this thread's entry alone");
        assertEquals(2, derivations.get());
    }

    @Test
    void aFailedDerivationLeavesTheEntryAsItWas() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DerivedKeyCache<String> failing = new DerivedKeyCache<>(4, (nonce, off) -> {
            if (nonce[off + 2] == 66) {
                throw new GeneralSecurityException("engine failure");
            }
            return "k" + calls.incrementAndGet() + "-" + nonce[off + 2];
        });
        String k = failing.get(nonce(1, 1), 0);
        assertThrows(GeneralSecurityException.class, () -> failing.get(nonce(66, 1), 0));
        assertSame(k, failing.get(nonce(1, 1), 0));
        assertThrows(NullPointerException.class, () -> new DerivedKeyCache<String>(4, (n, o) -> null).get(nonce(1, 1), 0));
    }

    @Test
    void refusesAnEmptyPrefixAndPrintsNoKey() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new DerivedKeyCache<String>(0, (n, o) -> "k"));
        cache.get(nonce(1, 1), 2);
        assertEquals("DerivedKeyCache", cache.toString());
    }
}
