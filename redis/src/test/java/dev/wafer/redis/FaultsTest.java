package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyFiles;
import dev.wafer.SealingKeySet;
import dev.wafer.web.StoreFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults under load, against a real redis-server: killed and restarted, then stalled by
 * {@code DEBUG SLEEP}. Two servers share it, one fail-open and one fail-closed, each with 16
 * signed-in clients sending requests that need a revocation check as fast as they can.
 */
class FaultsTest {
    static final int TIMEOUT_MILLIS = 500;
    /** What a request may take beyond the command timeout: Jetty, the sealing and the client, on two cores. */
    static final int SLACK_MILLIS = 300;
    static final int CLIENTS = 16;

    @TempDir
    static Path dir;
    static Path keyFile;
    static RedisServer redis;
    WebServer open;
    WebServer closed;
    final List<Hammer.Target> targets = new ArrayList<>();
    final List<String> revoked = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        keyFile = dir.resolve("cookie-keys.jwks");
        KeyFiles.write(keyFile, SealingKeySet.generate().toJwkSet(), KeyFiles.Overwrite.REFUSE);
        // Persistent, as a revocation store must be: a restart keeps every revocation (docs/redis.md).
        redis = RedisServer.start(dir.resolve("redis"), "appendonly yes", "appendfsync always");
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startServers() throws Exception {
        if (!redis.alive()) {
            redis.restart();
        }
        WaferRedis.Builder b = WaferRedis.builder(redis.uri()).commandTimeout(Duration.ofMillis(TIMEOUT_MILLIS));
        open = WebServer.start(keyFile, b, StoreFailure.FAIL_OPEN, s -> s);
        closed = WebServer.start(keyFile, b, StoreFailure.FAIL_CLOSED, s -> s);
        for (WebServer s : List.of(open, closed)) {
            for (int i = 0; i < CLIENTS; i++) {
                try (Http h = new Http()) {
                    assertEquals(200, h.get(s.port, "/login?user=u" + i).status());
                    targets.add(new Hammer.Target(s.port, "/me", h.cookieHeader()));
                }
            }
            try (Http h = new Http()) {
                assertEquals(200, h.get(s.port, "/login?user=gone").status());
                revoked.add(h.cookieHeader());
                assertEquals(200, h.get(s.port, "/logout").status());
            }
        }
    }

    @AfterEach
    void stopServers() {
        open.close();
        closed.close();
    }

    private static String latencies(List<Hammer.Sample> samples) {
        long[] nanos = samples.stream().mapToLong(Hammer.Sample::nanos).toArray();
        return samples.size() + " requests, p50 " + Figures.millis(Figures.quantileMillis(nanos, 0.5)) + ", p99 "
                + Figures.millis(Figures.quantileMillis(nanos, 0.99)) + ", max " + Figures.millis(Figures.quantileMillis(nanos, 1));
    }

    private static List<Hammer.Sample> between(List<Hammer.Sample> all, boolean failOpen, long from, long to) {
        int half = CLIENTS;
        return all.stream().filter(s -> (s.target() < half) == failOpen && s.sentNanos() >= from && s.sentNanos() < to)
                .collect(Collectors.toList());
    }

