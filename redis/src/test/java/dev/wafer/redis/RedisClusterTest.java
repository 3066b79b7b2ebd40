package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.web.Ids;
import dev.wafer.web.RevocationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisStoreSuite}, every test of standalone Redis, on a real Redis Cluster of three masters;
 * then what only a cluster has: slots, and the topology command a limited user needs.
 */
class RedisClusterTest extends RedisStoreSuite {
    RedisCluster cluster;

    @Override
    protected RedisDeployment deploy() {
        cluster = RedisCluster.start();
        return RedisDeployment.cluster(cluster);
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
        List<String> acl = new ArrayList<>(List.of(ACL));
        acl.add("+cluster|nodes"); // Lettuce learns and refreshes the topology with CLUSTER NODES
        for (RedisServer n : cluster.nodes) {
            assertEquals("OK", n.call(acl.toArray(new String[0])));
        }
        try {
            List<io.lettuce.core.RedisURI> seeds = new ArrayList<>();
            for (RedisServer n : cluster.nodes) {
                seeds.add(io.lettuce.core.RedisURI.create("redis://wafer:wafer-test-password@127.0.0.1:" + n.port));
            }
            WaferRedis limited = client(WaferRedis.clusterBuilder(seeds));
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
}
