package dev.wafer.conformance;

/**
 * A set of 128-bit values (the first 16 bytes of nonces) for millions of entries in two
 * {@code long} arrays: open addressing with linear probing, striped locks so that many threads
 * add at once. No boxing, about 40 bytes per entry at the default load.
 */
public final class NonceSet {
    private static final int STRIPES = 64;

    private final Stripe[] stripes = new Stripe[STRIPES];

    private static final class Stripe {
        final long[] hi;
        final long[] lo;
        final boolean[] used;
        final int mask;
        int size;

        Stripe(int capacity) {
            hi = new long[capacity];
            lo = new long[capacity];
            used = new boolean[capacity];
            mask = capacity - 1;
        }
    }

    /**
     * @param expected how many values will be added
     */
    public NonceSet(long expected) {
        long perStripe = Math.max(16, expected * 10 / 6 / STRIPES + 1); // load factor 0.6
        int capacity = Integer.highestOneBit((int) Math.min(1L << 30, perStripe - 1)) << 1;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(capacity);
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    /**
     * Adds a value.
     *
     * @param hi its first 8 bytes, big-endian
     * @param lo its next 8 bytes
     * @return {@code false} if it was already present: a repeat
     */
    public boolean add(long hi, long lo) {
        long h = mix(hi ^ mix(lo));
        Stripe s = stripes[(int) (h >>> 58)];
        synchronized (s) {
            if (s.size + 1 > s.used.length * 9L / 10) {
                throw new IllegalStateException("NonceSet is full: size it for more values");
            }
            int i = (int) h & s.mask;
            while (s.used[i]) {
                if (s.hi[i] == hi && s.lo[i] == lo) {
                    return false;
                }
                i = (i + 1) & s.mask;
            }
            s.used[i] = true;
            s.hi[i] = hi;
            s.lo[i] = lo;
            s.size++;
            return true;
        }
    }

    /**
     * Adds 16 bytes of an array.
     *
     * @param bytes the array
     * @param off where the 16 bytes start
     * @return {@code false} if they were already present
     */
    public boolean add(byte[] bytes, int off) {
        return add(getLong(bytes, off), getLong(bytes, off + 8));
    }

    /** @return how many distinct values were added */
    public long size() {
        long n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
