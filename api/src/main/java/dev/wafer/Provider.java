package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An installed crypto provider, as {@link Wafer#provider()} returns it: the factory of
 * {@link CookieSealer}s, {@link TokenSigner}s and {@link TokenVerifier}s that run on its engines.
 *
 * <h2>Which engine</h2>
 * <p>A provider obtained by name ({@link Wafer#provider(String)}, {@code -Dwafer.provider}) serves
 * every algorithm itself. The default provider, when several are installed, is {@value #AUTO}: for
 * each algorithm it uses the installed provider with the highest priority for that algorithm
 * ({@link dev.wafer.spi.WaferProvider#priority(Algorithm)}), ties broken by name. Either way, a
 * provider serves an algorithm only after it has passed a known-answer self-test for it.
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
    /** The name of the per-algorithm choice among several installed providers. */
    public static final String AUTO = "auto";

    private static final Logger LOG = LoggerFactory.getLogger(Provider.class);
    private static final byte[] PAIRWISE_TEST = "wafer pairwise consistency test".getBytes(StandardCharsets.US_ASCII);

    private final WaferProvider pinned;   // null: the best engine per algorithm
    private final ProviderRegistry registry;
    private final Map<Algorithm, WaferProvider> served = new ConcurrentHashMap<>();

    Provider(WaferProvider pinned, ProviderRegistry registry) {
        this.pinned = pinned;
        this.registry = registry;
    }

    /**
     * The provider's name: a pinned provider's own, or {@value #AUTO} when Wafer picks, for each
     * algorithm, the best engine among several installed providers.
     *
     * @return for example {@code jca}, or {@code auto}
     * @since 0.1
     */
    public String name() {
        return pinned != null ? pinned.name() : AUTO;
    }

    /**
     * Name, version, priority and algorithms of a pinned provider; for {@value #AUTO}, the union
     * of the installed providers' algorithms and the highest priority.
     *
     * @return the provider's description
     * @since 0.1
     */
    public ProviderInfo info() {
        if (pinned != null) {
            return new ProviderInfo(pinned.name(), pinned.version(), pinned.priority(), pinned.algorithms());
        }
        return new ProviderInfo(AUTO, "per algorithm among " + registry.names(),
                registry.providers().stream().mapToInt(WaferProvider::priority).max().orElse(0), algorithms());
    }

    /**
     * The algorithms this provider implements on this runtime (for {@value #AUTO}: those any
     * installed provider implements).
     *
     * @return an immutable set
     * @since 0.1
     */
    public Set<Algorithm> algorithms() {
        if (pinned != null) {
            return pinned.algorithms();
        }
        Set<Algorithm> all = EnumSet.noneOf(Algorithm.class);
        registry.providers().forEach(p -> all.addAll(p.algorithms()));
        return Collections.unmodifiableSet(all);
    }

    /**
     * The name of the provider whose engine serves an algorithm: the pinned provider, or the best
     * installed one that passed its self-test. Runs the self-test if it has not run yet.
     *
     * @param algorithm the algorithm
     * @return the provider name
     * @throws UnsupportedAlgorithmException if no provider here implements it
     * @throws EngineFailureException if every provider that implements it failed its self-test
     * @since 0.1
     */
    public String servedBy(Algorithm algorithm) {
        return engines(algorithm).name();
    }

    /** The provider that serves an algorithm, self-tested; chosen once. */
    private WaferProvider engines(Algorithm algorithm) {
        WaferProvider p = served.get(algorithm);
        if (p != null) {
            return p;
        }
        if (pinned != null) {
            if (!pinned.algorithms().contains(algorithm)) {
                throw new UnsupportedAlgorithmException(algorithm, pinned.name(), registry.providersWith(algorithm));
            }
            registry.selfTest(pinned, algorithm).failure().ifPresent(f -> {
                throw new EngineFailureException("provider '" + pinned.name() + "' failed its self-test for "
                        + algorithm.jwkName() + " and is not used: " + f, null);
            });
            p = pinned;
        } else {
            List<String> with = registry.providersWith(algorithm);
            if (with.isEmpty()) {
                throw new UnsupportedAlgorithmException(algorithm, AUTO, with);
            }
            p = registry.best(algorithm).orElseThrow(() -> new EngineFailureException("every provider of "
                    + algorithm.jwkName() + " " + with + " failed its self-test; see the log", null));
            LOG.info("Wafer serves {} with provider '{}'", algorithm.jwkName(), p.name());
        }
        WaferProvider prior = served.putIfAbsent(algorithm, p);
        return prior != null ? prior : p;
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

    private static KeyException refused(WaferProvider spi, String what, GeneralSecurityException e) {
        if (e instanceof NoSuchAlgorithmException) {
            return new KeyException("provider '" + spi.name() + "' cannot use " + what + ": algorithm unavailable", e);
        }
        return new KeyException("provider '" + spi.name() + "' refused " + what, e);
    }

    AeadEngine aeadEngine(SealingKey key) {
        WaferProvider spi = engines(key.algorithm());
        byte[] bytes = key.copyBytes();
        try {
            return spi.newAeadEngine(key.algorithm(), bytes);
        } catch (GeneralSecurityException e) {
            throw refused(spi, key.toString(), e);
        } finally {
            SealingKey.wipe(bytes);
        }
    }

    VerifierEngine verifierEngine(VerificationKey key) {
        WaferProvider spi = engines(key.algorithm());
        try {
            if (key.algorithm() == Algorithm.ED25519) {
                return spi.newEd25519Verifier(key.ed25519Bytes());
            }
            return spi.newRsaVerifier(key.algorithm(), key.rsaSpec());
        } catch (GeneralSecurityException e) {
            throw refused(spi, key.toString(), e);
        }
    }

    /** A signer engine that has passed a pairwise test: it signs, and its public key verifies that. */
    SignerEngine signerEngine(SigningKey key) {
        WaferProvider spi = engines(key.algorithm());
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
            throw refused(spi, key.toString(), e);
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
        return "Provider[" + name() + (pinned != null ? " " + pinned.version() : " " + registry.names()) + "]";
    }
}
