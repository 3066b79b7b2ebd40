package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyChange;
import dev.wafer.KeyFiles;
import dev.wafer.SealedHeader;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.web.StoreFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers, 32 concurrent clients each, one Redis: sign-ins (with and without remember-me),
 * reads, session writes (in the cookie, and overflowing to Redis), sign-outs here and everywhere,
 * remember-me after a browser restart, and one key rotation half-way. Every answer is checked;
 * afterwards every revoked cookie is replayed on both servers and must be refused.
 *
 * <p>Every run, CI's included, makes {@value #CI_REQUESTS} requests (the size of record)
 * ({@code -Dwafer.redis.load.requests} sets another size): {@code mvn -o -pl redis test -Dtest=LoadTest}.
 */
class LoadTest {
    static final int CI_REQUESTS = 200_000;
    static final int CLIENTS_PER_SERVER = 32;

    @TempDir
    Path dir;

    /** What one simulated browser holds: its cookies, and what its session should say. */
    static final class Device {
        final Http http = new Http();
        final boolean remember;
        long visits;
        String blob;

        Device(boolean remember) {
            this.remember = remember;
        }
    }

    /** Everything the clients share. */
    static final class Run {
        final long total;
        final int[] ports;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();
        final Queue<String> revoked = new ConcurrentLinkedQueue<>();
        final AtomicBoolean rotating = new AtomicBoolean();
        final AtomicLong logins = new AtomicLong();
        final AtomicLong writes = new AtomicLong();
        final AtomicLong overflows = new AtomicLong();
        final AtomicLong revocations = new AtomicLong();
        final AtomicLong rememberLogins = new AtomicLong();
        volatile Runnable rotation;

        Run(long total, int... ports) {
            this.total = total;
            this.ports = ports;
        }
    }

    /** One client: its own user, up to two devices, a stream of operations, every answer checked. */
    static final class Client implements java.util.concurrent.Callable<long[]> {
        private final Run run;
        private final String user;
        private final SplittableRandom random;
        private final List<Device> devices = new ArrayList<>();
        private long[] latencies = new long[1024];
        private int n;
        private int loginPort = -1;

        Client(Run run, int index, long seed) {
            this.run = run;
            this.user = "load-user-" + index;
            this.random = new SplittableRandom(seed);
        }

        private int port() {
            return run.ports[random.nextInt(run.ports.length)];
        }

        private boolean expect(Http.Response r, int status, String body, String what) {
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = r.nanos();
            if (r.status() != status || !r.body().equals(body)) {
                run.errors.incrementAndGet();
                if (run.firstErrors.size() < 20) {
                    run.firstErrors.add(what + ": expected " + status + " " + body + ", got " + r.status() + " " + r.body());
                }
                return false;
            }
            return true;
        }

        private Http.Response get(Device d, int port, String path) throws IOException {
            long s = run.sent.incrementAndGet();
            if (s == run.total / 2 && run.rotation != null) {
                run.rotation.run();
            }
            return d.http.get(port, path);
        }

        private void login() throws IOException {
            Device d = new Device(random.nextBoolean());
            // After a log-out-everywhere, the next sign-in goes to the server that did it: elsewhere, the
            // new generation may be a millisecond away still (docs/redis.md, "Propagation").
            int port = loginPort >= 0 ? loginPort : port();
            loginPort = -1;
            if (expect(get(d, port, "/login?user=" + user + (d.remember ? "&remember=1" : "")), 200, "ok", "login")) {
                devices.add(d);
                run.logins.incrementAndGet();
            }
        }

        @Override
        public long[] call() throws IOException {
            try {
                while (run.sent.get() < run.total) {
                    if (devices.isEmpty()) {
                        login();
                        continue;
                    }
                    Device d = devices.get(random.nextInt(devices.size()));
                    int op = random.nextInt(100);
                    if (op < 48) {
                        expect(get(d, port(), "/me"), 200, "user:" + user, "read");
                    } else if (op < 70) {
                        if (expect(get(d, port(), "/visit"), 200, "visits:" + (d.visits + 1), "session write")) {
                            d.visits++;
                            run.writes.incrementAndGet();
                        }
                    } else if (op < 75) {
                        // 6000 characters: too large for the cookie, so the session overflows to Redis,
                        // and the other server must read what this one wrote.
                        long seed = random.nextLong();
                        String hash = WebServer.hash(WebServer.blob(6000, seed));
                        int here = port();
                        if (expect(get(d, here, "/put?bytes=6000&seed=" + seed), 200, "blob:" + hash, "overflow write")) {
                            d.blob = hash;
                            run.overflows.incrementAndGet();
                        }
                        int there = run.ports[0] == here ? run.ports[1] : run.ports[0];
                        expect(get(d, there, "/get"), 200, "blob:" + hash, "overflow read on the other server");
                    } else if (op < 80) {
                        expect(get(d, port(), "/get"), 200, "blob:" + (d.blob == null ? "none" : d.blob), "read back");
                    } else if (op < 85) {
                        if (devices.size() < 2) {
                            login();
                        } else {
                            expect(get(d, port(), "/me"), 200, "user:" + user, "read");
                        }
                    } else if (op < 92) {
                        String cookies = d.http.cookieHeader();
                        if (expect(get(d, port(), "/logout"), 200, "ok", "sign-out")) {
                            run.revoked.add(cookies);
                            run.revocations.incrementAndGet();
                            d.http.close();
                            devices.remove(d);
                        }
                    } else if (op < 94) {
                        List<String> before = new ArrayList<>();
                        devices.forEach(x -> before.add(x.http.cookieHeader()));
                        int port = port();
                        if (expect(get(d, port, "/logout-everywhere"), 200, "ok", "sign-out everywhere")) {
                            run.revoked.addAll(before);
                            run.revocations.incrementAndGet();
                            devices.forEach(x -> x.http.close());
                            devices.clear();
                            loginPort = port;
                        }
                    } else if (op < 97 && d.remember) {
                        d.http.jar.remove("__Host-session"); // the browser restarts: remember-me signs in again
                        if (expect(get(d, port(), "/me"), 200, "user:" + user, "remember-me sign-in")) {
                            d.visits = 0;
                            d.blob = null;
                            run.rememberLogins.incrementAndGet();
                        }
                    } else {
                        expect(get(d, port(), "/me"), 200, "user:" + user, "read");
                    }
                }
                return Arrays.copyOf(latencies, n);
            } finally {
                devices.forEach(x -> x.http.close());
            }
        }
    }

