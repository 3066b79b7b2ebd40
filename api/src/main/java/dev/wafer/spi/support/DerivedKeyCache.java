package dev.wafer.spi.support;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p><b>Bound.</b> At most {@link #capacity()} entries are held, in sets of {@value #WAYS}; a new
 * entry replaces one of its set, chosen at random when the set is full. Besides them, a key lives
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
 * variable time; the set is chosen by a hash with a per-cache random seed. This class prints
 * nothing of the keys. The keys must not be modified by their users. This class is thread-safe.
 *
 * @param <K> the engine's representation of a derived key
 * @since 0.1
 */
public final class DerivedKeyCache<K> {

    /** Entries of an XAES-256-GCM engine's cache: enough for 16 servers over a day (benchmarks/README.md). */
    public static final int DEFAULT_CAPACITY = 1024;
    /** Entries per set: a prefix may sit in any of the {@value} slots of its set. */
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
        private final byte[] prefix;
        private final int hash;
        private final K key;
        /** Holders: the cache (1 while it holds the entry) and every call using it. 0: wiped. */
        private final AtomicInteger refs = new AtomicInteger(1);
        /** Written by the thread that derived it, before the entry is published; read by it only. */
        private boolean cached;

        private Lease(byte[] prefix, int hash, K key) {
            this.prefix = prefix;
            this.hash = hash;
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
            for (int r = refs.get(); r > 0; r = refs.get()) {
                if (refs.compareAndSet(r, r + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** Names the class only: a lease holds a secret key. */
        @Override
        public String toString() {
            return "DerivedKeyCache.Lease";
        }
    }

    private final int prefixBytes;
    private final Derivation<K> derivation;
    private final Wipe<K> wipe;
    private final AtomicReferenceArray<Lease<K>> slots;
    private final int setShift;
    private final int seed = ThreadLocalRandom.current().nextInt() | 1;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder wipes = new LongAdder();

    /**
     * A cache for keys derived from the first {@code prefixBytes} of a nonce.
     *
     * @param prefixBytes how many leading nonce bytes the derivation reads (12 for XAES-256-GCM)
     * @param capacity the most entries held: a power of two, at least {@value #WAYS}
     * @param derivation the engine's derivation, which reads only those bytes of the nonce
     * @param wipe destroys a key once it has left the cache and no call uses it
     * @throws IllegalArgumentException if {@code prefixBytes} is not positive or {@code capacity}
     *     not a power of two of at least {@value #WAYS}
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
        this.slots = new AtomicReferenceArray<>(capacity);
        this.setShift = 32 - Integer.numberOfTrailingZeros(capacity / WAYS);
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
        int h = hash(nonce, nonceOff);
        int base = set(h);
        for (int i = 0; i < WAYS; i++) {
            Lease<K> e = slots.get(base + i);
            if (e != null && e.hash == h
                    && Arrays.equals(e.prefix, 0, prefixBytes, nonce, nonceOff, nonceOff + prefixBytes) && e.tryRetain()) {
                hits.increment();
                return e;
            }
        }
        misses.increment();
        K key = Objects.requireNonNull(derivation.derive(nonce, nonceOff), "derived key");
        return new Lease<>(Arrays.copyOfRange(nonce, nonceOff, nonceOff + prefixBytes), h, key);
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
            lease.refs.incrementAndGet(); // the cache's reference
            int base = set(lease.hash);
            int way = -1;
            for (int i = 0; i < WAYS; i++) {
                if (slots.get(base + i) == null) {
                    way = i;
                    break;
                }
            }
            if (way < 0) {
                way = ThreadLocalRandom.current().nextInt(WAYS);
            }
            Lease<K> old = slots.getAndSet(base + way, lease);
            if (old != null) {
                evictions.increment();
                unref(old);
            }
        }
        unref(lease);
    }

    /**
     * Takes one more reference on a lease the caller already holds (or found pinned) if it is the
     * key for the prefix of the nonce at {@code nonceOff} and not wiped yet: for {@link XaesGcm}'s
     * sealing key, kept outside the cache. No counts change.
     *
     * @return whether the caller now holds one more reference, to give back with {@link #unpin(Lease)}
     */
    boolean retainFor(Lease<K> lease, byte[] nonce, int nonceOff) {
        return Arrays.equals(lease.prefix, 0, prefixBytes, nonce, nonceOff, nonceOff + prefixBytes)
                && lease.tryRetain();
    }

    /** Gives back a reference taken with {@link #retainFor}; the last holder wipes the key. */
    void unpin(Lease<K> lease) {
        unref(lease);
    }

    private void unref(Lease<K> lease) {
        if (lease.refs.decrementAndGet() == 0) {
            wipes.increment();
            wipe.wipe(lease.key);
        }
    }

    private int hash(byte[] nonce, int off) {
        int h = seed;
        for (int i = 0; i < prefixBytes; i++) {
            h = (h ^ nonce[off + i]) * 0x9E3779B1;
        }
        return h ^ (h >>> 15);
    }

    private int set(int hash) {
        return setShift == 32 ? 0 : ((hash * seed) >>> setShift) * WAYS;
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
