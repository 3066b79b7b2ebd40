package dev.wafer.benchmarks;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.redis.WaferRedis;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.SessionStore;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.WaferSessionFilter;
import io.lettuce.core.RedisURI;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Issue 12's performance point: a request over HTTP to embedded Jetty 12 (ee10) on loopback, with
 * a real {@code redis-server} on loopback, per kind of session ({@link SessionApp} serves the same
 * pages for each):
 *
 * <ul>
 * <li>{@code cookie}: a wafer-web sealed-cookie session with no revocation check (a revocation
 *     store that knows nothing), the baseline;</li>
 * <li>{@code cookie-revocation}: the same, checked against wafer-redis's revocation store with its
 *     local cache (the defaults: 500 ms, 10,000 entries, invalidated over pub/sub): the session id
 *     and the user's generation are looked up on every request;</li>
 * <li>{@code wafer-redis}: a wafer-redis server-side session ({@code SessionStore.Mode.ALWAYS}: the
 *     cookie holds the sealed id, the five attributes are in Redis, one {@code GET} per request),
 *     with the same revocation store;</li>
 * <li>{@code spring-session}: Spring Session Data Redis 4.0.4, as {@code @EnableRedisHttpSession}
 *     sets it up (its {@code RedisSessionRepository} and {@code SessionRepositoryFilter}, string keys,
 *     JDK-serialized values, 30-minute sessions) on Lettuce 7.7.0, the Lettuce wafer-redis uses.</li>
 * </ul>
 *
 * <p>{@code read} reads the user and five attributes; {@code write} also counts a visit. Each JMH
 * thread is one client with its own keep-alive connection ({@link HttpConnection}) and its own
 * session, signed in at setup; its cookie jar follows every {@code Set-Cookie}. One thread gives the
 * latency; several give the throughput (threads ÷ time per request). The server and Redis are started
 * once per trial, in the fork; the clock is the system's, so a run longer than the one-minute touch
 * interval reissues each client's cookie once a minute, as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionServerBenchmark {
    @Param({"cookie", "cookie-revocation", "wafer-redis", "spring-session"})
    public String session;

    private RedisProcess redisServer;
    private WaferRedis waferRedis;
    private LettuceConnectionFactory springRedis;
    private SessionApp.Running jetty;
    final AtomicInteger users = new AtomicInteger();

    @Setup(Level.Trial)
    public void setup() throws Exception {
        redisServer = RedisProcess.start();
        Filter filter;
        if (session.equals("spring-session")) {
            springRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisServer.port));
            springRedis.afterPropertiesSet();
            springRedis.start();
            // What RedisHttpSessionConfiguration builds: string keys and hash keys, the default (JDK) serializer for values.
            RedisTemplate<String, Object> template = new RedisTemplate<>();
            template.setConnectionFactory(springRedis);
            template.setKeySerializer(RedisSerializer.string());
            template.setHashKeySerializer(RedisSerializer.string());
            template.setBeanClassLoader(getClass().getClassLoader());
            template.afterPropertiesSet();
            RedisSessionRepository repository = new RedisSessionRepository(template);
            repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
            filter = new SessionRepositoryFilter<>(repository);
        } else {
            CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
            WebSessions.Builder b = WebSessions.builder(sealer);
            if (session.equals("cookie")) {
                b.revocationStore(new NoRevocation(), StoreFailure.FAIL_CLOSED);
            } else {
                waferRedis = WaferRedis.builder(RedisURI.create(redisServer.uri())).build();
                b.revocationStore(waferRedis.revocationStore(), StoreFailure.FAIL_CLOSED);
                if (session.equals("wafer-redis")) {
                    b.sessionStore(waferRedis.sessionStore(), SessionStore.Mode.ALWAYS);
                }
            }
            filter = new WaferSessionFilter(b.build());
        }
        jetty = SessionApp.start(filter, false, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            jetty.close();
        } finally {
            if (waferRedis != null) {
                waferRedis.close();
            }
            if (springRedis != null) {
                springRedis.destroy();
            }
            redisServer.close();
        }
    }

    /** One client: a connection, and a session signed in at setup. */
    @State(Scope.Thread)
    public static class Client {
        HttpConnection http;

        @Setup(Level.Trial)
        public void signIn(SessionServerBenchmark server) throws IOException {
            http = new HttpConnection(server.jetty.port());
            if (http.get("/login?user=user" + server.users.incrementAndGet()) != 200 || http.cookies.isEmpty()
                    || http.get("/read") != 200 || http.get("/write") != 200) {
                throw new IllegalStateException(server.session + ": signing in failed: " + http.lastStatus + " "
                        + http.lastBody + " " + http.cookies.keySet());
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            http.close();
        }

        int call(String path) throws IOException {
            int status = http.get(path);
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + " " + http.lastBody);
            }
            return status;
        }
    }

    @Benchmark
    public int read(Client client) throws IOException {
        return client.call("/read");
    }

    @Benchmark
    public int write(Client client) throws IOException {
        return client.call("/write");
    }

    /** No revocation check: a store that has revoked nothing and counts no generation. */
    static final class NoRevocation implements RevocationStore {
        @Override
        public void revoke(String idHash, Instant until) {
        }

        @Override
        public boolean isRevoked(String idHash, Instant now) {
            return false;
        }

        @Override
        public long generation(String userHash) {
            return 0;
        }

        @Override
        public long advanceGeneration(String userHash) {
            return 1;
        }

        @Override
        public void startSeries(String seriesHash, Instant expiresAt) {
        }

        @Override
        public SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace) {
            return SeriesUse.UNKNOWN;
        }

        @Override
        public String toString() {
            return "no revocation";
        }
    }
}
