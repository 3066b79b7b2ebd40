package dev.wafer.redis;

import dev.wafer.web.RevocationStore;
import dev.wafer.web.RevocationStoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * wafer-web's {@link RevocationStore} on Redis, shared by every server: revoked session ids and
 * remember-me series, the step of each series, and per-user generations. Get it from
 * {@link WaferRedis#revocationStore()} and give it to {@code WebSessions}:
 *
 * <pre>{@code
 * WebSessions sessions = WebSessions.builder(sealer)
 *         .revocationStore(redis.revocationStore(), StoreFailure.FAIL_CLOSED)
 *         .build();
 * }</pre>
 *
 * <h2>What is stored, and for how long</h2>
 * <ul>
 * <li>A revoked id: its revocation time in epoch milliseconds, under its hash, expiring at that
 *     time ({@code SET ... PXAT}); a shorter revocation never shortens a longer one.</li>
 * <li>A remember-me series: its step, last rotation and end, under its hash, expiring at its
 *     end. Each use runs one Lua script on that one key (and its revocation, in the same cluster
 *     slot), so that parallel uses of one step rotate it exactly once.</li>
 * <li>A user's generation: a counter ({@code INCR}) under the user's hash, never expiring, since
 *     a generation that went back to 0 would bring ended sessions back.</li>
 * </ul>
 * Ids and user names reach Redis only as wafer-web hashes them ({@code Ids.hash}, SHA-256).
 *
 * <h2>Local cache</h2>
 * <p>Lookups ({@link #isRevoked}, {@link #generation}) go through a small local cache: each answer
 * is kept for the cache's time (500 ms by default). Every write publishes an invalidation on a
 * channel every instance subscribes to, so a revocation made on one server reaches the others in
 * the time a pub/sub message takes (milliseconds); if a message is lost, the cache's time still
 * bounds the staleness. The cache is emptied whenever the subscription reconnects. Remember-me
 * series are never cached.
 *
 * <h2>Faults</h2>
 * <p>Every call waits at most the command timeout; after a timeout, calls fail at once until Redis
 * answers again. A call that fails throws {@link RevocationStoreException}, and wafer-web applies
 * the {@code StoreFailure} the application chose; {@link #stats()} counts the failures.
 * Reconnection is Lettuce's own.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class RedisRevocationStore implements RevocationStore {
    private final Commands redis;
    private final Keys keys;
    private final LocalCache cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * Counters since the store was made.
     *
     * @param cacheHits lookups answered by the local cache
     * @param cacheMisses lookups that went to Redis
     * @param invalidationsReceived invalidation messages received over pub/sub, this instance's own included
     * @param failures calls that threw {@link RevocationStoreException}: Redis unreachable, slow or refusing
     * @since 0.1
     */
    public record Stats(long cacheHits, long cacheMisses, long invalidationsReceived, long failures) {
    }

    RedisRevocationStore(Commands redis, Keys keys, LocalCache cache) {
        this.redis = redis;
        this.keys = keys;
        this.cache = cache;
    }

    /** An invalidation arrived over pub/sub. */
    void invalidated(String message) {
        invalidations.increment();
        cache.invalidate(message);
    }

    /** The subscription (re)connected or dropped: invalidations may have been missed. */
    void clearCache() {
        cache.clear();
    }

    private RevocationStoreException failed(Commands.Unavailable e) {
        failures.increment();
        return new RevocationStoreException(e.getMessage(), e.getCause() == null ? e : e.getCause());
    }

    private static String message(char kind, String hash) {
        return kind + hash;
    }

    /** A number under a key, through the cache; 0 if there is none. */
    private long lookup(String cacheKey, String redisKey, String what) {
        return lookup(cacheKey, redisKey, what, true);
    }

    private long lookup(String cacheKey, String redisKey, String what, boolean fromCache) {
        Long cached = fromCache ? cache.get(cacheKey) : null;
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        long stamp = cache.stamp(cacheKey);
        byte[] v;
        try {
            v = redis.call(() -> redis.async.get(redisKey), what);
        } catch (Commands.Unavailable e) {
            throw failed(e);
        }
        long value;
        try {
            value = v == null ? 0 : Long.parseLong(new String(v, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            failures.increment();
            throw new RevocationStoreException("a key of the revocation store holds something that is not a number: is "
                    + "the key prefix shared with another application?", e);
        }
        cache.put(cacheKey, value, stamp);
        return value;
    }

    private long write(Script script, String what, String cacheKey, String[] redisKeys, byte[]... args) {
        try {
            return redis.eval(script, what, redisKeys, args);
        } catch (Commands.Unavailable e) {
            throw failed(e);
        } finally {
            if (cacheKey != null) {
                cache.invalidate(cacheKey); // whether or not the write went through
            }
        }
    }

    @Override
    public void revoke(String idHash, Instant until) {
        Keys.hash(idHash, "idHash");
        Objects.requireNonNull(until, "until");
        String m = message('r', idHash);
        write(Script.REVOKE, "a revocation", m, new String[] {keys.revoked(idHash), keys.series(idHash)},
                Keys.ascii(until.toEpochMilli()), Keys.ascii(keys.channel), Keys.ascii(m));
    }

    @Override
    public boolean isRevoked(String idHash, Instant now) {
        Keys.hash(idHash, "idHash");
        Objects.requireNonNull(now, "now");
        return now.toEpochMilli() < lookup(message('r', idHash), keys.revoked(idHash), "a revocation check");
    }

    @Override
    public long generation(String userHash) {
        Keys.hash(userHash, "userHash");
        return lookup(message('g', userHash), keys.generation(userHash), "a generation lookup");
    }

    /**
     * The generation as Redis holds it now, not as this server's cache remembers it: what a
     * sign-in records, so that a log-out-everywhere on another server a moment before is not missed.
     *
     * @param userHash the hashed user name
     * @return the generation
     */
    @Override
    public long currentGeneration(String userHash) {
        Keys.hash(userHash, "userHash");
        return lookup(message('g', userHash), keys.generation(userHash), "a generation lookup", false);
    }

    @Override
    public long advanceGeneration(String userHash) {
        Keys.hash(userHash, "userHash");
        String m = message('g', userHash);
        return write(Script.ADVANCE, "a generation's advance", m, new String[] {keys.generation(userHash)},
                Keys.ascii(keys.channel), Keys.ascii(m));
    }

    @Override
    public void startSeries(String seriesHash, Instant expiresAt) {
        Keys.hash(seriesHash, "seriesHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        write(Script.START, "a remember-me series' start", null, new String[] {keys.series(seriesHash)},
                Keys.ascii(expiresAt.toEpochMilli()));
    }

    @Override
    public SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace) {
        Keys.hash(seriesHash, "seriesHash");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(grace, "grace");
        String m = message('r', seriesHash);
        long use;
        try {
            use = redis.eval(Script.USE, "a remember-me token's use", new String[] {keys.series(seriesHash),
                keys.revoked(seriesHash)}, Keys.ascii(step), Keys.ascii(now.toEpochMilli()), Keys.ascii(grace.toMillis()),
                    Keys.ascii(keys.channel), Keys.ascii(m));
        } catch (Commands.Unavailable e) {
            throw failed(e);
        }
        switch ((int) use) {
            case 0:
                return SeriesUse.ROTATED;
            case 1:
                return SeriesUse.GRACE;
            case 2:
                cache.invalidate(m);
                return SeriesUse.REUSED;
            default:
                return SeriesUse.UNKNOWN;
        }
    }

    /**
     * The counters: cache hits and misses, invalidations received, and failures (a fail-open
     * application's count of unchecked requests, give or take the requests that made no call).
     *
     * @return the counters now
     * @since 0.1
     */
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), invalidations.sum(), failures.sum());
    }

    /**
     * Counters and the cache's size; never an id.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        Stats s = stats();
        return "RedisRevocationStore[cached=" + cache.size() + ", hits=" + s.cacheHits() + ", misses=" + s.cacheMisses()
                + ", failures=" + s.failures() + "]";
    }
}
