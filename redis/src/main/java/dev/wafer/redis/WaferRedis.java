package dev.wafer.redis;

import dev.wafer.web.RevocationStoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to Redis for wafer-web's shared state, on Lettuce: standalone Redis or Sentinel
 * ({@link #builder(RedisURI)}; a {@code redis-sentinel://} URI or one built with
 * {@code RedisURI.Builder.sentinel} finds the master through the sentinels, and follows a
 * failover), or Redis Cluster ({@link #clusterBuilder(List)}). It holds one connection for
 * commands and one for the invalidation channel, and gives the two stores that use them.
 *
 * <pre>{@code
 * WaferRedis redis = WaferRedis.builder(RedisURI.create("redis://10.0.0.5:6379"))
 *         .commandTimeout(Duration.ofMillis(500))
 *         .build();                                            // connects, or fails at start-up
 * WebSessions sessions = WebSessions.builder(sealer)
 *         .revocationStore(redis.revocationStore(), StoreFailure.FAIL_CLOSED)
 *         .sessionStore(redis.sessionStore(), SessionStore.Mode.OVERFLOW)
 *         .build();
 * }</pre>
 *
 * <h2>Faults</h2>
 * <p>No call waits longer than the command timeout (500 ms by default): Lettuce times the command
 * out, and the caller's wait is bounded independently of it. After a timeout, calls fail at once
 * until Redis answers a PING again, so a request that makes several calls waits one timeout at
 * most. While standalone Redis is disconnected, commands are refused at once rather than queued.
 * Lettuce reconnects on its own, retrying at most every {@link Builder#maxReconnectDelay}
 * (1 s by default); in a cluster it follows topology changes (all adaptive refresh triggers, and
 * a periodic refresh every 30 s).
 *
 * <p>This class is thread-safe; {@link #close()} closes the connections.
 *
 * @since 0.1
 */
public final class WaferRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WaferRedis.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final StatefulConnection<String, byte[]> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Commands commands;
    private final RedisRevocationStore revocations;
    private final RedisSessionStore sessions;
    private final String description;

    private WaferRedis(Builder b) {
        Keys keys = new Keys(b.keyPrefix);
        resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), b.maxReconnectDelay, 2, TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder()
                .connectTimeout(b.commandTimeout.compareTo(Duration.ofSeconds(1)) > 0 ? b.commandTimeout : Duration.ofSeconds(1))
                .keepAlive(true)
                .build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(b.commandTimeout);
        AbstractRedisClient c = null;
        StatefulConnection<String, byte[]> conn = null;
        StatefulRedisPubSubConnection<String, String> ps = null;
        Commands cmds = null;
        try {
            if (b.seeds == null) {
                RedisClient standalone = RedisClient.create(resources, b.uri);
                c = standalone;
                standalone.setOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .socketOptions(socket)
                        .timeoutOptions(timeouts)
                        .build());
                StatefulRedisConnection<String, byte[]> s = standalone.connect(CODEC);
                conn = s;
                cmds = new Commands(s.async(), b.commandTimeout.toNanos());
                ps = standalone.connectPubSub();
            } else {
                RedisClusterClient cluster = RedisClusterClient.create(resources, b.seeds);
                c = cluster;
                cluster.setOptions(ClusterClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .socketOptions(socket)
                        .timeoutOptions(timeouts)
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enableAllAdaptiveRefreshTriggers()
                                .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
                                .enablePeriodicRefresh(Duration.ofSeconds(30))
                                .build())
                        .build());
                StatefulRedisClusterConnection<String, byte[]> s = cluster.connect(CODEC);
                conn = s;
                // Node connections open lazily, and a command sent while one is still opening would be
                // refused: open them all now.
                s.sync().upstream().commands().ping();
                cmds = new Commands(s.async(), b.commandTimeout.toNanos());
                ps = cluster.connectPubSub();
            }
            RedisRevocationStore store = new RedisRevocationStore(cmds, keys,
                    new LocalCache(b.cacheTtl.toNanos(), b.cacheEntries));
            ps.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    if (keys.channel.equals(channel)) {
                        store.invalidated(message);
                    }
                }
            });
            ps.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                    store.clearCache();
                }

                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    store.clearCache();
                }
            });
            ps.sync().subscribe(keys.channel);
            client = c;
            connection = conn;
            pubSub = ps;
            commands = cmds;
            revocations = store;
            sessions = new RedisSessionStore(cmds, keys);
        } catch (RuntimeException e) {
            closeQuietly(ps);
            closeQuietly(conn);
            if (cmds != null) {
                cmds.close();
            }
            if (c != null) {
                c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new RevocationStoreException("could not connect to Redis: " + e.getMessage(), e);
        }
        description = (b.seeds == null ? "Redis" : "Redis Cluster") + ", timeout " + b.commandTimeout.toMillis() + " ms, prefix "
                + b.keyPrefix + ", cache " + (b.cacheEntries == 0 || b.cacheTtl.isZero() ? "off"
                        : b.cacheTtl.toMillis() + " ms x " + b.cacheEntries);
        LOG.info("Connected to {}", description);
    }

    private static void closeQuietly(StatefulConnection<?, ?> c) {
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing after a failure: nothing more to do
            }
        }
    }

    /**
     * Standalone Redis, or a master found through Sentinel: the URI says which
     * ({@code redis://}, {@code rediss://}, {@code redis-sentinel://}, or
     * {@code RedisURI.Builder.sentinel(...)}).
     *
     * @param uri the server or the sentinels, with credentials and database if any
     * @return a builder
     * @since 0.1
     */
    public static Builder builder(RedisURI uri) {
        return new Builder(Objects.requireNonNull(uri, "uri"), null);
    }

    /**
     * Redis Cluster, discovered from one or more of its nodes.
     *
     * @param seeds nodes to start from; the topology comes from the cluster
     * @return a builder
     * @throws IllegalArgumentException if there is no seed
     * @since 0.1
     */
    public static Builder clusterBuilder(List<RedisURI> seeds) {
        List<RedisURI> copy = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one seed node");
        }
        return new Builder(null, copy);
    }

    /**
     * The revocation store on this connection: one per {@code WaferRedis}, with its local cache.
     *
     * @return the store
     * @since 0.1
     */
    public RedisRevocationStore revocationStore() {
        return revocations;
    }

    /**
     * The session store on this connection.
     *
     * @return the store
     * @since 0.1
     */
    public RedisSessionStore sessionStore() {
        return sessions;
    }

    /**
     * Whether calls fail at once because a command timed out and Redis has not answered a PING
     * since.
     *
     * @return whether the stores are failing fast
     * @since 0.1
     */
    public boolean failingFast() {
        return commands.failingFast();
    }

    /**
     * Closes the connections and Lettuce's threads; the stores fail afterwards.
     *
     * @since 0.1
     */
    @Override
    public void close() {
        commands.close();
        closeQuietly(pubSub);
        closeQuietly(connection);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /**
     * What it connects to and how; never a password.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "WaferRedis[" + description + "]";
    }

    /**
     * Builds a {@link WaferRedis}; {@link #build()} connects.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RedisURI uri;
        private final List<RedisURI> seeds;
        private Duration commandTimeout = Duration.ofMillis(500);
        private String keyPrefix = "wafer:";
        private Duration maxReconnectDelay = Duration.ofSeconds(1);
        private Duration cacheTtl = Duration.ofMillis(500);
        private int cacheEntries = 10_000;

        private Builder(RedisURI uri, List<RedisURI> seeds) {
            this.uri = uri;
            this.seeds = seeds;
        }

        /**
         * The longest a call waits for Redis; 500 ms by default. A call that takes longer fails,
         * and wafer-web applies the application's {@code StoreFailure}.
         *
         * @param timeout 10 ms to 60 s
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         * @since 0.1
         */
        public Builder commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("a command timeout is 10 ms to 60 s");
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * What every key starts with, and the invalidation channel's name ({@code <prefix>invalidate});
         * {@code wafer:} by default. Applications that share a Redis and not their sessions take
         * different prefixes.
         *
         * @param prefix 1 to 64 printable ASCII characters, without braces or spaces
         * @return this builder
         * @throws IllegalArgumentException if it has other characters
         * @since 0.1
         */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            boolean ok = !prefix.isEmpty() && prefix.length() <= 64;
            for (int i = 0; ok && i < prefix.length(); i++) {
                char c = prefix.charAt(i);
                ok = c > 0x20 && c < 0x7f && c != '{' && c != '}';
            }
            if (!ok) {
                throw new IllegalArgumentException("a key prefix is 1 to 64 printable ASCII characters, without braces "
                        + "(which would change a key's cluster slot) or spaces");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /**
         * The longest wait between two reconnection attempts; 1 s by default. Attempts start
         * 10 ms apart and double up to this, so that service is back within about this time of
         * Redis being back.
         *
         * @param delay 10 ms to 60 s
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         * @since 0.1
         */
        public Builder maxReconnectDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.compareTo(Duration.ofMillis(10)) < 0 || delay.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("a reconnection delay is 10 ms to 60 s");
            }
            this.maxReconnectDelay = delay;
            return this;
        }

        /**
         * The revocation store's local cache: how long an answer is kept at most (the staleness
         * bound when an invalidation message is lost), and how many answers at most; 500 ms and
         * 10,000 by default. {@code Duration.ZERO} or 0 entries turn it off: every lookup asks Redis.
         *
         * @param ttl 0 to 10 s
         * @param maxEntries 0 to 1,000,000
         * @return this builder
         * @throws IllegalArgumentException if either is out of range
         * @since 0.1
         */
        public Builder localCache(Duration ttl, int maxEntries) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("a cache time is 0 to 10 s: it bounds how stale a revocation check may be");
            }
            if (maxEntries < 0 || maxEntries > 1_000_000) {
                throw new IllegalArgumentException("a cache holds 0 to 1,000,000 entries");
            }
            this.cacheTtl = ttl;
            this.cacheEntries = maxEntries;
            return this;
        }

        /**
         * Connects, and subscribes to the invalidation channel.
         *
         * @return the connection
         * @throws RevocationStoreException if Redis cannot be reached: a deployment fails at
         *     start-up, not at its first request
         * @since 0.1
         */
        public WaferRedis build() {
            return new WaferRedis(this);
        }
    }
}
