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
 *
 * <p>XAES-256-GCM nonces ({@link #nextXaesNonce(byte[], int, int)}) are a 12-byte prefix, drawn afresh per
 * thread at most every {@value #PREFIX_MAX_USES} nonces and at least every second, followed by 12
 * fresh bytes. XAES derives its AES-GCM key from the prefix alone, so a run of values sealed on one
 * thread shares a derived key, which the engines cache (docs/format.md §1.3 bounds the collision
 * probability; a prefix lives no longer than the second its values' expiry already reveals).
 */
final class Randomness {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER_BYTES = 1024;

    /** Most XAES nonces drawn under one prefix: 2^16, so a derived key seals at most 2^16 values. */
    static final int PREFIX_MAX_USES = 1 << 16;
    /** Longest life of an XAES nonce prefix, in nanoseconds: one second. */
    static final long PREFIX_MAX_NANOS = 1_000_000_000L;
    static final int PREFIX_BYTES = 12;

    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    private Randomness() {
    }

    static SecureRandom secureRandom() {
        return RANDOM;
    }

    /** Fills {@code out[off, off + len)} with fresh random bytes, never handed out before. */
    static void nextBytes(byte[] out, int off, int len) {
        POOL.get().take(out, off, len);
    }

    /**
     * Fills the 24-byte {@code out} with this thread's current XAES prefix, then 12 fresh random
     * bytes; draws a new prefix first when the current one has served {@value #PREFIX_MAX_USES}
     * nonces or is a second old.
     *
     * @throws IllegalArgumentException if {@code len} is not 24
     */
    static void nextXaesNonce(byte[] out, int off, int len) {
        POOL.get().takeXaes(out, off, len, System.nanoTime());
    }

    static final class Pool {
        private final SecureRandom random = new SecureRandom();
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private int used = BUFFER_BYTES;
        private final byte[] prefix = new byte[PREFIX_BYTES];
        private int prefixUses = PREFIX_MAX_USES;
        private long prefixDrawnAt;

        void takeXaes(byte[] out, int off, int len, long now) {
            if (len != 2 * PREFIX_BYTES) {
                throw new IllegalArgumentException("an XAES-256-GCM nonce is 24 bytes");
            }
            if (prefixUses >= PREFIX_MAX_USES || now - prefixDrawnAt >= PREFIX_MAX_NANOS) {
                take(prefix, 0, PREFIX_BYTES);
                prefixUses = 0;
                prefixDrawnAt = now;
            }
            prefixUses++;
            System.arraycopy(prefix, 0, out, off, PREFIX_BYTES);
            take(out, off + PREFIX_BYTES, PREFIX_BYTES);
        }

        void take(byte[] out, int off, int len) {
            if (len > BUFFER_BYTES) {
                byte[] fresh = new byte[len];
                random.nextBytes(fresh);
                System.arraycopy(fresh, 0, out, off, len);
                return;
            }
            if (BUFFER_BYTES - used < len) {
                random.nextBytes(buffer);
                used = 0;
            }
            System.arraycopy(buffer, used, out, off, len);
            // Wipe what was handed out, so no slice can be handed out twice or read back later.
            java.util.Arrays.fill(buffer, used, used + len, (byte) 0);
            used += len;
        }
    }
}
