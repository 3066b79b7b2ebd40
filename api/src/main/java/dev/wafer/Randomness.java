package dev.wafer;

import java.security.SecureRandom;

/**
 * The one source of randomness for keys and nonces.
 *
 * <p>Nonces come from a per-thread {@link SecureRandom} through a per-thread 1 KiB buffer whose
 * bytes are each handed out once, then refilled: the same CSPRNG output, drawn in larger blocks.
 * The JDK's default {@code SecureRandom} on Linux reads {@code /dev/urandom} under one lock shared
 * by all instances; drawing 12 or 24 bytes per seal through it serialised sealing threads.
 * Uniqueness is that of the generator's output (docs/format.md §1.3): no byte is ever reused.
 */
final class Randomness {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER_BYTES = 1024;

    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    private Randomness() {
    }

    static SecureRandom secureRandom() {
        return RANDOM;
    }

    /** Fills {@code out} with fresh random bytes, never handed out before. */
    static void nextBytes(byte[] out) {
        POOL.get().take(out);
    }

    private static final class Pool {
        private final SecureRandom random = new SecureRandom();
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private int used = BUFFER_BYTES;

        void take(byte[] out) {
            if (out.length > BUFFER_BYTES) {
                random.nextBytes(out);
                return;
            }
            if (BUFFER_BYTES - used < out.length) {
                random.nextBytes(buffer);
                used = 0;
            }
            System.arraycopy(buffer, used, out, 0, out.length);
            // Wipe what was handed out, so no slice can be handed out twice or read back later.
            java.util.Arrays.fill(buffer, used, used + out.length, (byte) 0);
            used += out.length;
        }
    }
}
