package dev.wafer.web;

import dev.wafer.KeyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one key file for {@link ReloadingSealer} and {@link ReloadingSigner}: loads it once (or
 * fails), then polls it by content hash and swaps in what it builds of each change that loads.
 *
 * @param <T> what is built of the file: a sealer or a signer
 */
final class KeyFileWatch<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFileWatch.class);

    /** Reads the file through the watch's {@link KeyFiles} and builds what it serves. */
    @FunctionalInterface
    interface Loader<T> {
        T load(KeyFiles files, Path file) throws IOException;
    }

    private final Path file;
    private final Loader<T> loader;
    private final Function<T, String> describe;
    private final KeyFiles files = KeyFiles.create();
    private final AtomicReference<T> current = new AtomicReference<>();
    private final ScheduledExecutorService poller;
    private byte[] lastHash;
    private volatile String lastProblem;

    KeyFileWatch(Path file, Loader<T> loader, Function<T, String> describe, Duration interval) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.describe = describe;
        byte[] hash = hash();
        current.set(Objects.requireNonNull(loader.load(files, file), "what was built of the key file"));
        lastHash = hash;
        if (interval == null) {
            poller = null;
        } else {
            if (interval.toMillis() < 100) {
                throw new IllegalArgumentException("poll a key file at most every 100 ms");
            }
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wafer-key-reload " + file.getFileName());
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::reloadQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    T current() {
        return current.get();
    }

    Path file() {
        return file;
    }

    synchronized boolean reload() throws IOException {
        byte[] hash = hash();
        if (Arrays.equals(hash, lastHash)) {
            lastProblem = null; // the file in use is the file on disk again
            return false;
        }
        T next = Objects.requireNonNull(loader.load(files, file), "what was built of the key file");
        current.set(next);
        lastHash = hash;
        lastProblem = null;
        LOG.info("Reloaded the key file {}: {}", file, describe.apply(next));
        return true;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (IOException | RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.error("The key file {} did not load; the last good keys stay in use: {}", file, problem);
                lastProblem = problem;
            }
        }
    }

    String lastProblem() {
        return lastProblem;
    }

    private byte[] hash() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0;) {
                sha.update(buf, 0, n);
                total += n;
                if (total > KeyFiles.MAX_FILE_BYTES) {
                    break; // reading refuses it, with a clear message
                }
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
