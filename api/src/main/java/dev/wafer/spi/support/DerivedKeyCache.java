package dev.wafer.spi.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded cache, shared by all threads, of the keys that XAES-256-GCM derives from the first
 * bytes of its nonce, for the providers' XAES-256-GCM engines.
 *
 * <p>XAES-256-GCM (<a href="https://c2sp.org/XAES-256-GCM">C2SP</a>) derives an AES-256-GCM key
 * from the engine key and the first 12 bytes of the 24-byte nonce (the prefix), then encrypts
 * under it with the last 12 bytes as the GCM nonce. Wafer's sealer keeps one prefix for a bounded
 * run of values (docs/format.md §1.3), so the values of one sealer over a period share a derived
 * key, and a reader that keeps it skips the derivation (two AES calls) and, when the key holds a
 * ready cipher, the AES key schedule. The result is always the derivation's for that nonce,
 * whatever the cache holds: an entry is found only by its whole prefix.
 *
 * <p><b>Bound.</b> At most {@link #capacity()} entries are held, in sets of {@value #WAYS}. Each
 * prefix has two candidate sets, chosen by one 64-bit hash with a per-cache random seed; a new entry
 * takes a free slot in the emptier, or replaces one of the two sets' entries at random when both
 * are full. With two choices a cache filled to a third holds every prefix: with one, the set that
 * chance made fullest thrashed (issue 14's mix lost a key a few times a pass). The hashes of the
 * entries sit in one {@code int} array beside the entries, so a lookup reads one cache line per
 * set and then the one entry whose hash matches, not every entry of the set. Besides the entries,
 * a key lives
 * only while a call uses it, or while {@link XaesGcm} keeps it as its sealing key (one per engine,
 * outside the cache, until a seal under another prefix replaces it). An entry is added only through {@link #release(Lease, boolean)} with
 * {@code keep} set, which the engines pass only after the message authenticated (or was sealed):
 * a forged value costs its derivation, as without a cache, but evicts nothing.
 *
 * <p><b>Wiping.</b> When an entry leaves the cache, or a key that was never kept is released, the
 * key is handed to the {@link Wipe} once no thread uses it any more: reference counting, so that
 * a key is never wiped under a thread that is using it. What the wipe can reach depends on the
 * platform; the engines' {@link Wipe} says.
 *
 * <p>Security: the prefix travels in the clear in every sealed value, so it is compared in
 * variable time; the sets are chosen by a hash with a per-cache random seed. This class prints
 * nothing of the keys. The keys must not be modified by their users. This class is thread-safe.
 *
 * @param <K> the engine's representation of a derived key
 * @since 0.1
 */
public final class DerivedKeyCache<K> {

    /** Entries of an XAES-256-GCM engine's cache: enough for 16 servers over a day (benchmarks/README.md). */
    public static final int DEFAULT_CAPACITY = 1024;
    /** Entries per set: a prefix may sit in any of the {@value} slots of either of its two sets. */
    public static final int WAYS = 8;

    /**
     * Derives the key for one nonce.
     *
     * @param <K> the engine's representation of a derived key
     * @since 0.1
     */
    @FunctionalInterface
    public interface Derivation<K> {
        /**
         * Derives the key for the nonce at {@code nonceOff}.
         *
         * @param nonce array holding the nonce
         * @param nonceOff offset of the nonce
         * @return the derived key, never {@code null}
         * @throws GeneralSecurityException if the engine's primitive fails
         */
        K derive(byte[] nonce, int nonceOff) throws GeneralSecurityException;
    }

    /**
     * Destroys a key that no thread uses any more: zeroes its bytes and whatever the engine built from it.
     *
     * @param <K> the engine's representation of a derived key
     * @since 0.1
     */
    @FunctionalInterface
    public interface Wipe<K> {
        /**
         * Wipes the key; called once per key, by the thread that released it last.
         *
         * @param key the key, never used again
         */
        void wipe(K key);
    }

    /**
     * A derived key held for one call: from {@link #acquire(byte[], int)}, given back with
     * {@link #release(Lease, boolean)} exactly once.
     *
     * @param <K> the engine's representation of a derived key
     * @since 0.1
     */
    public static final class Lease<K> {
        private static final VarHandle REFS;

        static {
            try {
                REFS = MethodHandles.lookup().findVarHandle(Lease.class, "refs", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** The prefix, as two words: no array of its own to reach through. */
        private final long p0;
        private final long p1;
        private final int tag;
        private final K key;
        /** Holders: the cache (1 while it holds the entry) and every call using it. 0: wiped. */
        @SuppressWarnings("unused") // through REFS
        private volatile int refs = 1;
        /** Written by the thread that derived it, before the entry is published; read by it only. */
        private boolean cached;

        private Lease(long p0, long p1, int tag, K key) {
            this.p0 = p0;
            this.p1 = p1;
            this.tag = tag;
            this.key = key;
        }

        /**
         * The derived key, valid until this lease is released.
         *
         * @return the key
         */
        public K key() {
            return key;
        }

        private boolean tryRetain() {
            for (int r = refs; r > 0; r = refs) {
                if (REFS.compareAndSet(this, r, r + 1)) {
                    return true;
                }
            }
            return false;
        }

        private int retain() {
            return (int) REFS.getAndAdd(this, 1) + 1;
        }

        private int unref() {
            return (int) REFS.getAndAdd(this, -1) - 1;
        }

        /** Names the class only: a lease holds a secret key. */
        @Override
        public String toString() {
            return "DerivedKeyCache.Lease";
        }
    }

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int prefixBytes;
    private final Derivation<K> derivation;
    private final Wipe<K> wipe;
    private final AtomicReferenceArray<Lease<K>> slots;
    /**
     * The tag of the entry in each slot, read before the entry itself: a hint, written beside the
     * slot without a lock, so it may lag the slot in a race; a lookup always checks the entry's whole
     * prefix, so a stale hint costs a derivation, never a wrong key.
     */
    private final int[] tags;
    private final int setMask;
    private final long seed = ThreadLocalRandom.current().nextLong() | 1;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder wipes = new LongAdder();

    /**
     * A cache for keys derived from the first {@code prefixBytes} of a nonce.
     *
     * @param prefixBytes how many leading nonce bytes the derivation reads (12 for XAES-256-GCM), 1 to 16
     * @param capacity the most entries held: a power of two, at least {@value #WAYS}
     * @param derivation the engine's derivation, which reads only those bytes of the nonce
     * @param wipe destroys a key once it has left the cache and no call uses it
     * @throws IllegalArgumentException if {@code prefixBytes} is not between 1 and 16 or
     *     {@code capacity} not a power of two of at least {@value #WAYS}
     * @since 0.1
     */
    public DerivedKeyCache(int prefixBytes, int capacity, Derivation<K> derivation, Wipe<K> wipe) {
        if (prefixBytes <= 0) {
            throw new IllegalArgumentException("prefix length must be positive");
        }
        if (capacity < WAYS || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two of at least " + WAYS + ", not " + capacity);
        }
        this.prefixBytes = prefixBytes;
        this.derivation = Objects.requireNonNull(derivation, "derivation");
        this.wipe = Objects.requireNonNull(wipe, "wipe");
        if (prefixBytes > 16) {
            throw new IllegalArgumentException("prefix length must be at most 16, not " + prefixBytes);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.tags = new int[capacity];
        this.setMask = capacity / WAYS - 1;
    }

    /**
     * The key derived from the prefix of the nonce at {@code nonceOff}, held for the caller until
     * it calls {@link #release(Lease, boolean)}: the cached one, or a new derivation.
     *
     * @param nonce array holding the nonce, at least {@code prefixBytes} long from {@code nonceOff}
     * @param nonceOff offset of the nonce
     * @return the lease on the key
     * @throws GeneralSecurityException if the derivation fails; nothing is held then
     * @since 0.1
     */
    public Lease<K> acquire(byte[] nonce, int nonceOff) throws GeneralSecurityException {
        Objects.checkFromIndexSize(nonceOff, prefixBytes, nonce.length);
        long p0 = word0(nonce, nonceOff);
        long p1 = word1(nonce, nonceOff);
        long m = mix(p0, p1);
        int tag = (int) m;
        int first = setA(m);
        Lease<K> e = find(first, tag, p0, p1);
        if (e == null) {
            int second = setB(m);
            if (second != first) {
                e = find(second, tag, p0, p1);
            }
        }
        if (e != null) {
            hits.increment();
            return e;
        }
        misses.increment();
        K key = Objects.requireNonNull(derivation.derive(nonce, nonceOff), "derived key");
        return new Lease<>(p0, p1, tag, key);
    }

    /** The entry of the set at {@code base} for this prefix, retained; or null. */
    private Lease<K> find(int base, int tag, long p0, long p1) {
        for (int i = base; i < base + WAYS; i++) {
            if (tags[i] == tag) {
                Lease<K> e = slots.get(i);
                if (e != null && e.p0 == p0 && e.p1 == p1 && e.tryRetain()) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * Gives a key back. With {@code keep}, a key that is not cached yet enters the cache, replacing
     * one of its set if the set is full; pass it only when the message authenticated or was sealed,
     * so that forged values do not evict keys in use. A key that is not cached, or has left the
     * cache, is wiped when its last holder releases it.
     *
     * @param lease what {@link #acquire(byte[], int)} returned, released once
     * @param keep whether the key may be cached
     * @since 0.1
     */
    public void release(Lease<K> lease, boolean keep) {
        if (keep && !lease.cached) {
            lease.cached = true;
            lease.retain(); // the cache's reference
            long m = mix(lease.p0, lease.p1);
            int first = setA(m);
            int second = setB(m);
            // The emptier of the two sets: with two choices and the less loaded taken, a cache filled to
            // a third overflows a set about never (one choice: a set overflows in a third of fills).
            int inFirst = free(first);
            int inSecond = second == first ? 0 : free(second);
            int slot = inFirst == 0 && inSecond == 0 ? -1 : freeSlot(inFirst >= inSecond ? first : second);
            if (slot < 0) {
                int r = ThreadLocalRandom.current().nextInt(2 * WAYS);
                slot = (r < WAYS ? first : second) + (r & (WAYS - 1));
            }
            // Two threads filling one slot at once may leave the hint naming the loser: that entry
            // is then found by nobody and leaves with the slot's next eviction, wiped as ever.
            tags[slot] = lease.tag;
            Lease<K> old = slots.getAndSet(slot, lease);
            if (old != null) {
                evictions.increment();
                unref(old);
            }
        }
        unref(lease);
    }

    /** How many slots of the set at {@code base} are empty. */
    private int free(int base) {
        int n = 0;
        for (int i = base; i < base + WAYS; i++) {
            if (slots.get(i) == null) {
                n++;
            }
        }
        return n;
    }

    /** An empty slot of the set at {@code base}, or, if another thread just filled the last, a random one. */
    private int freeSlot(int base) {
        for (int i = base; i < base + WAYS; i++) {
            if (slots.get(i) == null) {
                return i;
            }
        }
        return base + ThreadLocalRandom.current().nextInt(WAYS);
    }

    /**
     * Takes one more reference on a lease the caller already holds (or found pinned) if it is the
     * key for the prefix of the nonce at {@code nonceOff} and not wiped yet: for {@link XaesGcm}'s
     * sealing key, kept outside the cache. No counts change.
     *
     * @return whether the caller now holds one more reference, to give back with {@link #unpin(Lease)}
     */
    boolean retainFor(Lease<K> lease, byte[] nonce, int nonceOff) {
        Objects.checkFromIndexSize(nonceOff, prefixBytes, nonce.length);
        return lease.p0 == word0(nonce, nonceOff) && lease.p1 == word1(nonce, nonceOff) && lease.tryRetain();
    }

    /** Gives back a reference taken with {@link #retainFor}; the last holder wipes the key. */
    void unpin(Lease<K> lease) {
        unref(lease);
    }

    private void unref(Lease<K> lease) {
        if (lease.unref() == 0) {
            wipes.increment();
            wipe.wipe(lease.key);
        }
    }

    /** The prefix's first 8 bytes (or fewer), little-endian. */
    private long word0(byte[] nonce, int off) {
        if (prefixBytes >= 8) {
            return (long) LONG_LE.get(nonce, off);
        }
        return bytes(nonce, off, prefixBytes);
    }

    /** The prefix's bytes after the eighth, little-endian; 0 if none. */
    private long word1(byte[] nonce, int off) {
        if (prefixBytes == 12) {
            return (int) INT_LE.get(nonce, off + 8) & 0xffff_ffffL;
        }
        return prefixBytes <= 8 ? 0 : bytes(nonce, off + 8, prefixBytes - 8);
    }

    private static long bytes(byte[] a, int off, int n) {
        long w = 0;
        for (int i = n - 1; i >= 0; i--) {
            w = (w << 8) | (a[off + i] & 0xff);
        }
        return w;
    }

    /** A 64-bit mix of the prefix under this cache's seed (the finaliser of SplitMix64). */
    private long mix(long p0, long p1) {
        long z = (p0 ^ seed) * 0x9E3779B97F4A7C15L + p1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** First slot of the prefix's first candidate set: from the mix's top bits. */
    private int setA(long m) {
        return ((int) (m >>> 48) & setMask) * WAYS;
    }

    /** First slot of its second candidate set: from other bits than the first's and the tag's. */
    private int setB(long m) {
        return ((int) (m >>> 32) & setMask) * WAYS;
    }

    /**
     * The most entries this cache holds.
     *
     * @return the capacity given to the constructor
     * @since 0.1
     */
    public int capacity() {
        return slots.length();
    }

    /**
     * Entries held now.
     *
     * @return at most {@link #capacity()}
     * @since 0.1
     */
    public int size() {
        int n = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * Calls of {@link #acquire(byte[], int)} that found their key cached.
     *
     * @return the count since construction
     * @since 0.1
     */
    public long hits() {
        return hits.sum();
    }

    /**
     * Calls of {@link #acquire(byte[], int)} that derived.
     *
     * @return the count since construction
     * @since 0.1
     */
    public long misses() {
        return misses.sum();
    }

    /**
     * Entries that a new entry replaced.
     *
     * @return the count since construction
     * @since 0.1
     */
    public long evictions() {
        return evictions.sum();
    }

    /**
     * Keys handed to the {@link Wipe}.
     *
     * @return the count since construction
     * @since 0.1
     */
    public long wipes() {
        return wipes.sum();
    }

    /** Names the class and its counts only: a cache holds secret keys. */
    @Override
    public String toString() {
        return "DerivedKeyCache[capacity=" + capacity() + ", hits=" + hits() + ", misses=" + misses() + "]";
    }
}
