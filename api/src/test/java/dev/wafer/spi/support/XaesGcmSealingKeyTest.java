package dev.wafer.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** XaesGcm's sealing key: the current prefix's key is kept outside the cache, used while live, never wiped in use. */
class XaesGcmSealingKeyTest {

    /** A stand-in derived key: its bytes, whether it was wiped, how many calls use it now. */
    static final class Key {
        final byte[] bytes;
        final AtomicBoolean wiped = new AtomicBoolean();
        final AtomicInteger users = new AtomicInteger();

        Key(byte[] bytes) {
            this.bytes = bytes.clone();
        }
    }

    private final List<Key> made = new ArrayList<>();
    private final AtomicInteger wipedInUse = new AtomicInteger();

    private final XaesGcm.Parts<Key> parts = new XaesGcm.Parts<>() {
        @Override
        public byte[] deriveKey(byte[] nonce, int nonceOff) {
            return Arrays.copyOfRange(nonce, nonceOff, nonceOff + 32); // reads the prefix; the rest is filler
        }

        @Override
        public synchronized Key gcmKey(byte[] derived) {
            Key k = new Key(derived);
            made.add(k);
            return k;
        }

        @Override
        public void wipe(Key key) {
            if (key.users.get() != 0) {
                wipedInUse.incrementAndGet();
            }
            key.wiped.set(true);
        }

        @Override
        public void seal(Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                         byte[] in, int inOff, int inLen, byte[] out, int outOff) {
            key.users.incrementAndGet();
            assertFalse(key.wiped.get(), "a wiped key in use");
            out[outOff] = key.bytes[0];
            key.users.decrementAndGet();
        }

        @Override
        public void open(Key key, byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
                         byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        }
    };

    private static byte[] nonce(int prefix) {
        byte[] n = new byte[XaesGcm.NONCE_BYTES + 8];
        Arrays.fill(n, 0, XaesGcm.PREFIX_BYTES, (byte) prefix);
        return n;
    }

    private static int seal(XaesGcm<Key> e, int prefix) throws Exception {
        byte[] out = new byte[1];
        e.seal(nonce(prefix), 0, new byte[0], 0, 0, new byte[0], 0, 0, out, 0);
        return out[0];
    }

    @Test
    void sealsUnderTheCurrentPrefixSkipTheCacheAndAlwaysUseThatPrefixsKey() throws Exception {
        XaesGcm<Key> e = new XaesGcm<>(parts, "stub");
        assertEquals(1, seal(e, 1));
        assertEquals(1, seal(e, 1));
        assertEquals(1, seal(e, 1));
        assertEquals(1, e.cache().misses());
        assertEquals(0, e.cache().hits(), "the sealing key served the later seals");
        assertEquals(2, seal(e, 2));
        assertEquals(1, seal(e, 1), "the replaced prefix's key, from the cache");
        assertEquals(1, e.cache().hits());
        assertEquals(2, e.cache().misses());
        assertEquals(2, made.size());
        assertTrue(made.stream().noneMatch(k -> k.wiped.get()), "both still cached");
    }

    @Test
    void manyThreadsSwitchingPrefixesNeverUseAWipedKey() throws Exception {
        XaesGcm<Key> e = new XaesGcm<>(parts, "stub");
        Thread[] ts = new Thread[4];
        AtomicInteger wrong = new AtomicInteger();
        for (int t = 0; t < ts.length; t++) {
            int seed = t;
            ts[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 20_000; i++) {
                        int p = 1 + (i / 100 + seed) % 3;
                        if (seal(e, p) != p) {
                            wrong.incrementAndGet();
                        }
                    }
                } catch (Exception | AssertionError x) {
                    wrong.incrementAndGet();
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(0, wrong.get());
        assertEquals(0, wipedInUse.get());
    }
}
