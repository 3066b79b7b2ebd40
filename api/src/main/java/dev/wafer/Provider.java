package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * An installed crypto provider, as {@link Wafer#provider()} returns it: the factory of
 * {@link CookieSealer}s, {@link TokenSigner}s and {@link TokenVerifier}s that run on its engines.
 *
 * <h2>Security</h2>
 * <p>A provider never substitutes an algorithm: a key whose algorithm it lacks gives an
 * {@link UnsupportedAlgorithmException} naming the installed providers that have it. Every check
 * above the engines (formats, lengths, expiry, headers, claims) is Wafer's own and the same for
 * every provider. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Provider {
    private static final byte[] PAIRWISE_TEST = "wafer pairwise consistency test".getBytes(StandardCharsets.US_ASCII);

    private final WaferProvider spi;
    private final ProviderRegistry registry;

    Provider(WaferProvider spi, ProviderRegistry registry) {
        this.spi = spi;
        this.registry = registry;
    }

    /**
     * The provider's name.
     *
     * @return for example {@code jca}
     * @since 0.1
     */
    public String name() {
        return spi.name();
    }

    /**
     * Name, version, priority and algorithms.
     *
     * @return the provider's description
     * @since 0.1
     */
    public ProviderInfo info() {
        return new ProviderInfo(spi.name(), spi.version(), spi.priority(), spi.algorithms());
    }

    /**
     * The algorithms this provider implements on this runtime.
     *
     * @return an immutable set
     * @since 0.1
     */
    public Set<Algorithm> algorithms() {
        return spi.algorithms();
    }

    /**
     * Starts a sealer for a keyring: its primary key seals, every key opens.
     *
     * @param keyring the sealing keys
     * @return a builder; {@link CookieSealer.Builder#build()} creates the engines
     * @since 0.1
     */
    public CookieSealer.Builder sealer(SealingKeyring keyring) {
        return new CookieSealer.Builder(this, keyring);
    }

    /**
     * Starts a token signer for a key set: its primary key signs.
     *
     * @param keys the signing keys
     * @return a builder
     * @since 0.1
     */
    public TokenSigner.Builder signer(SigningKeySet keys) {
        return new TokenSigner.Builder(this, keys);
    }

    /**
     * Starts a token verifier for a set of public keys.
     *
     * @param keys the trusted public keys; each verifies only its own algorithm
     * @return a builder
     * @since 0.1
     */
    public TokenVerifier.Builder verifier(VerificationKeySet keys) {
        return new TokenVerifier.Builder(this, keys);
    }

    private void require(Algorithm algorithm) {
        if (!spi.algorithms().contains(algorithm)) {
            throw new UnsupportedAlgorithmException(algorithm, spi.name(), registry.providersWith(algorithm));
        }
    }

    private KeyException refused(String what, GeneralSecurityException e) {
        if (e instanceof NoSuchAlgorithmException) {
            return new KeyException("provider '" + spi.name() + "' cannot use " + what + ": algorithm unavailable", e);
        }
        return new KeyException("provider '" + spi.name() + "' refused " + what, e);
    }

    AeadEngine aeadEngine(SealingKey key) {
        require(key.algorithm());
        byte[] bytes = key.copyBytes();
        try {
            return spi.newAeadEngine(key.algorithm(), bytes);
        } catch (GeneralSecurityException e) {
            throw refused(key.toString(), e);
        } finally {
            SealingKey.wipe(bytes);
        }
    }

    VerifierEngine verifierEngine(VerificationKey key) {
        require(key.algorithm());
        try {
            if (key.algorithm() == Algorithm.ED25519) {
                return spi.newEd25519Verifier(key.ed25519Bytes());
            }
            return spi.newRsaVerifier(key.algorithm(), key.rsaSpec());
        } catch (GeneralSecurityException e) {
            throw refused(key.toString(), e);
        }
    }

    /** A signer engine that has passed a pairwise test: it signs, and its public key verifies that. */
    SignerEngine signerEngine(SigningKey key) {
        require(key.algorithm());
        SignerEngine engine;
        try {
            if (key.algorithm() == Algorithm.ED25519) {
                byte[] seed = key.ed25519Seed();
                try {
                    engine = spi.newEd25519Signer(seed);
                } finally {
                    SealingKey.wipe(seed);
                }
            } else {
                engine = spi.newRsaSigner(key.algorithm(), key.rsaSpec());
            }
        } catch (GeneralSecurityException e) {
            throw refused(key.toString(), e);
        }
        try {
            byte[] sig = engine.sign(PAIRWISE_TEST, 0, PAIRWISE_TEST.length);
            verifierEngine(key.publicKey()).verify(sig, PAIRWISE_TEST, 0, PAIRWISE_TEST.length);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyException(key + ": the private key does not match its public key", e);
        }
        return engine;
    }

    /**
     * Name and version.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Provider[" + spi.name() + " " + spi.version() + "]";
    }
}
