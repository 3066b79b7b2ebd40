package dev.wafer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One sealer's XAES-256-GCM nonce prefix, shared by all its threads (docs/format.md §1.3).
 *
 * <p>A nonce is this sealer's current 12-byte prefix followed by 12 fresh random bytes from the
 * thread's {@link Randomness} pool. A prefix is 12 fresh random bytes, drawn anew when it has
 * served {@value Randomness#PREFIX_MAX_USES} nonces (counted atomically across threads), when it
 * is {@link #MAX_AGE_MILLIS} ms old on the monotonic or the wall clock, when the two clocks drifted
 * a second apart under it (a suspended, restored or reset machine), and when a snapshot event was
 * reported ({@link Randomness#snapshotEvent()}). The count bounds the values
 * per prefix, on which the collision bound rests; the suffix, never a counter, makes every nonce
 * unique. Readers see one prefix per sealer per period, so they can keep its derived key
 * (a bounded cache, {@code DerivedKeyCache}). This class is thread-safe.
 */
final class XaesPrefix {
    /** Longest life of a prefix: one hour. */
    static final long MAX_AGE_MILLIS = 3_600_000L;
    private static final long MAX_AGE_NANOS = MAX_AGE_MILLIS * 1_000_000L;
    /** How far the wall clock may drift from the monotonic one under one prefix. */
    static final long MAX_CLOCK_DRIFT_MILLIS = 1000;

    private static final class State {
        final byte[] prefix = new byte[Randomness.PREFIX_BYTES];
        final AtomicInteger uses = new AtomicInteger();
        final long nanos;
        final long millis;
        final long epoch;

        State(long nanos, long millis, long epoch) {
            this.nanos = nanos;
            this.millis = millis;
            this.epoch = epoch;
        }
    }

    private final AtomicReference<State> current = new AtomicReference<>();

    /** Fills the 24-byte {@code out[off, off + 24)} with a fresh XAES nonce. */
    void next(byte[] out, int off, int len) {
        take(out, off, len, System.nanoTime(), System.currentTimeMillis());
    }

    void take(byte[] out, int off, int len, long nanos, long millis) {
        if (len != 2 * Randomness.PREFIX_BYTES) {
            throw new IllegalArgumentException("an XAES-256-GCM nonce is 24 bytes");
        }
        State s = current.get();
        while (s == null || stale(s, nanos, millis) || s.uses.getAndIncrement() >= Randomness.PREFIX_MAX_USES) {
            State fresh = new State(nanos, millis, Randomness.epoch());
            Randomness.nextBytes(fresh.prefix, 0, Randomness.PREFIX_BYTES, nanos, millis);
            // Whoever loses the race takes the winner's prefix, counted like any other use.
            current.compareAndSet(s, fresh);
            s = current.get();
        }
        System.arraycopy(s.prefix, 0, out, off, Randomness.PREFIX_BYTES);
        Randomness.nextBytes(out, off + Randomness.PREFIX_BYTES, Randomness.PREFIX_BYTES, nanos, millis);
    }

    private static boolean stale(State s, long nanos, long millis) {
        long monoMillis = (nanos - s.nanos) / 1_000_000L;
        long wallMillis = millis - s.millis;
        return s.epoch != Randomness.epoch() || nanos - s.nanos >= MAX_AGE_NANOS || wallMillis >= MAX_AGE_MILLIS
                || Math.abs(wallMillis - monoMillis) >= MAX_CLOCK_DRIFT_MILLIS;
    }

    @Override
    public String toString() {
        return "XaesPrefix";
    }
}
