package dev.wafer.redis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small bounded cache of numbers read from Redis (revoked-until times, generations), each
 * fresh for a fixed time: staleness is bounded by that time even when an invalidation is lost.
 *
 * <p>A load that raced an invalidation must not put back what it read before it: each key's
 * stripe counts invalidations, a load notes the count before it reads, and its result is kept
 * only if the count has not moved by the time it is in the map.
 */
final class LocalCache {
    private static final int STRIPES = 256;

    private record Entry(long value, long freshUntilNanos) {
    }

    private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final long ttlNanos;
    private final int maxEntries;

    LocalCache(long ttlNanos, int maxEntries) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    private boolean disabled() {
        return ttlNanos <= 0 || maxEntries <= 0;
    }

    private static int stripe(String key) {
        return (key.hashCode() & 0x7fffffff) % STRIPES;
    }

    /** The invalidation count of a key's stripe: note it before loading the key. */
    long stamp(String key) {
        return stripes.get(stripe(key));
    }

    /** The value, if one is cached and fresh. */
    Long get(String key) {
        if (disabled()) {
            return null;
        }
        Entry e = map.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.freshUntilNanos >= 0) {
            map.remove(key, e);
            return null;
        }
        return e.value;
    }

    /** Caches a loaded value, unless the key was invalidated since its stamp. */
    void put(String key, long value, long stamp) {
        if (disabled()) {
            return;
        }
        int i = stripe(key);
        if (stripes.get(i) != stamp) {
            return;
        }
        if (map.size() >= maxEntries) {
            long now = System.nanoTime();
            map.values().removeIf(e -> now - e.freshUntilNanos >= 0);
            if (map.size() >= maxEntries) {
                map.clear();
            }
        }
        Entry e = new Entry(value, System.nanoTime() + ttlNanos);
        map.put(key, e);
        if (stripes.get(i) != stamp) {
            map.remove(key, e); // invalidated while it went in
        }
    }

    void invalidate(String key) {
        stripes.incrementAndGet(stripe(key));
        map.remove(key);
    }

    void clear() {
        for (int i = 0; i < STRIPES; i++) {
            stripes.incrementAndGet(i);
        }
        map.clear();
    }

    int size() {
        return map.size();
    }
}
