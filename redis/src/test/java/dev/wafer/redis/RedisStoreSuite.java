package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.web.Ids;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.RevocationStoreException;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.SessionStore;
import dev.wafer.web.SessionStoreException;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebRequest;
import dev.wafer.web.WebSessions;
import dev.wafer.web.conformance.RevocationStoreConformance;
import dev.wafer.web.conformance.SessionStoreConformance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stores against real Redis processes, the same tests on every deployment (standalone Redis in
 * {@link StandaloneRedisTest}, a Redis Cluster of three masters in {@link RedisClusterTest}): the
 * conformance suites, then what is stored, propagation, the cache, the timeout, scripts, settings,
 * memory and access. What the tests do to Redis behind the stores' backs goes through
 * {@link RedisDeployment}: on the node that owns a key, or on every node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisStoreSuite {
    RedisDeployment redis;
    final List<WaferRedis> clients = new ArrayList<>();

    /** Starts the Redis processes the tests run against. */
    protected abstract RedisDeployment deploy();

    @BeforeAll
    void start() {
        redis = deploy();
    }

    @AfterAll
    void stop() {
        clients.forEach(WaferRedis::close);
        clients.clear();
        if (redis != null) {
            redis.close();
        }
    }

    WaferRedis client() {
        return client(redis.builder());
    }

    synchronized WaferRedis client(WaferRedis.Builder b) {
        WaferRedis c = b.build();
        clients.add(c);
        return c;
    }

    @Nested
    class RevocationConformance extends RevocationStoreConformance {
        @Override
        protected RevocationStore store() {
            return client().revocationStore();
        }
    }

    @Nested
    class SessionConformance extends SessionStoreConformance {
        @Override
        protected SessionStore store() {
            return client().sessionStore();
        }
    }

    static String random(Ids.Kind kind) {
        return Ids.hash(kind, Ids.random());
    }

    /** A request with a cookie header only. */
    static WebRequest get(String cookies) {
        return new WebRequest() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public List<String> cookieHeaders() {
                return cookies.isEmpty() ? List.of() : List.of(cookies);
            }

            @Override
            public String header(String name) {
                return null;
            }

            @Override
            public String remoteAddress() {
                return "127.0.0.1";
            }

            @Override
            public String origin() {
                return "http://127.0.0.1";
            }

            @Override
            public String formField(String name) {
                return null;
            }
        };
    }

    static String cookies(List<String> setCookies, String before) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (String pair : before.split("; ")) {
            if (pair.contains("=")) {
                jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        for (String line : setCookies) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty()) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    @Test
    void whatIsStoredIsHashedAndLastsAsLongAsItMatters() {
        redis.flushAll();
        WaferRedis r = client();
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
        WebSessions sessions = WebSessions.builder(sealer).revocationStore(r.revocationStore(), StoreFailure.FAIL_CLOSED)
                .sessionStore(r.sessionStore(), SessionStore.Mode.ALWAYS).build();
        SessionHandle login = sessions.begin(get(""));
        login.login("alice@example.com", true);
        login.session().orElseThrow().setAttribute("cart", List.of("tea"));
        String sessionId = login.session().orElseThrow().id();
        String jar = cookies(login.commit(), "");
        SessionHandle out = sessions.begin(get(jar));
        assertTrue(out.user().isPresent());
        out.logoutEverywhere();
        out.commit();

        List<String> keys = redis.keys("*");
        String sid = Ids.hash(Ids.Kind.SESSION, sessionId);
        String user = Ids.hash(Ids.Kind.USER, "alice@example.com");
        for (String k : keys) {
            assertTrue(k.matches("wafer:\\{[A-Za-z0-9_-]{43}\\}:[rsgd]"), k);
            assertFalse(k.contains(sessionId) || k.contains("alice"), "never a raw id or name: " + k);
        }
        // The session's id: revoked until its absolute end (12 h), its data deleted at logout.
        long until = Long.parseLong(redis.onOwner("wafer:{" + sid + "}:r", "GET", "wafer:{" + sid + "}:r"));
        long ttl = Long.parseLong(redis.onOwner("wafer:{" + sid + "}:r", "PTTL", "wafer:{" + sid + "}:r"));
        assertTrue(Math.abs(until - System.currentTimeMillis() - ttl) < 2_000, "the TTL is the remaining lifetime: " + ttl);
        assertTrue(ttl > Duration.ofHours(12).minusMinutes(1).toMillis() && ttl <= Duration.ofHours(12).toMillis(), "ttl " + ttl);
        assertNull(redis.onOwner("wafer:{" + sid + "}:d", "GET", "wafer:{" + sid + "}:d"));
        // The user's generation: advanced once, and never expiring.
        assertEquals("1", redis.onOwner("wafer:{" + user + "}:g", "GET", "wafer:{" + user + "}:g"));
        assertEquals("-1", redis.onOwner("wafer:{" + user + "}:g", "PTTL", "wafer:{" + user + "}:g"));
        // The remember-me series: revoked until its end (30 days), its state gone.
        long seriesTtls = keys.stream().filter(k -> k.endsWith(":r") && !k.contains(sid))
                .mapToLong(k -> Long.parseLong(redis.onOwner(k, "PTTL", k))).filter(t -> t > Duration.ofDays(29).toMillis()).count();
        assertEquals(1, seriesTtls, keys.toString());
        assertEquals(3, keys.size(), "a revoked session, a revoked series, a generation: " + keys);

        // A live session's data: JSON attributes under the hashed id, until its idle deadline.
        SessionHandle live = sessions.begin(get(""));
        live.getOrCreate().setAttribute("note", "hello");
        String liveId = live.session().orElseThrow().id();
        live.commit();
        String dataKey = "wafer:{" + Ids.hash(Ids.Kind.SESSION, liveId) + "}:d";
        assertEquals("{\"v\":1,\"a\":{\"note\":\"hello\"}}", redis.onOwner(dataKey, "GET", dataKey));
        long dataTtl = Long.parseLong(redis.onOwner(dataKey, "PTTL", dataKey));
        assertTrue(dataTtl > Duration.ofMinutes(29).toMillis() && dataTtl <= Duration.ofMinutes(30).toMillis(), "ttl " + dataTtl);
    }

    @Test
    void aRevocationOnOneInstanceIsHonouredByAnotherWithinASecond() {
        RedisRevocationStore a = client().revocationStore();
        RedisRevocationStore b = client().revocationStore();
        int rounds = 200;
        long[] revocations = new long[rounds];
        long[] generations = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String id = random(Ids.Kind.SESSION);
            assertFalse(b.isRevoked(id, Instant.now()));
            assertFalse(b.isRevoked(id, Instant.now()), "cached on B");
            long t0 = System.nanoTime();
            a.revoke(id, Instant.now().plusSeconds(60));
            while (!b.isRevoked(id, Instant.now())) {
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "B never saw A's revocation");
                Thread.onSpinWait();
            }
            revocations[i] = System.nanoTime() - t0;
            String user = random(Ids.Kind.USER);
            assertEquals(0, b.generation(user));
            t0 = System.nanoTime();
            long g = a.advanceGeneration(user);
            while (b.generation(user) != g) {
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "B never saw A's generation");
                Thread.onSpinWait();
            }
            generations[i] = System.nanoTime() - t0;
        }
        assertTrue(b.stats().cacheHits() > rounds, b.toString());
        assertTrue(b.stats().invalidationsReceived() >= 2L * rounds, b.toString());
        double p50 = Figures.quantileMillis(revocations, 0.5);
        double max = Figures.quantileMillis(revocations, 1.0);
        Figures.report("propagation " + redis.name() + " (revoke on A, seen on B, " + rounds + " rounds, write included)",
                "median " + Figures.millis(p50) + ", p99 " + Figures.millis(Figures.quantileMillis(revocations, 0.99)) + ", max "
                        + Figures.millis(max) + "; generation: median " + Figures.millis(Figures.quantileMillis(generations, 0.5))
                        + ", max " + Figures.millis(Figures.quantileMillis(generations, 1.0)));
        assertTrue(max < 1000, "max " + max);
        assertTrue(Figures.quantileMillis(generations, 1.0) < 1000);
    }

    @Test
    void aLostInvalidationIsBoundedByTheCacheTime() {
        RedisRevocationStore b = client().revocationStore();
        long[] seen = new long[10];
        for (int i = 0; i < seen.length; i++) {
            String id = random(Ids.Kind.SESSION);
            assertFalse(b.isRevoked(id, Instant.now()));
            String until = Long.toString(System.currentTimeMillis() + 60_000);
            long t0 = System.nanoTime();
            // Written behind the store's back: no invalidation is published, as if the message were lost.
            assertEquals("OK", redis.onOwner("wafer:{" + id + "}:r", "SET", "wafer:{" + id + "}:r", until, "PXAT", until));
            while (!b.isRevoked(id, Instant.now())) {
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "the cache kept a stale answer");
                RedisServer.sleep(5);
            }
            seen[i] = System.nanoTime() - t0;
        }
        double max = Figures.quantileMillis(seen, 1.0);
        Figures.report(redis.figure("staleness without the invalidation (cache 500 ms)"), "max " + Figures.millis(max) + " over " + seen.length);
        assertTrue(max < 1000, "max " + max);
    }

    @Test
    void theLocalCacheAnswersRepeatedLookupsAndCanBeTurnedOff() {
        RedisRevocationStore cached = client().revocationStore();
        String id = random(Ids.Kind.SESSION);
        for (int i = 0; i < 100; i++) {
            cached.isRevoked(id, Instant.now());
        }
        assertTrue(cached.stats().cacheHits() >= 99, cached.toString());
        RedisRevocationStore uncached = client(redis.builder().localCache(Duration.ZERO, 0)).revocationStore();
        for (int i = 0; i < 10; i++) {
            uncached.isRevoked(id, Instant.now());
        }
        assertEquals(0, uncached.stats().cacheHits());
        assertEquals(10, uncached.stats().cacheMisses());
    }

    @Test
    void noCallWaitsPastTheTimeoutWhileRedisSleeps() throws Exception {
        WaferRedis r = client(redis.builder().commandTimeout(Duration.ofMillis(300)));
        RedisRevocationStore store = r.revocationStore();
        RedisSessionStore sessions = r.sessionStore();
        // The node that sleeps, and ids whose keys it serves: on the cluster, one master sleeps, and
        // every call below is for its slots (the other masters' slots are ClusterMasterKilledTest's).
        RedisServer sleeper = redis.nodes().get(0);
        assertFalse(store.isRevoked(redis.idOn(sleeper, Ids.Kind.SESSION), Instant.now()), "connected");
        // The cluster's masters mark a master failing after cluster-node-timeout (1 s here), a
        // topology change rather than a slow Redis: there, it sleeps 0.8 s, still past the first call.
        String seconds = redis.name().equals("cluster") ? "0.8" : "2";
        CompletableFuture<String> sleep = CompletableFuture.supplyAsync(() -> sleeper.call(10_000, "DEBUG", "SLEEP", seconds));
        RedisServer.sleep(200);
        long t0 = System.nanoTime();
        RevocationStoreException timedOut = assertThrows(RevocationStoreException.class,
                () -> store.isRevoked(redis.idOn(sleeper, Ids.Kind.SESSION), Instant.now()));
        long first = System.nanoTime() - t0;
        assertTrue(timedOut.getMessage().contains("300 ms"), timedOut.getMessage());
        assertTrue(r.failingFast());
        long worst = 0;
        for (int i = 0; i < 20; i++) {
            String user = redis.idOn(sleeper, Ids.Kind.USER);
            String sid = redis.idOn(sleeper, Ids.Kind.SESSION);
            long t = System.nanoTime();
            assertThrows(RevocationStoreException.class, () -> store.generation(user));
            assertThrows(SessionStoreException.class, () -> sessions.load(sid));
            worst = Math.max(worst, System.nanoTime() - t);
        }
        assertEquals("OK", sleep.get(10, TimeUnit.SECONDS));
        long t1 = System.nanoTime();
        while (true) {
            try {
                store.isRevoked(redis.idOn(sleeper, Ids.Kind.SESSION), Instant.now());
                break;
            } catch (RevocationStoreException e) {
                assertTrue(System.nanoTime() - t1 < TimeUnit.SECONDS.toNanos(2), "not back 2 s after the sleep");
                RedisServer.sleep(5);
            }
        }
        long back = System.nanoTime() - t1;
        Figures.report(redis.figure("DEBUG SLEEP " + seconds + " with a 300 ms timeout"), "first call failed after " + Figures.millis(first / 1e6)
                + ", later calls at once (worst pair " + Figures.millis(worst / 1e6) + "), answers again "
                + Figures.millis(back / 1e6) + " after the sleep");
        assertTrue(first < TimeUnit.MILLISECONDS.toNanos(300 + 100), "first " + first / 1e6);
        assertTrue(worst < TimeUnit.MILLISECONDS.toNanos(50), "worst " + worst / 1e6);
        assertTrue(store.stats().failures() >= 21, store.toString());
        assertTrue(sessions.failures() >= 20, sessions.toString());
    }

    @Test
    void scriptsRunAgainAfterRedisForgetsThem() {
        RedisRevocationStore store = client().revocationStore();
        String series = random(Ids.Kind.SERIES);
        store.startSeries(series, Instant.now().plusSeconds(60));
        assertEquals(redis.nodes().size(), redis.onEveryNode("SCRIPT", "FLUSH").stream().filter("OK"::equals).count());
        assertEquals(RevocationStore.SeriesUse.ROTATED, store.useSeries(series, 0, Instant.now(), Duration.ofSeconds(30)));
        assertEquals(RevocationStore.SeriesUse.GRACE, store.useSeries(series, 0, Instant.now(), Duration.ofSeconds(30)));
    }

    @Test
    void refusesWhatIsNotAHashedId() {
        RedisRevocationStore store = client().revocationStore();
        assertThrows(IllegalArgumentException.class, () -> store.revoke("a{b}", Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> store.generation("user name"));
        assertThrows(IllegalArgumentException.class, () -> client().sessionStore().load(""));
        assertThrows(NullPointerException.class, () -> store.revoke(null, Instant.now()));
    }

    @Test
    void startUpFailsLoudlyWhenRedisCannotBeReachedAndSettingsAreChecked() {
        WaferRedis.Builder unreachable = redis.unreachable();
        RevocationStoreException e = assertThrows(RevocationStoreException.class, unreachable::build);
        assertTrue(e.getMessage().startsWith("could not connect to Redis"), e.getMessage());
        WaferRedis.Builder b = redis.builder();
        assertThrows(IllegalArgumentException.class, () -> b.commandTimeout(Duration.ofMillis(5)));
        assertThrows(IllegalArgumentException.class, () -> b.keyPrefix("a{b}:"));
        assertThrows(IllegalArgumentException.class, () -> b.keyPrefix(""));
        assertThrows(IllegalArgumentException.class, () -> b.localCache(Duration.ofSeconds(11), 10));
        assertThrows(IllegalArgumentException.class, () -> b.maxReconnectDelay(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> WaferRedis.clusterBuilder(List.of()));
        WaferRedis other = client(redis.builder().keyPrefix("other-app:"));
        String id = random(Ids.Kind.SESSION);
        other.revocationStore().revoke(id, Instant.now().plusSeconds(60));
        assertFalse(client().revocationStore().isRevoked(id, Instant.now()), "prefixes keep applications apart");
        assertTrue(other.toString().contains("prefix other-app:"), other.toString());
    }

    @Test
    void memoryPerRevokedIdAndPerSession() throws Exception {
        // On the cluster, used_memory and DBSIZE are summed over the three masters.
        redis.flushAll();
        RedisRevocationStore store = client().revocationStore();
        RedisSessionStore sessions = client().sessionStore();
        int n = 20_000;
        long before = redis.usedMemory();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < n / 8; i++) {
                        store.revoke(random(Ids.Kind.SESSION), Instant.now().plus(Duration.ofHours(12)));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            long revoked = redis.usedMemory();
            byte[] small = "{\"v\":1,\"a\":{\"cart\":[\"tea\",\"milk\"],\"visits\":12}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < n / 4; i++) {
                sessions.save(random(Ids.Kind.SESSION), small, Instant.now().plus(Duration.ofMinutes(30)));
            }
            long saved = redis.usedMemory();
            assertEquals(n + n / 4, redis.dbSize());
            double perId = (revoked - before) / (double) n;
            double perSession = (saved - revoked) / (double) (n / 4);
            Figures.report(redis.figure("memory per revoked id"), String.format(java.util.Locale.ROOT, "%.0f bytes (used_memory over %d ids; "
                    + "MEMORY USAGE of one key: %s bytes)", perId, n, memoryUsageOfOne(":r")));
            Figures.report(redis.figure("memory per session kept in Redis (" + small.length + " bytes of JSON)"),
                    String.format(java.util.Locale.ROOT, "%.0f bytes", perSession));
            String series = random(Ids.Kind.SERIES);
            store.startSeries(series, Instant.now().plus(Duration.ofDays(30)));
            String user = random(Ids.Kind.USER);
            store.advanceGeneration(user);
            Figures.report(redis.figure("MEMORY USAGE of a remember-me series and of a generation"),
                    redis.onOwner("wafer:{" + series + "}:s", "MEMORY", "USAGE", "wafer:{" + series + "}:s") + " and "
                            + redis.onOwner("wafer:{" + user + "}:g", "MEMORY", "USAGE", "wafer:{" + user + "}:g") + " bytes");
            assertTrue(perId > 50 && perId < 300, "per id " + perId);
        } finally {
            pool.shutdownNow();
        }
        redis.flushAll();
    }

    private String memoryUsageOfOne(String suffix) {
        for (String k : redis.keys("*" + suffix)) {
            return redis.onOwner(k, "MEMORY", "USAGE", k);
        }
        return "?";
    }

    /**
     * The ACL docs/redis.md gives: these keys, this channel, these commands, and nothing else (and,
     * on a cluster, the topology command: {@link RedisDeployment#extraAcl()}).
     */
    static final String[] ACL = {"ACL", "SETUSER", "wafer", "on", ">wafer-test-password", "resetkeys", "~wafer:*",
        "resetchannels", "&wafer:invalidate", "-@all", "+@connection", "+get", "+set", "+del", "+pexpireat", "+incr",
        "+hset", "+hmget", "+eval", "+evalsha", "+publish", "+subscribe"};

    @Test
    void aUserLimitedToItsKeysChannelAndCommandsIsEnough() {
        List<String> acl = new ArrayList<>(List.of(ACL));
        acl.addAll(redis.extraAcl());
        for (String reply : redis.onEveryNode(acl.toArray(new String[0]))) {
            assertEquals("OK", reply);
        }
        try {
            WaferRedis limited = client(redis.builder("wafer", "wafer-test-password"));
            RedisRevocationStore store = limited.revocationStore();
            RedisSessionStore sessions = limited.sessionStore();
            for (RedisServer node : redis.nodes()) { // on the cluster, keys on every master
                String id = redis.idOn(node, Ids.Kind.SESSION);
                store.revoke(id, Instant.now().plusSeconds(60));
                assertTrue(store.isRevoked(id, Instant.now()));
                String user = redis.idOn(node, Ids.Kind.USER);
                assertEquals(1, store.advanceGeneration(user));
                assertEquals(1, store.generation(user));
                String series = redis.idOn(node, Ids.Kind.SERIES);
                store.startSeries(series, Instant.now().plusSeconds(60));
                assertEquals(RevocationStore.SeriesUse.ROTATED, store.useSeries(series, 0, Instant.now(), Duration.ofSeconds(30)));
                sessions.save(id, new byte[] {'{', '}'}, Instant.now().plusSeconds(60));
                sessions.touch(id, Instant.now().plusSeconds(120));
                assertEquals(2, sessions.load(id).length);
                sessions.delete(id);
                assertNull(sessions.load(id));
            }
            assertEquals(0, store.stats().failures() + sessions.failures());
            RedisRevocationStore other = client().revocationStore();
            String seen = random(Ids.Kind.SESSION);
            assertFalse(store.isRevoked(seen, Instant.now()));
            other.revoke(seen, Instant.now().plusSeconds(60));
            long t0 = System.nanoTime();
            while (!store.isRevoked(seen, Instant.now())) {
                assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(400), "the limited user gets invalidations");
            }
        } finally {
            redis.onEveryNode("ACL", "DELUSER", "wafer");
        }
    }

    @Test
    void statsAndDescriptionsNameNoId() {
        WaferRedis r = client();
        String id = random(Ids.Kind.SESSION);
        r.revocationStore().isRevoked(id, Instant.now());
        assertNotNull(r.revocationStore().stats());
        for (String s : List.of(r.toString(), r.revocationStore().toString(), r.sessionStore().toString())) {
            assertFalse(s.contains(id), s);
        }
        assertTrue(r.toString().contains("timeout 500 ms") && r.toString().contains("cache 500 ms x 10000"), r.toString());
    }
}
