package dev.wafer.redis;

import dev.wafer.web.Ids;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where {@link RedisStoreSuite} runs: one standalone redis-server, or a Redis Cluster of three
 * masters. It makes clients for it, and does what the tests do behind the stores' backs on the
 * node that owns a key, or on every node.
 */
abstract class RedisDeployment implements AutoCloseable {
    /** Stops the Redis processes. */
    @Override
    public abstract void close();

    /** "standalone" or "cluster". */
    abstract String name();

    /** A builder for a client of this deployment, as a user if {@code user} is not null. */
    abstract WaferRedis.Builder builder(String user, String password);

    /** A builder of the same kind whose only address is a loopback port where nothing listens. */
    abstract WaferRedis.Builder unreachable();

    /** Every node; on the cluster, every master. */
    abstract List<RedisServer> nodes();

    /** The node that serves a key. */
    abstract RedisServer ownerOf(String key);

    /** What a user limited by the documented ACL also needs here. */
    abstract List<String> extraAcl();

    /** A figure's name as reported for this deployment: unchanged on standalone, naming the cluster there. */
    abstract String figure(String name);

    WaferRedis.Builder builder() {
        return builder(null, null);
    }

    /** One command on the node that serves {@code key}. */
    String onOwner(String key, String... command) {
        return ownerOf(key).call(command);
    }

    /** One command on every node; their replies. */
    List<String> onEveryNode(String... command) {
        List<String> replies = new ArrayList<>();
        for (RedisServer n : nodes()) {
            replies.add(n.call(command));
        }
        return replies;
    }

    void flushAll() {
        for (String reply : onEveryNode("FLUSHALL")) {
            if (!"OK".equals(reply)) {
                throw new IllegalStateException("FLUSHALL: " + reply);
            }
        }
    }

    /** The keys matching a pattern, on every node. */
    List<String> keys(String pattern) {
        Set<String> keys = new LinkedHashSet<>();
        for (String reply : onEveryNode("KEYS", pattern)) {
            for (String k : reply.split("\n")) {
                if (!k.isEmpty()) {
                    keys.add(k);
                }
            }
        }
        return new ArrayList<>(keys);
    }

    long dbSize() {
        return onEveryNode("DBSIZE").stream().mapToLong(Long::parseLong).sum();
    }

    /** INFO memory's used_memory, summed over the nodes. */
    long usedMemory() {
        long sum = 0;
        for (String info : onEveryNode("INFO", "memory")) {
            sum += usedMemory(info);
        }
        return sum;
    }

    private static long usedMemory(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new AssertionError("no used_memory in " + info);
    }

    /** A random hashed id of a kind whose keys ({@code <prefix>{id}:...}) live on a node. */
    String idOn(RedisServer node, Ids.Kind kind) {
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.hash(kind, Ids.random());
            if (ownerOf("wafer:{" + id + "}:r") == node) {
                return id;
            }
        }
        throw new IllegalStateException("no id found for port " + node.port);
    }

    static RedisDeployment standalone(RedisServer redis) {
        return new RedisDeployment() {
            @Override
            String name() {
                return "standalone";
            }

            @Override
            WaferRedis.Builder builder(String user, String password) {
                return WaferRedis.builder(user == null ? redis.uri()
                        : RedisURI.create("redis://" + user + ":" + password + "@127.0.0.1:" + redis.port));
            }

            @Override
            WaferRedis.Builder unreachable() {
                return WaferRedis.builder(RedisURI.create("redis://127.0.0.1:" + RedisServer.freePort()));
            }

            @Override
            List<RedisServer> nodes() {
                return List.of(redis);
            }

            @Override
            RedisServer ownerOf(String key) {
                return redis;
            }

            @Override
            List<String> extraAcl() {
                return List.of();
            }

            @Override
            String figure(String name) {
                return name;
            }

            @Override
            public void close() {
                redis.close();
            }
        };
    }

    /**
     * A cluster whose slots stay where {@code redis-cli --cluster create} put them: the owner of a
     * key is computed here (CRC16 of its hash tag, and the slot table read once), so that finding
     * it never asks a node that may be sleeping.
     */
    static RedisDeployment cluster(RedisCluster cluster) {
        RedisServer[] owners = new RedisServer[SlotHash.SLOT_COUNT];
        RedisServer any = cluster.nodes.get(0);
        for (String line : any.call("CLUSTER", "NODES").split("\n")) {
            String[] f = line.split(" ");
            int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
            RedisServer node = cluster.nodes.stream().filter(n -> n.port == port).findFirst().orElseThrow();
            for (int i = 8; i < f.length; i++) {
                if (f[i].startsWith("[")) {
                    continue;
                }
                String[] range = f[i].split("-");
                int lo = Integer.parseInt(range[0]);
                int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
                for (int s = lo; s <= hi; s++) {
                    owners[s] = node;
                }
            }
        }
        for (RedisServer o : owners) {
            if (o == null) {
                throw new IllegalStateException("a slot is not served: " + any.call("CLUSTER", "NODES"));
            }
        }
        return new RedisDeployment() {
            @Override
            String name() {
                return "cluster";
            }

            @Override
            WaferRedis.Builder builder(String user, String password) {
                List<RedisURI> seeds = new ArrayList<>();
                for (RedisServer n : cluster.nodes) {
                    seeds.add(user == null ? n.uri()
                            : RedisURI.create("redis://" + user + ":" + password + "@127.0.0.1:" + n.port));
                }
                return WaferRedis.clusterBuilder(seeds);
            }

            @Override
            WaferRedis.Builder unreachable() {
                return WaferRedis.clusterBuilder(List.of(RedisURI.create("redis://127.0.0.1:" + RedisServer.freePort())));
            }

            @Override
            List<RedisServer> nodes() {
                return cluster.nodes;
            }

            @Override
            RedisServer ownerOf(String key) {
                return owners[SlotHash.getSlot(key)];
            }

            @Override
            List<String> extraAcl() {
                return List.of("+cluster|nodes"); // Lettuce learns and refreshes the topology with CLUSTER NODES
            }

            @Override
            String figure(String name) {
                return name + " (cluster of 3 masters)";
            }

            @Override
            public void close() {
                cluster.close();
            }
        };
    }
}
