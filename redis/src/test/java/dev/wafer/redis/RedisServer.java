package dev.wafer.redis;

import io.lettuce.core.RedisURI;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process for a test: its own temporary directory and configuration,
 * a free loopback port (and the port 10000 above it free too, for a cluster's bus), started and
 * waited for until it answers PING; killed by {@link #close()}, and by a shutdown hook if a test
 * run ends without closing it. Fails with a clear message if redis-server is not installed.
 * Published in wafer-redis's test jar, for the Spring Boot starter's tests.
 */
public final class RedisServer implements AutoCloseable {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    /** The server's loopback port. */
    public final int port;
    final Path dir;
    private final List<String> config;
    private final boolean ownsDir;
    private final boolean sentinel;
    private Process process;

    private RedisServer(int port, Path dir, List<String> config, boolean ownsDir, boolean sentinel) {
        this.port = port;
        this.dir = dir;
        this.config = config;
        this.ownsDir = ownsDir;
        this.sentinel = sentinel;
    }

    /** The executable, or a failure that says how to install it: a test without its Redis fails, it never skips. */
    static String executable(String name) {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(p, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed, and these tests run against a real Redis: install "
                + "Debian's redis-server (apt-get install redis-server; .ci/run does it when it runs as root)");
    }

    /** A standalone server with no persistence. */
    public static RedisServer start(String... extraConfig) {
        return start(null, extraConfig);
    }

    /** A server in a directory (a new temporary one if null), with lines added to its configuration. */
    static RedisServer start(Path dir, String... extraConfig) {
        return start(dir, false, extraConfig);
    }

    /** A Sentinel watching a master as {@code mymaster}, quorum 1, deciding it is down after 1 s. */
    static RedisServer sentinel(int masterPort) {
        return start(null, true, "sentinel monitor mymaster 127.0.0.1 " + masterPort + " 1",
                "sentinel down-after-milliseconds mymaster 1000", "sentinel failover-timeout mymaster 5000");
    }

    private static RedisServer start(Path dir, boolean sentinel, String... extraConfig) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            try {
                Path d = dir == null ? Files.createTempDirectory("wafer-redis-") : Files.createDirectories(dir);
                RedisServer s = new RedisServer(port, d, List.of(extraConfig), dir == null, sentinel);
                s.launch();
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException e) {
                last = e; // the port was taken between the check and the start: another one
            }
        }
        throw last;
    }

    /** A loopback port that is free, and whose cluster bus port (+10000) is free too. */
    static int freePort() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 50_000);
            if (bindable(port) && bindable(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port pair found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void launch() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode yes",
                "daemonize no",
                "dir " + dir,
                "logfile " + dir.resolve("redis.log"),
                "save \"\"",
                "enable-debug-command local"));
        lines.addAll(config);
        Path conf = Files.write(dir.resolve("redis.conf"), lines);
        List<String> command = new ArrayList<>(List.of(executable("redis-server"), conf.toString()));
        if (sentinel) {
            command.add("--sentinel");
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        RUNNING.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                RUNNING.remove(process);
                throw new IllegalStateException("redis-server on port " + port + " exited at start: " + log());
            }
            try {
                if ("PONG".equals(call("PING"))) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            sleep(10);
        }
        kill();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within 10 s: " + log());
    }

    private String log() {
        try {
            Path log = dir.resolve("redis.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    RedisURI uri() {
        return RedisURI.create("redis://127.0.0.1:" + port);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash: no save, connections reset. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RUNNING.remove(process);
        }
    }

    /** Starts it again on the same port, in the same directory, with the same configuration. */
    void restart() {
        if (alive()) {
            throw new IllegalStateException("still running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One command over RESP; the reply as text (arrays one element per line), or an error's text prefixed with "ERR!". */
    public String call(String... args) {
        return call(5_000, args);
    }

    String call(int timeoutMillis, String... args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                req.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                req.write(b);
                req.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(req.toByteArray());
            out.flush();
            return reply(new BufferedInputStream(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.write(c);
        }
        in.read(); // \n
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String reply(InputStream in) throws IOException {
        String l = line(in);
        switch (l.charAt(0)) {
            case '+':
            case ':':
                return l.substring(1);
            case '-':
                return "ERR!" + l.substring(1);
            case '$': {
                int n = Integer.parseInt(l.substring(1));
                if (n < 0) {
                    return null;
                }
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(l.substring(1));
                List<String> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(reply(in));
                }
                return String.join("\n", items);
            }
            default:
                throw new IOException("unexpected reply");
        }
    }

    @Override
    public void close() {
        kill();
        if (ownsDir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: best effort
            }
        }
    }
}
