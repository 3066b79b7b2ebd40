package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyFiles;
import dev.wafer.SealingKeySet;
import dev.wafer.web.CookieSpec;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application servers on different ports, one Redis: what one does, the other honours. Each
 * server has its own connection and local cache, as two processes would.
 */
class TwoServersTest {
    static RedisServer redis;
    @TempDir
    static Path dir;
    static Path keyFile;
    final List<WebServer> servers = new ArrayList<>();
    final List<Http> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        redis = RedisServer.start();
        keyFile = dir.resolve("cookie-keys.jwks");
        KeyFiles.write(keyFile, SealingKeySet.generate().toJwkSet(), KeyFiles.Overwrite.REFUSE);
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @AfterEach
    void closeServers() {
        browsers.forEach(Http::close);
        servers.forEach(WebServer::close);
    }

    WebServer server(UnaryOperator<WebSessions.Builder> settings) throws Exception {
        WebServer s = WebServer.start(keyFile, WaferRedis.builder(redis.uri()), StoreFailure.FAIL_CLOSED, settings);
        servers.add(s);
        return s;
    }

    WebServer server() throws Exception {
        return server(b -> b);
    }

    Http browser() {
        Http h = new Http();
        browsers.add(h);
        return h;
    }

    static void expect(int status, String body, Http.Response r) {
        assertEquals(status + " " + body, r.status() + " " + r.body());
    }

