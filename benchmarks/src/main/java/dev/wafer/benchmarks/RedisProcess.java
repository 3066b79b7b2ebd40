package dev.wafer.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} for one benchmark trial, as wafer-redis's tests start theirs: a
 * temporary directory, a free loopback port, no persistence; waited for until it answers PING, and
 * killed by {@link #close()} (or by a shutdown hook if the fork ends first).
 */
final class RedisProcess implements AutoCloseable {
    final int port;
    private final Path dir;
    private final Process process;

    private RedisProcess(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    static RedisProcess start() throws IOException, InterruptedException {
        String exe = executable();
        Path dir = Files.createTempDirectory("wafer-bench-redis-");
        int port = freePort();
        Path conf = Files.write(dir.resolve("redis.conf"), List.of("port " + port, "bind 127.0.0.1", "protected-mode yes",
                "daemonize no", "dir " + dir, "logfile " + dir.resolve("redis.log"), "save \"\"", "appendonly no"));
        Process p = new ProcessBuilder(exe, conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        RedisProcess r = new RedisProcess(port, dir, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                r.close();
                throw new IllegalStateException("redis-server exited at start (see " + dir + "/redis.log)");
            }
            if (r.ping()) {
                return r;
            }
            Thread.sleep(10);
        }
        r.close();
        throw new IllegalStateException("redis-server did not answer PING within 10 s");
    }

    /** The executable, or a failure that says how to install it. */
    private static String executable() {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("redis-server is not installed; these benchmarks run against a real Redis: "
                + "apt-get install redis-server");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] b = in.readNBytes(7);
            return new String(b, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: best effort
        }
    }
}
