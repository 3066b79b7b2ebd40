package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.web.Ids;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.SessionStore;
import dev.wafer.web.conformance.RevocationStoreConformance;
import dev.wafer.web.conformance.SessionStoreConformance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The same suites as standalone Redis, on a real Redis Cluster of three masters. */
class RedisClusterTest {
    static RedisCluster cluster;
    static final List<WaferRedis> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = RedisCluster.start();
    }

    @AfterAll
    static void stop() {
        clients.forEach(WaferRedis::close);
        clients.clear();
        cluster.close();
    }

    static synchronized WaferRedis client() {
        WaferRedis c = WaferRedis.clusterBuilder(cluster.seeds()).build();
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

    @Test
    void keysSpreadOverEveryMasterAndEachIdsKeysShareASlot() {
        RedisRevocationStore store = client().revocationStore();
        RedisSessionStore sessions = client().sessionStore();
        Set<Integer> owners = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String series = Ids.hash(Ids.Kind.SERIES, Ids.random());
            store.startSeries(series, Instant.now().plusSeconds(60));
            assertEquals(RevocationStore.SeriesUse.ROTATED, store.useSeries(series, 0, Instant.now(), Duration.ofSeconds(30)));
            store.revoke(series, Instant.now().plusSeconds(60)); // one script, two keys: one slot
            assertEquals(RevocationStore.SeriesUse.UNKNOWN, store.useSeries(series, 1, Instant.now(), Duration.ofSeconds(30)));
            owners.add(cluster.ownerOf("wafer:{" + series + "}:r").port);
            assertEquals(cluster.ownerOf("wafer:{" + series + "}:r").port, cluster.ownerOf("wafer:{" + series + "}:s").port);
            String sid = Ids.hash(Ids.Kind.SESSION, Ids.random());
            sessions.save(sid, new byte[] {'{', '}'}, Instant.now().plusSeconds(60));
            owners.add(cluster.ownerOf("wafer:{" + sid + "}:d").port);
        }
        assertEquals(3, owners.size(), "the keys live on all three masters");
    }

    @Test
    void aUserLimitedToItsKeysChannelAndCommandsIsEnoughWithTheTopologyCommand() {
        List<String> acl = new ArrayList<>(List.of(StandaloneRedisTest.ACL));
        acl.add("+cluster|nodes"); // Lettuce learns and refreshes the topology with CLUSTER NODES
        for (RedisServer n : cluster.nodes) {
            assertEquals("OK", n.call(acl.toArray(new String[0])));
        }
        try {
            List<io.lettuce.core.RedisURI> seeds = new ArrayList<>();
            for (RedisServer n : cluster.nodes) {
                seeds.add(io.lettuce.core.RedisURI.create("redis://wafer:wafer-test-password@127.0.0.1:" + n.port));
            }
            WaferRedis limited = WaferRedis.clusterBuilder(seeds).build();
            clients.add(limited);
            RedisRevocationStore store = limited.revocationStore();
            for (int i = 0; i < 20; i++) {
                String id = Ids.hash(Ids.Kind.SESSION, Ids.random());
                store.revoke(id, Instant.now().plusSeconds(60));
                assertTrue(store.isRevoked(id, Instant.now()));
                String series = Ids.hash(Ids.Kind.SERIES, Ids.random());
                store.startSeries(series, Instant.now().plusSeconds(60));
                assertEquals(RevocationStore.SeriesUse.ROTATED, store.useSeries(series, 0, Instant.now(), Duration.ofSeconds(30)));
                assertEquals(1, store.advanceGeneration(Ids.hash(Ids.Kind.USER, Ids.random())));
                limited.sessionStore().save(id, new byte[] {'{', '}'}, Instant.now().plusSeconds(60));
                assertEquals(2, limited.sessionStore().load(id).length);
            }
            assertEquals(0, store.stats().failures());
        } finally {
            for (RedisServer n : cluster.nodes) {
                n.call("ACL", "DELUSER", "wafer");
            }
        }
    }

    @Test
    void aRevocationOnOneInstanceIsHonouredByAnotherWithinASecond() {
        RedisRevocationStore a = client().revocationStore();
        RedisRevocationStore b = client().revocationStore();
        int rounds = 100;
        long[] seen = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String id = Ids.hash(Ids.Kind.SESSION, Ids.random());
            assertFalse(b.isRevoked(id, Instant.now()));
            long t0 = System.nanoTime();
            a.revoke(id, Instant.now().plusSeconds(60));
            while (!b.isRevoked(id, Instant.now())) {
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "B never saw A's revocation");
                Thread.onSpinWait();
            }
            seen[i] = System.nanoTime() - t0;
        }
        assertTrue(b.stats().invalidationsReceived() >= rounds, "the invalidations crossed the cluster bus: " + b);
        double max = Figures.quantileMillis(seen, 1.0);
        Figures.report("propagation cluster (revoke on A, seen on B, " + rounds + " rounds)", "median "
                + Figures.millis(Figures.quantileMillis(seen, 0.5)) + ", max " + Figures.millis(max));
        assertTrue(max < 1000, "max " + max);
    }
}
