package dev.wafer.web;

import dev.wafer.Claims;
import dev.wafer.MasterKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.VerificationKeySet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A token signer whose keys follow a key file: after {@code wafer rotate} on disk it signs under
 * the new primary within one poll interval, and {@link #publicKeys()} (what a JWK Set endpoint
 * serves) follows too. No restart.
 *
 * <pre>{@code
 * ReloadingSigner signer = ReloadingSigner.watch(Path.of("/etc/app/signing.jwks"), master,
 *         keys -> TokenSigner.builder(keys).issuer("https://login.example").build(), Duration.ofSeconds(5));
 * JwksPublisher jwks = JwksPublisher.of(signer::publicKeys, Duration.ofMinutes(5));
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>As {@link ReloadingSealer}: the first load must succeed (a missing file, a wrong master key or
 * a key set that breaks its plan stops start-up); later, a file that does not load is refused and
 * logged, without a key byte, and the last good keys stay in use; a sealed file rolled back to an
 * older generation is refused. Publish a new key (as pending) before it signs, so that verifiers
 * have it when the first token under it arrives (docs/keys.md).
 *
 * <p>This class is thread-safe. {@link #close()} stops the polling thread.
 *
 * @since 0.1
 */
public final class ReloadingSigner implements TokenSigner, AutoCloseable {
    /** The signer in use and the key set it was built of. */
    private record Loaded(TokenSigner signer, SigningKeySet keys) { }

    private final KeyFileWatch<Loaded> watch;

    private ReloadingSigner(Path file, MasterKey master, Function<SigningKeySet, TokenSigner> build, Duration interval)
            throws IOException {
        Objects.requireNonNull(build, "build");
        this.watch = new KeyFileWatch<>(file, (files, f) -> {
            SigningKeySet keys = files.readSigningKeySet(f, master);
            return new Loaded(Objects.requireNonNull(build.apply(keys), "the built signer"), keys);
        }, l -> "primary key " + l.signer().keyId() + ", " + l.keys().keys().size() + " keys", interval);
    }

    /**
     * Loads a signing key file and keeps following it.
     *
     * @param file the key file, plain or sealed at rest
     * @param masterOrNull the master key of a sealed file, {@code null} for a plain one
     * @param build makes a signer of a key set, with the application's settings
     * @param interval how often to look at the file; {@code null} never (call {@link #reload()})
     * @return the signer
     * @throws IOException if the file cannot be read
     * @throws dev.wafer.KeyException if it does not load
     * @since 0.1
     */
    public static ReloadingSigner watch(Path file, MasterKey masterOrNull, Function<SigningKeySet, TokenSigner> build,
                                        Duration interval) throws IOException {
        return new ReloadingSigner(file, masterOrNull, build, interval);
    }

    /**
     * Looks at the file now, and loads it if it changed.
     *
     * @return whether new keys are in use
     * @throws IOException if the file cannot be read
     * @throws RuntimeException what loading threw; the last good keys stay in use
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

    /**
     * The key set in use.
     *
     * @return the signing keys, private halves included: never publish this
     * @since 0.1
     */
    public SigningKeySet keys() {
        return watch.current().keys();
    }

    /**
     * The public keys of the key set in use, as a JWK Set endpoint serves them: the primary,
     * pending and still-valid keys, never a retired or expired one.
     *
     * @return the public keys
     * @since 0.1
     */
    public VerificationKeySet publicKeys() {
        return keys().publicKeys();
    }

    @Override
    public String sign(Claims claims) {
        return watch.current().signer().sign(claims);
    }

    @Override
    public String keyId() {
        return watch.current().signer().keyId();
    }

    /** Stops following the file; the keys in use stay. */
    @Override
    public void close() {
        watch.close();
    }

    /**
     * The file and the key in use; never a key's bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "ReloadingSigner[" + watch.file() + ", primary " + keyId() + "]";
    }
}
