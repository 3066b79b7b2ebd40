package dev.wafer.spring;

import dev.wafer.redis.WaferRedis;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.SessionStore;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * wafer-redis on Boot's Redis settings ({@code spring.data.redis.*}: standalone, Sentinel or
 * Cluster, with their user name and password): the revocation store shared by every server, with
 * its local cache invalidated over pub/sub, and the session store for
 * {@code wafer.session.store}. On when wafer-redis and Boot's Redis support are on the class path.
 *
 * <h2>Security</h2>
 * <p>Only SHA-256 hashes of ids and user names are written to Redis. What a request gets while
 * Redis cannot answer is {@code wafer.session.store-failure}, which must be set: start-up stops
 * without it. TLS ({@code spring.data.redis.ssl}) is not carried over: use a loopback or private
 * network, or define a {@link WaferRedis} bean of your own.
 *
 * @since 0.1
 */
@AutoConfiguration(before = WaferWebAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty(name = "wafer.enabled", matchIfMissing = true)
@ConditionalOnClass({WaferRedis.class, DataRedisConnectionDetails.class})
@ConditionalOnBooleanProperty(name = "wafer.redis.enabled", matchIfMissing = true)
@ConditionalOnBean(DataRedisConnectionDetails.class)
public class WaferRedisAutoConfiguration {
    /** Created by Spring. */
    public WaferRedisAutoConfiguration() {
    }

    /**
     * The Redis client and its stores.
     *
     * @param p the settings
     * @param details Boot's Redis connection
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public WaferRedis waferRedis(WaferProperties p, DataRedisConnectionDetails details) {
        WaferProperties.Redis r = p.getRedis();
        Duration timeout = r.getCommandTimeout();
        WaferRedis.Builder b;
        if (details.getCluster() != null) {
            List<RedisURI> seeds = new ArrayList<>();
            for (DataRedisConnectionDetails.Node n : details.getCluster().getNodes()) {
                seeds.add(auth(RedisURI.Builder.redis(n.host(), n.port()), details).withTimeout(timeout).build());
            }
            b = WaferRedis.clusterBuilder(seeds);
        } else if (details.getSentinel() != null) {
            DataRedisConnectionDetails.Sentinel s = details.getSentinel();
            RedisURI.Builder u = null;
            for (DataRedisConnectionDetails.Node n : s.getNodes()) {
                u = u == null ? RedisURI.Builder.sentinel(n.host(), n.port(), s.getMaster()) : u.withSentinel(n.host(), n.port());
            }
            if (u == null) {
                throw new dev.wafer.KeyException("spring.data.redis.sentinel names no nodes");
            }
            b = WaferRedis.builder(auth(u.withDatabase(s.getDatabase()), details).withTimeout(timeout).build());
        } else {
            DataRedisConnectionDetails.Standalone s = details.getStandalone();
            b = WaferRedis.builder(auth(RedisURI.Builder.redis(s.getHost(), s.getPort()).withDatabase(s.getDatabase()),
                    details).withTimeout(timeout).build());
        }
        return b.commandTimeout(timeout).keyPrefix(r.getKeyPrefix()).localCache(r.getCacheTtl(), 10_000).build();
    }

    private static RedisURI.Builder auth(RedisURI.Builder b, DataRedisConnectionDetails d) {
        if (d.getPassword() != null) {
            if (d.getUsername() != null) {
                b.withAuthentication(d.getUsername(), d.getPassword().toCharArray());
            } else {
                b.withPassword(d.getPassword().toCharArray());
            }
        }
        return b;
    }

    /**
     * The shared revocation store.
     *
     * @param redis the client
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public RevocationStore waferRedisRevocationStore(WaferRedis redis) {
        return redis.revocationStore();
    }

    /**
     * The shared session store, used when {@code wafer.session.store} is {@code overflow} or
     * {@code always}.
     *
     * @param redis the client
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionStore waferRedisSessionStore(WaferRedis redis) {
        return redis.sessionStore();
    }
}