    /** Polls until a request is refused; returns how long after the start that took. */
    static long millisUntilRefused(Http b, int port, String cookies, long t0) throws IOException {
        while (true) {
            Http.Response r = b.replay(port, "/me", cookies);
            if (r.status() == 401) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
            assertEquals(200, r.status(), r.body());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "still accepted 3 s later");
        }
    }

    @Test
    void logOutEverywhereOnAEndsTheSessionsOnBWithinASecond() throws Exception {
        WebServer a = server();
        WebServer b = server();
        long[] took = new long[20];
        for (int i = 0; i < took.length; i++) {
            String user = "user-" + i;
            Http laptop = browser();
            Http phone = browser();
            expect(200, "ok", laptop.get(a.port, "/login?user=" + user + "&remember=1"));
            expect(200, "ok", phone.get(b.port, "/login?user=" + user + "&remember=1"));
            expect(200, "user:" + user, phone.get(b.port, "/me")); // B has the answer in its cache
            expect(200, "user:" + user, laptop.get(b.port, "/me"));
            String phoneCookies = phone.cookieHeader();
            expect(200, "ok", laptop.get(a.port, "/logout-everywhere"));
            long t0 = System.nanoTime();
            took[i] = millisUntilRefused(phone, b.port, phoneCookies, t0);
            assertEquals(401, phone.replay(a.port, "/me", phoneCookies).status(), "on A too");
            Map<String, String> remembered = Map.of("__Host-remember", phone.jar.get("__Host-remember"));
            assertNotNull(remembered.get("__Host-remember"));
            Http.Response r = phone.replay(b.port, "/me", "__Host-remember=" + remembered.get("__Host-remember"));
            assertEquals(401, r.status(), "and the phone's remember-me token");
        }
        long max = java.util.Arrays.stream(took).max().orElseThrow();
        Figures.report("log-out-everywhere on A, refused on B (two servers, 20 rounds)",
                "median " + java.util.Arrays.stream(took).sorted().toArray()[took.length / 2] + " ms, max " + max + " ms");
        assertTrue(max < 1000, "max " + max + " ms");
    }

    @Test
    void aRememberMeSeriesRevokedOnAIsRefusedOnB() throws Exception {
        WebServer a = server(s -> s.rememberMe(CookieSpec.builder("__Host-remember").purpose("remember-me").build(),
                Duration.ofDays(30), Duration.ZERO));
        WebServer b = server(s -> s.rememberMe(CookieSpec.builder("__Host-remember").purpose("remember-me").build(),
                Duration.ofDays(30), Duration.ZERO));
        // Signed out on A: the series is revoked, and B refuses its token.
        Http browser = browser();
        expect(200, "ok", browser.get(a.port, "/login?user=alice&remember=1"));
        String token = "__Host-remember=" + browser.jar.get("__Host-remember");
        expect(200, "ok", browser.get(a.port, "/logout"));
        Http.Response refused = browser.replay(b.port, "/me", token);
        expect(401, "anonymous", refused);
        assertTrue(refused.setCookies().stream().anyMatch(c -> c.startsWith("__Host-remember=; Max-Age=0")),
                "and tells the browser to drop it: " + refused.setCookies());

        // A stolen token used on A after its owner moved the series on, at B then A: the whole series is revoked.
        Http owner = browser();
        expect(200, "ok", owner.get(a.port, "/login?user=bob&remember=1"));
        String stolen = "__Host-remember=" + owner.jar.get("__Host-remember");
        owner.jar.remove("__Host-session"); // the owner's browser restarts
        expect(200, "user:bob", owner.get(b.port, "/me"));
        assertFalse(stolen.equals("__Host-remember=" + owner.jar.get("__Host-remember")), "B issued the next step");
        owner.jar.remove("__Host-session"); // and again
        expect(200, "user:bob", owner.get(a.port, "/me"));
        expect(401, "anonymous", owner.replay(a.port, "/me", stolen));
        owner.jar.remove("__Host-session");
        expect(401, "anonymous", owner.get(b.port, "/me"));
    }

    @Test
    void anOverflowSessionWrittenOnAIsReadOnB() throws Exception {
        redis.call("FLUSHALL");
        WebServer a = server();
        WebServer b = server();
        Http browser = browser();
        expect(200, "ok", browser.get(a.port, "/login?user=carol"));
        String big = WebServer.hash(WebServer.blob(20_000, 7));
        Http.Response put = browser.get(a.port, "/put?bytes=20000&seed=7");
        expect(200, "blob:" + big, put);
        String sessionCookie = put.setCookies().stream().filter(c -> c.startsWith("__Host-session=")).findFirst().orElseThrow();
        assertTrue(sessionCookie.length() < 400, "the cookie points to Redis, and stays small: " + sessionCookie.length());
        Figures.report("a signed-in session kept in Redis: its cookie's name=value", sessionCookie.split(";")[0].length()
                + " bytes");
        assertEquals(1, redis.call("KEYS", "wafer:*:d").split("\n").length);
        expect(200, "blob:" + big, browser.get(b.port, "/get"));
        expect(200, "visits:1", browser.get(b.port, "/visit"));
        expect(200, "visits:2", browser.get(a.port, "/visit"));
        String small = WebServer.hash(WebServer.blob(100, 8));
        expect(200, "blob:" + small, browser.get(b.port, "/put?bytes=100&seed=8"));
        assertEquals("", redis.call("KEYS", "wafer:*:d"), "small again: back in the cookie, out of Redis");
        expect(200, "blob:" + small, browser.get(a.port, "/get"));
        expect(200, "visits:3", browser.get(a.port, "/visit"));
    }

    @Test
    void restartingAServerLosesNothing() throws Exception {
        WebServer a = server();
        WebServer b = server();
        Http kept = browser();
        expect(200, "ok", kept.get(a.port, "/login?user=dave&remember=1"));
        String big = WebServer.hash(WebServer.blob(10_000, 3));
        expect(200, "blob:" + big, kept.get(a.port, "/put?bytes=10000&seed=3"));
        Http ended = browser();
        expect(200, "ok", ended.get(a.port, "/login?user=erin"));
        String endedCookies = ended.cookieHeader();
        expect(200, "ok", ended.get(a.port, "/logout"));
        Http everywhere = browser();
        expect(200, "ok", everywhere.get(b.port, "/login?user=frank&remember=1"));
        String everywhereCookies = everywhere.cookieHeader();
        expect(200, "ok", everywhere.get(a.port, "/logout-everywhere"));

        servers.remove(a);
        a.close();
        WebServer restarted = server();
        for (WebServer s : List.of(restarted, b)) {
            expect(200, "user:dave", kept.get(s.port, "/me"));
            expect(200, "blob:" + big, kept.get(s.port, "/get"));
            expect(401, "anonymous", kept.replay(s.port, "/me", endedCookies));
            expect(401, "anonymous", kept.replay(s.port, "/me", everywhereCookies));
        }
        kept.jar.remove("__Host-session");
        expect(200, "user:dave", kept.get(restarted.port, "/me")); // remember-me, on the restarted server
        expect(200, "blob:none", kept.get(restarted.port, "/get"));
    }

    @Test
    void oneSessionPerUserHoldsAcrossServers() throws Exception {
        WebServer a = server(s -> s.exclusiveSessions(true));
        WebServer b = server(s -> s.exclusiveSessions(true));
        Http laptop = browser();
        Http phone = browser();
        expect(200, "ok", laptop.get(a.port, "/login?user=grace&remember=1"));
        expect(200, "user:grace", laptop.get(b.port, "/me"));
        String laptopCookies = laptop.cookieHeader();
        expect(200, "ok", phone.get(b.port, "/login?user=grace"));
        long t0 = System.nanoTime();
        long took = millisUntilRefused(laptop, b.port, laptopCookies, t0);
        assertEquals(401, laptop.replay(a.port, "/me", laptopCookies).status());
        expect(200, "user:grace", phone.get(a.port, "/me"));
        Figures.report("one session per user: sign-in on B, the other session refused on B", took + " ms");
        assertTrue(took < 1000, took + " ms");
    }

    @Test
    void idsInRedisAreHashes() throws Exception {
        WebServer a = server();
        Http browser = browser();
        expect(200, "ok", browser.get(a.port, "/login?user=heidi"));
        expect(200, "blob:" + WebServer.hash(WebServer.blob(9000, 1)), browser.get(a.port, "/put?bytes=9000&seed=1"));
        String keys = redis.call("KEYS", "*");
        assertFalse(keys.contains("heidi"), keys);
        for (String k : keys.split("\n")) {
            assertTrue(k.matches("wafer:\\{[A-Za-z0-9_-]{43}\\}:[rsgd]"), k);
        }
    }
}