    @Test
    void twoServersThirtyTwoClientsEachNoErrorAndNoRevocationLost() throws Exception {
        long total = Long.getLong("wafer.redis.load.requests", CI_REQUESTS);
        Path keyFile = dir.resolve("cookie-keys.jwks");
        KeyFiles.write(keyFile, SealingKeySet.generate().toJwkSet(), KeyFiles.Overwrite.REFUSE);
        try (RedisServer redis = RedisServer.start();
             WebServer a = WebServer.start(keyFile, WaferRedis.builder(redis.uri()), StoreFailure.FAIL_CLOSED, s -> s);
             WebServer b = WebServer.start(keyFile, WaferRedis.builder(redis.uri()), StoreFailure.FAIL_CLOSED, s -> s)) {
            Run run = new Run(total, a.port, b.port);
            String[] newKid = new String[1];
            run.rotation = () -> {
                // The rotation of a key shared by several servers: the new key goes out as pending (every
                // server opens under it), then becomes primary (docs/keys.md).
                try {
                    KeyFiles files = KeyFiles.create();
                    KeyChange<SealingKeySet> pending = files.readSealingKeySet(keyFile, null).addPending(SealingAlgorithm.XAES_256_GCM);
                    KeyFiles.write(keyFile, pending.keySet().toJwkSet(), KeyFiles.Overwrite.REPLACE);
                    a.sealer.reload();
                    b.sealer.reload();
                    KeyFiles.write(keyFile, pending.keySet().promote(pending.keyId()).toJwkSet(), KeyFiles.Overwrite.REPLACE);
                    a.sealer.reload();
                    b.sealer.reload();
                    newKid[0] = pending.keyId();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            long resentBefore = Http.RESENT.get();
            int clients = 2 * CLIENTS_PER_SERVER;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<long[]>> work = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                work.add(pool.submit(new Client(run, i, 42 + i)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : work) {
                all.add(f.get());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();

            // Every revoked cookie, replayed on both servers: refused.
            RedisServer.sleep(1000);
            List<String> revoked = new ArrayList<>(run.revoked);
            AtomicLong lost = new AtomicLong();
            List<Future<?>> checks = new ArrayList<>();
            int slices = 16;
            for (int s = 0; s < slices; s++) {
                int slice = s;
                checks.add(pool.submit(() -> {
                    try (Http h = new Http()) {
                        for (int i = slice; i < revoked.size(); i += slices) {
                            for (int port : run.ports) {
                                if (h.replay(port, "/me", revoked.get(i)).status() != 401) {
                                    lost.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : checks) {
                f.get();
            }
            pool.shutdown();
            try (Http h = new Http()) {
                h.get(a.port, "/login?user=after-the-rotation");
                assertEquals(newKid[0], SealedHeader.peek(h.jar.get("__Host-session")).keyId(), "sealed under the new primary");
            }

            Figures.report("load: " + clients + " clients on 2 servers, " + latencies.length + " requests",
                    String.format(java.util.Locale.ROOT, "%.1f s, %.0f requests/s, p50 %s, p99 %s, max %s; %d errors; %d sign-ins "
                            + "(%d by remember-me), %d session writes, %d overflow writes, %d revocations (%d cookies replayed on "
                            + "both servers, %d accepted), 1 key rotation", seconds, latencies.length / seconds,
                            Figures.millis(Figures.quantileMillis(latencies, 0.5)),
                            Figures.millis(Figures.quantileMillis(latencies, 0.99)),
                            Figures.millis(Figures.quantileMillis(latencies, 1)), run.errors.get(), run.logins.get(),
                            run.rememberLogins.get(), run.writes.get(), run.overflows.get(), run.revocations.get(),
                            revoked.size(), lost.get()));
            Figures.report("load: cache", "A " + a.redis.revocationStore() + ", B " + b.redis.revocationStore());
            assertEquals(List.of(), new ArrayList<>(run.firstErrors), "no errors");
            assertEquals(0, run.errors.get());
            assertTrue(latencies.length >= total, latencies.length + " requests");
            assertEquals(0, lost.get(), "no revocation lost: every revoked cookie is refused on both servers");
            assertTrue(revoked.size() > total / 100, "revocations were part of the mix: " + revoked.size());
            assertTrue(newKid[0] != null, "the key rotated");
            assertEquals(resentBefore, Http.RESENT.get(), "no request was sent twice");
        }
    }
}
