package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.web.Ids;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.RevocationStoreException;
import dev.wafer.web.SessionStore;
import dev.wafer.web.conformance.RevocationStoreConformance;
import dev.wafer.web.conformance.SessionStoreConformance;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A master, its replica and a Sentinel, all real: the suites through a {@code redis-sentinel} URI,
 * then the master killed and the replica promoted, which the store follows on its own.
 */
class SentinelTest {
    static RedisServer master;
    static RedisServer replica;
    static RedisServer sentinel;
    static final List<WaferRedis> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        master = RedisServer.start("repl-diskless-sync-delay 0");
        replica = RedisServer.start("replicaof 127.0.0.1 " + master.port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!replica.call("INFO", "replication").contains("master_link_status:up")) {
            assertTrue(System.nanoTime() < deadline, "the replica never synchronised");
            RedisServer.sleep(20);
        }
        sentinel = RedisServer.sentinel(master.port);
    }

    @AfterAll
    static void stop() {
        clients.forEach(WaferRedis::close);
        for (RedisServer s : new RedisServer[] {sentinel, replica, master}) {
            if (s != null) {
                s.close();
            }
        }
    }

    static synchronized WaferRedis client(WaferRedis.Builder b) {
        WaferRedis c = b.build();
        clients.add(c);
        return c;
    }

    static RedisURI uri() {
        return RedisURI.create("redis-sentinel://127.0.0.1:" + sentinel.port + "#mymaster");
    }

    @Nested
    class RevocationConformance extends RevocationStoreConformance {
        @Override
        protected RevocationStore store() {
            return client(WaferRedis.builder(uri())).revocationStore();
        }
    }

    @Nested
    class SessionConformance extends SessionStoreConformance {
        @Override
        protected SessionStore store() {
            return client(WaferRedis.builder(uri())).sessionStore();
        }
    }

    @Test
    void theStoreFollowsAFailover() {
        RedisRevocationStore store = client(WaferRedis.builder(RedisURI.Builder.sentinel("127.0.0.1", sentinel.port, "mymaster")
                .build()).localCache(Duration.ZERO, 0)).revocationStore();
        String id = Ids.hash(Ids.Kind.SESSION, Ids.random());
        store.revoke(id, Instant.now().plus(Duration.ofHours(1)));
        // Replication is asynchronous: a write acknowledged by the master reaches its replica a moment later, and
        // one the master acknowledged just before it died can be lost in the failover (docs/redis.md).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!"1".equals(replica.call("EXISTS", "wafer:{" + id + "}:r"))) {
            assertTrue(System.nanoTime() < deadline, "the replica never got the revocation");
            RedisServer.sleep(5);
        }
        long killed = System.nanoTime();
        master.kill();
        int failed = 0;
        while (true) {
            try {
                assertTrue(store.isRevoked(id, Instant.now()), "the revocation was replicated");
                break;
            } catch (RevocationStoreException e) {
                failed++;
                assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30), "no failover: " + e.getMessage());
                RedisServer.sleep(20);
            }
        }
        double took = (System.nanoTime() - killed) / 1e6;
        assertTrue(replica.call("ROLE").startsWith("master"), "the replica was promoted");
        String after = Ids.hash(Ids.Kind.SESSION, Ids.random());
        store.revoke(after, Instant.now().plusSeconds(60));
        assertTrue(store.isRevoked(after, Instant.now()));
        Figures.report("Sentinel failover (down-after 1 s)", "the store answered again " + Figures.millis(took)
                + " after the master was killed (" + failed + " calls failed at once meanwhile)");
    }
}
