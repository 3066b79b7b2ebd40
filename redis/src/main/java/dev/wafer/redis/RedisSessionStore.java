package dev.wafer.redis;

import dev.wafer.web.SessionStore;
import dev.wafer.web.SessionStoreException;
import io.lettuce.core.SetArgs;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * wafer-web's {@link SessionStore} on Redis, shared by every server: a session's attributes, as
 * JSON, under its hashed id, expiring at the session's idle deadline (or its absolute end if that
 * comes first). Get it from {@link WaferRedis#sessionStore()}:
 *
 * <pre>{@code
 * WebSessions sessions = WebSessions.builder(sealer)
 *         .sessionStore(redis.sessionStore(), SessionStore.Mode.OVERFLOW)
 *         .build();
 * }</pre>
 *
 * <p>One {@code GET} per request that presents a session kept here; one {@code SET ... PXAT} when
 * it changes; one {@code PEXPIREAT} when only its deadline moves (at most once per touch
 * interval); one {@code DEL} when it ends. Every call waits at most the command timeout, and a
 * call that fails throws {@link SessionStoreException}.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class RedisSessionStore implements SessionStore {
    private final Commands redis;
    private final Keys keys;
    private final LongAdder failures = new LongAdder();

    RedisSessionStore(Commands redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private SessionStoreException failed(Commands.Unavailable e) {
        failures.increment();
        return new SessionStoreException(e.getMessage(), e.getCause() == null ? e : e.getCause());
    }

    @Override
    public byte[] load(String idHash) {
        String key = keys.data(Keys.hash(idHash, "idHash"));
        try {
            return redis.call(() -> redis.async.get(key), "a session's load");
        } catch (Commands.Unavailable e) {
            throw failed(e);
        }
    }

    @Override
    public void save(String idHash, byte[] data, Instant expiresAt) {
        String key = keys.data(Keys.hash(idHash, "idHash"));
        byte[] copy = Objects.requireNonNull(data, "data").clone();
        SetArgs at = SetArgs.Builder.pxAt(Objects.requireNonNull(expiresAt, "expiresAt").toEpochMilli());
        try {
            redis.call(() -> redis.async.set(key, copy, at), "a session's save");
        } catch (Commands.Unavailable e) {
            throw failed(e);
        }
    }

    @Override
    public void touch(String idHash, Instant expiresAt) {
        String key = keys.data(Keys.hash(idHash, "idHash"));
        long at = Objects.requireNonNull(expiresAt, "expiresAt").toEpochMilli();
        try {
            redis.call(() -> redis.async.pexpireat(key, at), "a session's deadline");
        } catch (Commands.Unavailable e) {
            throw failed(e);
        }
    }

    @Override
    public void delete(String idHash) {
        String key = keys.data(Keys.hash(idHash, "idHash"));
        try {
            redis.call(() -> redis.async.del(key), "a session's end");
        } catch (Commands.Unavailable e) {
            throw failed(e);
        }
    }

    /**
     * How many calls failed since the store was made.
     *
     * @return the count
     * @since 0.1
     */
    public long failures() {
        return failures.sum();
    }

    /**
     * The failure count; never an id or data.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "RedisSessionStore[failures=" + failures.sum() + "]";
    }
}
