package dev.wafer.redis;

import dev.wafer.CookieSealer;
import dev.wafer.web.SessionStore;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebSessions;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;

/** The snippets of docs/redis.md, word for word between their markers (RedisGuideTest checks, and runs the ones it can). */
final class RedisGuide {
    private RedisGuide() {
    }

    static WaferRedis standalone(String redisUrl) {
        // SNIPPET-BEGIN standalone
        WaferRedis redis = WaferRedis.builder(RedisURI.create(redisUrl))      // redis://10.0.0.5:6379, rediss:// for TLS
                .commandTimeout(Duration.ofMillis(500))                      // the longest a request waits for Redis
                .build();                                                    // connects now: fails at start-up, not later
        // SNIPPET-END standalone
        return redis;
    }

    static WebSessions sessions(CookieSealer sealer, WaferRedis redis) {
        // SNIPPET-BEGIN sessions
        WebSessions sessions = WebSessions.builder(sealer)
                .revocationStore(redis.revocationStore(), StoreFailure.FAIL_CLOSED)  // the explicit choice
                .sessionStore(redis.sessionStore(), SessionStore.Mode.OVERFLOW)     // only what outgrows its cookie
                .build();
        // SNIPPET-END sessions
        return sessions;
    }

    static WaferRedis sentinel() {
        // SNIPPET-BEGIN sentinel
        WaferRedis redis = WaferRedis.builder(RedisURI.Builder.sentinel("10.0.0.11", 26379, "mymaster")
                        .withSentinel("10.0.0.12", 26379)
                        .withSentinel("10.0.0.13", 26379)
                        .build())                                            // or redis-sentinel://10.0.0.11:26379#mymaster
                .build();                                                    // finds the master, follows a failover
        // SNIPPET-END sentinel
        return redis;
    }

    static WaferRedis cluster() {
        // SNIPPET-BEGIN cluster
        WaferRedis redis = WaferRedis.clusterBuilder(List.of(
                        RedisURI.create("redis://10.0.0.21:6379"),            // any nodes: the rest is discovered
                        RedisURI.create("redis://10.0.0.22:6379")))
                .build();
        // SNIPPET-END cluster
        return redis;
    }

    static WebSessions exclusive(CookieSealer sealer, WaferRedis redis) {
        // SNIPPET-BEGIN exclusive
        WebSessions sessions = WebSessions.builder(sealer)
                .revocationStore(redis.revocationStore(), StoreFailure.FAIL_CLOSED)
                .exclusiveSessions(true)                                     // a sign-in ends the user's other sessions
                .build();
        // SNIPPET-END exclusive
        return sessions;
    }

    static double stats(WaferRedis redis) {
        // SNIPPET-BEGIN stats
        RedisRevocationStore.Stats stats = redis.revocationStore().stats();   // counters since start
        long unchecked = stats.failures();                                   // FAIL_OPEN: requests let through unchecked
        double hitRate = stats.cacheHits() / (double) Math.max(1, stats.cacheHits() + stats.cacheMisses());
        // SNIPPET-END stats
        return unchecked + hitRate;
    }
}
