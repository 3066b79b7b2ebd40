package dev.wafer.web;

import dev.wafer.CookieSealer;
import dev.wafer.MasterKey;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A sealer whose keys follow a key file: after {@code wafer rotate} (or any atomic replacement) on
 * disk, it seals under the new primary within one poll interval, and values under the old keys
 * keep opening. No restart.
 *
 * <pre>{@code
 * ReloadingSealer sealer = ReloadingSealer.watch(Path.of("/etc/app/cookie.jwks"), master,
 *         keys -> CookieSealer.builder(keys).build(), Duration.ofSeconds(5));
 * WebSessions sessions = WebSessions.builder(sealer).build();
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>The first load must succeed: a missing file, a wrong master key or a key set that breaks its
 * plan stops start-up. Later, a file that does not load (half-written, wrong master key, a
 * generation older than one already read, a broken plan) is refused and logged, without a key
 * byte, and the last good keys stay in use. The file is read through one {@link dev.wafer.KeyFiles}
 * instance, which refuses a sealed file rolled back to an older generation. Files are polled by
 * content hash (symbolic-link swaps, as Kubernetes secret volumes do them, are seen).
 *
 * <p>This class is thread-safe. {@link #close()} stops the polling thread.
 *
 * @since 0.1
 */
public final class ReloadingSealer implements CookieSealer, AutoCloseable {
    private final KeyFileWatch<CookieSealer> watch;

    private ReloadingSealer(Path file, MasterKey master, Function<SealingKeySet, CookieSealer> build, Duration interval)
            throws IOException {
        Objects.requireNonNull(build, "build");
        this.watch = new KeyFileWatch<>(file, (files, f) -> build.apply(files.readSealingKeySet(f, master)),
                s -> "primary key " + s.keys().primary().keyId() + ", " + s.keys().keys().size() + " keys", interval);
    }

    /**
     * Loads a sealing key file and keeps following it.
     *
     * @param file the key file, plain or sealed at rest
     * @param masterOrNull the master key of a sealed file, {@code null} for a plain one
     * @param build makes a sealer of a key set, with the application's settings
     * @param interval how often to look at the file; {@code null} never (call {@link #reload()})
     * @return the sealer
     * @throws IOException if the file cannot be read
     * @throws dev.wafer.KeyException if it does not load
     * @since 0.1
     */
    public static ReloadingSealer watch(Path file, MasterKey masterOrNull, Function<SealingKeySet, CookieSealer> build,
                                        Duration interval) throws IOException {
        return new ReloadingSealer(file, masterOrNull, build, interval);
    }

    /**
     * Looks at the file now, and loads it if it changed.
     *
     * @return whether new keys are in use
     * @throws IOException if the file cannot be read
     * @throws RuntimeException what loading threw (a {@link dev.wafer.KeyException} for a bad
     *     file); the last good keys stay in use
     * @since 0.1
     */
    public boolean reload() throws IOException {
        return watch.reload();
    }

    /**
     * Why the file's latest change did not load, if it did not.
     *
     * @return the problem, or {@code null} if the file in use is the file on disk
     * @since 0.1
     */
    public String lastProblem() {
        return watch.lastProblem();
    }

    private CookieSealer sealer() {
        return watch.current();
    }

    @Override
    public String seal(String value, SealContext context) {
        return sealer().seal(value, context);
    }

    @Override
    public String seal(String value, SealContext context, Duration lifetime) {
        return sealer().seal(value, context, lifetime);
    }

    @Override
    public String seal(byte[] value, SealContext context) {
        return sealer().seal(value, context);
    }

    @Override
    public String seal(byte[] value, SealContext context, Duration lifetime) {
        return sealer().seal(value, context, lifetime);
    }

    @Override
    public OpenedValue open(String sealed, SealContext context) {
        return sealer().open(sealed, context);
    }

    /**
     * A sealer fixed on other keys: it does not follow the file.
     *
     * @param keys the keys
     * @return the sealer now in use, with those keys
     */
    @Override
    public CookieSealer withKeys(SealingKeySet keys) {
        return sealer().withKeys(keys);
    }

    @Override
    public SealingKeySet keys() {
        return sealer().keys();
    }

    @Override
    public int maxCookieBytes() {
        return sealer().maxCookieBytes();
    }

    /** Stops following the file; the keys in use stay. */
    @Override
    public void close() {
        watch.close();
    }

    /**
     * The file and the sealer in use; never a key.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "ReloadingSealer[" + watch.file() + ", " + sealer() + "]";
    }
}