    private void checkEveryRequest(List<Hammer.Sample> all) {
        List<Hammer.Sample> bad = all.stream().filter(s -> s.status() != 200 && s.status() != 401).limit(5)
                .collect(Collectors.toList());
        assertEquals(List.of(), bad, "no 500, no I/O error");
        long slowest = all.stream().mapToLong(Hammer.Sample::nanos).max().orElseThrow();
        assertTrue(slowest < TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS + SLACK_MILLIS),
                "no request waits past the timeout: the slowest took " + slowest / 1_000_000 + " ms");
        List<Hammer.Sample> refusedOpen = all.stream().filter(s -> s.target() < CLIENTS && s.status() != 200).limit(5)
                .collect(Collectors.toList());
        assertEquals(List.of(), refusedOpen, "fail-open: every request accepted");
    }

    /** When, after a time, the fail-closed server's answers are all 200 again; -1 if never. */
    private static long backAt(List<Hammer.Sample> all, long after) {
        List<Hammer.Sample> closedAfter = all.stream().filter(s -> s.target() >= CLIENTS && s.sentNanos() >= after)
                .sorted((x, y) -> Long.compare(x.sentNanos(), y.sentNanos())).collect(Collectors.toList());
        long back = -1;
        for (Hammer.Sample s : closedAfter) {
            if (s.status() != 200) {
                back = -1;
            } else if (back < 0) {
                back = s.sentNanos();
            }
        }
        return back;
    }

    @Test
    void redisKilledDuringLoadThenRestarted() throws Exception {
        Hammer hammer = new Hammer(targets);
        long t0 = System.nanoTime();
        RedisServer.sleep(1000);
        long killed = System.nanoTime();
        redis.kill();
        RedisServer.sleep(2000);
        long restarting = System.nanoTime();
        redis.restart();
        long answering = System.nanoTime();
        RedisServer.sleep(2500);
        List<Hammer.Sample> all = hammer.stop();

        checkEveryRequest(all);
        assertEquals(List.of(), between(all, false, t0, killed).stream().filter(s -> s.sentNanos() + s.nanos() < killed)
                .filter(s -> s.status() != 200).limit(3).toList(), "fail-closed, before the fault: accepted");
        List<Hammer.Sample> closedDown = between(all, false, killed + TimeUnit.MILLISECONDS.toNanos(600), restarting);
        assertTrue(closedDown.size() > 100, "load went on during the outage: " + closedDown.size());
        assertEquals(List.of(), closedDown.stream().filter(s -> s.status() != 401).limit(3).toList(),
                "fail-closed, Redis down: every session refused");
        long back = backAt(all, restarting);
        assertTrue(back > 0, "the fail-closed server never came back");
        double backMillis = (back - answering) / 1e6;
        Figures.report("Redis killed under load (FAIL_OPEN, 500 ms timeout)", latencies(between(all, true, killed, restarting))
                + " during the outage, all 200");
        Figures.report("Redis killed under load (FAIL_CLOSED)", latencies(between(all, false, killed, restarting))
                + " during the outage, all 401 once the cache emptied");
        Figures.report("Redis restarted: service back", Figures.millis(Math.max(0, backMillis)) + " after it answered PING ("
                + Figures.millis((answering - restarting) / 1e6) + " to start); " + all.size() + " requests in the run");
        assertTrue(backMillis < 2000, "back " + backMillis + " ms after Redis");
        assertTrue(open.redis.revocationStore().stats().failures() > 0);
        // The revocations made before the crash survived it (appendfsync always).
        try (Http h = new Http()) {
            for (String cookies : revoked) {
                assertEquals(401, h.replay(open.port, "/me", cookies).status());
                assertEquals(401, h.replay(closed.port, "/me", cookies).status());
            }
        }
    }

    @Test
    void timeoutsHoldWhileRedisSleeps() throws Exception {
        Hammer hammer = new Hammer(targets);
        RedisServer.sleep(1000);
        long asleep = System.nanoTime();
        CompletableFuture<String> sleep = CompletableFuture.supplyAsync(() -> redis.call(10_000, "DEBUG", "SLEEP", "2"));
        assertEquals("OK", sleep.get(10, TimeUnit.SECONDS));
        long awake = System.nanoTime();
        RedisServer.sleep(1500);
        List<Hammer.Sample> all = hammer.stop();

        checkEveryRequest(all);
        List<Hammer.Sample> closedAsleep = between(all, false, asleep + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS + 600),
                awake - TimeUnit.MILLISECONDS.toNanos(50));
        assertTrue(closedAsleep.size() > 100, "load went on during the sleep: " + closedAsleep.size());
        assertEquals(List.of(), closedAsleep.stream().filter(s -> s.status() != 401).limit(3).toList(),
                "fail-closed, Redis stalled: every session refused once the cache emptied");
        long back = backAt(all, awake);
        assertTrue(back > 0);
        Figures.report("DEBUG SLEEP 2 under load (FAIL_OPEN, 500 ms timeout)", latencies(between(all, true, asleep, awake))
                + ", all 200");
        Figures.report("DEBUG SLEEP 2 under load (FAIL_CLOSED)", latencies(between(all, false, asleep, awake))
                + "; back " + Figures.millis(Math.max(0, (back - awake) / 1e6)) + " after the sleep");
    }
}
