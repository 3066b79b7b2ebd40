package dev.wafer.redis;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Redis Cluster of three masters on loopback: three {@code redis-server} processes with
 * {@code cluster-enabled yes}, joined by {@code redis-cli --cluster create}, and waited for until
 * every node says {@code cluster_state:ok}. {@code cluster-require-full-coverage no}, so that the
 * slots of a live master keep working when another dies; a 1 s node timeout keeps failure tests
 * short.
 */
final class RedisCluster implements AutoCloseable {
    final List<RedisServer> nodes = new ArrayList<>();
    private final Path dir;

    private RedisCluster(Path dir) {
        this.dir = dir;
    }

    static RedisCluster start(String... extraConfig) {
        Path dir;
        try {
            dir = Files.createTempDirectory("wafer-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisCluster c = new RedisCluster(dir);
        try {
            List<String> config = new ArrayList<>(List.of("cluster-enabled yes", "cluster-config-file nodes.conf",
                    "cluster-node-timeout 1000", "cluster-require-full-coverage no"));
            config.addAll(List.of(extraConfig));
            for (int i = 0; i < 3; i++) {
                c.nodes.add(RedisServer.start(dir.resolve("node-" + i), config.toArray(new String[0])));
            }
            List<String> create = new ArrayList<>(List.of(RedisServer.executable("redis-cli"), "--cluster", "create"));
            c.nodes.forEach(n -> create.add("127.0.0.1:" + n.port));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process p = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("cluster-create.log").toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create failed: "
                        + Files.readString(dir.resolve("cluster-create.log")));
            }
            c.awaitOk(30_000);
            return c;
        } catch (IOException e) {
            c.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            c.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Waits until every live node says the cluster is ok and knows every master. */
    void awaitOk(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        String state = "";
        while (System.nanoTime() < deadline) {
            boolean ok = true;
            for (RedisServer n : nodes) {
                if (!n.alive()) {
                    continue;
                }
                try {
                    state = n.call("CLUSTER", "INFO");
                    ok &= state.contains("cluster_state:ok") && state.contains("cluster_known_nodes:" + nodes.size())
                            && state.contains("cluster_slots_assigned:16384");
                } catch (UncheckedIOException e) {
                    ok = false;
                }
            }
            if (ok) {
                return;
            }
            RedisServer.sleep(50);
        }
        throw new IllegalStateException("the cluster is not ok after " + millis + " ms: " + state);
    }

    List<RedisURI> seeds() {
        return nodes.stream().map(RedisServer::uri).collect(Collectors.toList());
    }

    /** The node that serves a key's slot, from the cluster's own view. */
    RedisServer ownerOf(String key) {
        RedisServer any = nodes.stream().filter(RedisServer::alive).findFirst().orElseThrow();
        int slot = Integer.parseInt(any.call("CLUSTER", "KEYSLOT", key));
        for (String line : any.call("CLUSTER", "NODES").split("\n")) {
            String[] f = line.split(" ");
            int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                if (range[0].startsWith("[")) {
                    continue;
                }
                int lo = Integer.parseInt(range[0]);
                int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
                if (slot >= lo && slot <= hi) {
                    return nodes.stream().filter(n -> n.port == port).findFirst().orElseThrow();
                }
            }
        }
        throw new IllegalStateException("no node serves slot " + slot);
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::kill);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: best effort
        }
    }
}
