package dev.wafer;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one source of randomness for keys and nonces.
 *
 * <p>Nonces come from a per-thread {@link SecureRandom} through a per-thread 1 KiB buffer whose
 * bytes are each handed out once, then refilled: the same CSPRNG output, drawn in larger blocks.
 * The JDK's default {@code SecureRandom} on Linux reads {@code /dev/urandom} under one lock shared
 * by all instances; drawing 12 or 24 bytes per seal through it serialised sealing threads.
 * Uniqueness is that of the generator's output (docs/format.md §1.3): no byte is ever reused.
 *
 * <p>XAES-256-GCM nonces are a sealer's 12-byte prefix ({@link XaesPrefix}, drawn from here) and
 * 12 fresh bytes from here.
 *
 * <p><b>JVM snapshots</b> (CRaC, AWS Lambda SnapStart, VM snapshots) copy the buffers (and
 * the sealers' XAES prefixes) into every clone. Buffered bytes live at most 100 ms, on both the
 * monotonic and the wall clock, and a restore reported through {@code org.crac} discards every
 * pool and its generator; docs/threat-model.md says what remains.
 */
final class Randomness {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER_BYTES = 1024;

    /** Most XAES nonces drawn under one prefix: 2^16, so a derived key seals at most 2^16 values. */
    static final int PREFIX_MAX_USES = 1 << 16;
    static final int PREFIX_BYTES = 12;
    /** Longest life of buffered random bytes, on the monotonic clock: 100 ms. */
    static final long POOL_MAX_NANOS = 100_000_000L;
    /** Longest life of buffered bytes on the wall clock, which a restore moves. */
    static final long POOL_MAX_MILLIS = 100;

    /**
     * Advanced when a JVM snapshot is restored (a CRaC or Lambda SnapStart hook: {@link SnapshotHook}),
     * and before one is taken. A pool drawn under an older epoch is discarded whole, generator
     * included, so that clones restored from one snapshot never hand out the same bytes.
     */
    private static final AtomicLong EPOCH = new AtomicLong();

    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    static {
        try {
            SnapshotHook.register();
        } catch (LinkageError e) {
            // org.crac excluded from the class path: the pools' age bounds still hold.
        }
    }

    private Randomness() {
    }

    static SecureRandom secureRandom() {
        return RANDOM;
    }

    /** A snapshot is about to be taken, or was restored: every pool draws afresh before its next use. */
    static void snapshotEvent() {
        EPOCH.incrementAndGet();
    }

    /** Fills {@code out[off, off + len)} with fresh random bytes, never handed out before. */
    static void nextBytes(byte[] out, int off, int len) {
        POOL.get().take(out, off, len, System.nanoTime(), System.currentTimeMillis());
    }

    /** As {@link #nextBytes(byte[], int, int)}, at the times given. */
    static void nextBytes(byte[] out, int off, int len, long nanos, long millis) {
        POOL.get().take(out, off, len, nanos, millis);
    }

    /** The snapshot epoch: it changes when a snapshot is about to be taken or was restored. */
    static long epoch() {
        return EPOCH.get();
    }

    /**
     * One thread's buffer. Its bytes are discarded, never handed out, when they are older than
     * {@value #POOL_MAX_NANOS} ns on the monotonic clock or {@value #POOL_MAX_MILLIS} ms on the wall
     * clock (or the wall clock went back), and when a snapshot event was reported.
     */
    static final class Pool {
        private final Supplier<SecureRandom> generators;
        private SecureRandom random;
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private int used = BUFFER_BYTES;
        private long filledAtNanos;
        private long filledAtMillis;
        private long epoch;

        Pool() {
            this(SecureRandom::new);
        }

        Pool(Supplier<SecureRandom> generators) {
            this.generators = generators;
            this.random = generators.get();
            this.epoch = EPOCH.get();
        }

        /**
         * What a JVM restored from a snapshot of this pool holds: the same buffer and
         * times, and a generator from {@code generators} (the platform's, which the kernel reseeds).
         * For tests of what two clones of one snapshot do.
         */
        Pool restoredCopy(Supplier<SecureRandom> generators) {
            Pool p = new Pool(generators);
            System.arraycopy(buffer, 0, p.buffer, 0, BUFFER_BYTES);
            p.used = used;
            p.filledAtNanos = filledAtNanos;
            p.filledAtMillis = filledAtMillis;
            p.epoch = epoch;
            return p;
        }

        void take(byte[] out, int off, int len, long nanos, long millis) {
            discardWhatIsStale(nanos, millis);
            draw(out, off, len, nanos, millis);
        }

        private void discardWhatIsStale(long nanos, long millis) {
            long now = EPOCH.get();
            boolean snapshot = now != epoch;
            if (snapshot) {
                random = generators.get();
                epoch = now;
            }
            boolean wallClockMoved = millis - filledAtMillis >= POOL_MAX_MILLIS || millis < filledAtMillis;
            if (snapshot || nanos - filledAtNanos >= POOL_MAX_NANOS || wallClockMoved) {
                java.util.Arrays.fill(buffer, (byte) 0);
                used = BUFFER_BYTES;
            }
            if (wallClockMoved && !snapshot) {
                // A restore moves the wall clock: a generator whose whole state is in memory (a DRBG)
                // would be the same in every clone, so a new one, seeded afresh, refills the buffer.
                random = generators.get();
            }
        }

        private void draw(byte[] out, int off, int len, long nanos, long millis) {
            if (len > BUFFER_BYTES) {
                byte[] fresh = new byte[len];
                random.nextBytes(fresh);
                System.arraycopy(fresh, 0, out, off, len);
                return;
            }
            if (BUFFER_BYTES - used < len) {
                random.nextBytes(buffer);
                used = 0;
                filledAtNanos = nanos;
                filledAtMillis = millis;
            }
            System.arraycopy(buffer, used, out, off, len);
            // Wipe what was handed out, so no slice can be handed out twice or read back later.
            java.util.Arrays.fill(buffer, used, used + len, (byte) 0);
            used += len;
        }
    }
}
