package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crypto engines of the installed providers, as {@link Wafer#engines()} returns them: either
 * one provider pinned by name, or the best engine per algorithm ({@value #AUTO}). Give it to a
 * builder to choose where sealing and signing run:
 *
 * <pre>{@code
 * CookieSealer sealer = CookieSealer.builder(keys).engines(Wafer.engines("bc")).build();
 * }</pre>
 *
 * <h2>Which engine</h2>
 * <p>Engines obtained by name ({@link Wafer#engines(String)}, {@code -Dwafer.provider}) come from
 * that provider for every algorithm. Otherwise, with several providers installed, each algorithm
 * runs on the installed provider with the highest priority for it
 * ({@link WaferProvider#priority(Algorithm)}), ties broken by name. Either way, a provider serves
 * an algorithm only after it has passed a known-answer self-test for it.
 *
 * <h2>Security</h2>
 * <p>An algorithm is never substituted: a key whose algorithm no chosen provider has gives an
 * {@link UnsupportedAlgorithmException} naming the installed providers that have it. Every check
 * above the engines (formats, lengths, expiry, headers, claims, key validation) is Wafer's own and
 * the same for every provider. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class WaferEngines {
    /** The name of the per-algorithm choice among several installed providers. */
    public static final String AUTO = "auto";

    private static final Logger LOG = LoggerFactory.getLogger(WaferEngines.class);
    private static final byte[] PAIRWISE_TEST = "wafer pairwise consistency test".getBytes(StandardCharsets.US_ASCII);

    private final WaferProvider pinned;   // null: the best engine per algorithm
    private final ProviderRegistry registry;
    private final Map<Algorithm, WaferProvider> served = new ConcurrentHashMap<>();

    WaferEngines(WaferProvider pinned, ProviderRegistry registry) {
        this.pinned = pinned;
        this.registry = registry;
    }

    /**
     * The name: a pinned provider's own, or {@value #AUTO} when Wafer picks, for each algorithm,
     * the best engine among several installed providers.
     *
     * @return for example {@code jca}, or {@code auto}
     * @since 0.1
     */
    public String name() {
        return pinned != null ? pinned.name() : AUTO;
    }

    /** These engines as builders see them: nothing but engines for keys. */
    EngineSource source() {
        return source;
    }

    private final EngineSource source = new EngineSource() {
        @Override
        public String name() {
            return WaferEngines.this.name();
        }

        @Override
        public AeadEngine aead(SealingKey key) {
            return aeadEngine(key);
        }

        @Override
        public SignerEngine signer(SigningKey key) {
            return signerEngine(key);
        }

        @Override
        public VerifierEngine verifier(VerificationKey key) {
            return verifierEngine(key);
        }
    };

    /**
     * Name, version, priority and algorithms of a pinned provider; for {@value #AUTO}, the union
     * of the installed providers' algorithms and the highest priority.
     *
     * @return the description
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
     * The algorithms these engines implement on this runtime (for {@value #AUTO}: those any
     * installed provider implements).
     *
     * @return an immutable set
     * @since 0.1
     */
    public Set<Algorithm> algorithms() {
        if (pinned != null) {
            return pinned.algorithms();
        }
        Set<Algorithm> all = new LinkedHashSet<>();
        for (Algorithm a : Algorithm.all()) {
            if (registry.providers().stream().anyMatch(p -> p.algorithms().contains(a))) {
                all.add(a);
            }
        }
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
        return provider(algorithm).name();
    }

    /** The provider that serves an algorithm, self-tested; chosen once. */
    private WaferProvider provider(Algorithm algorithm) {
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
                    + algorithm.jwkName() + " " + with + " failed its self-test; see Wafer.report()", null));
            LOG.info("Wafer serves {} with provider '{}'", algorithm.jwkName(), p.name());
        }
        WaferProvider prior = served.putIfAbsent(algorithm, p);
        return prior != null ? prior : p;
    }

    private static KeyException refused(WaferProvider spi, Object key, GeneralSecurityException e) {
        if (e instanceof NoSuchAlgorithmException) {
            return new KeyException("provider '" + spi.name() + "' cannot use " + key + ": algorithm unavailable", e);
        }
        return new KeyException("provider '" + spi.name() + "' refused " + key, e);
    }

    AeadEngine aeadEngine(SealingKey key) {
        WaferProvider spi = provider(key.algorithm());
        byte[] bytes = key.copyBytes();
        try {
            return spi.newAeadEngine(key.algorithm(), bytes);
        } catch (GeneralSecurityException e) {
            throw refused(spi, key, e);
        } finally {
            SealingKey.wipe(bytes);
        }
    }

    VerifierEngine verifierEngine(VerificationKey key) {
        WaferProvider spi = provider(key.algorithm());
        try {
            return spi.newVerifier(key.algorithm(), key.material());
        } catch (GeneralSecurityException e) {
            throw refused(spi, key, e);
        }
    }

    /** A signer engine that has passed a pairwise test: it signs, and its public key verifies that. */
    SignerEngine signerEngine(SigningKey key) {
        WaferProvider spi = provider(key.algorithm());
        SignerEngine engine;
        var material = key.material();
        try {
            engine = spi.newSigner(key.algorithm(), material);
        } catch (GeneralSecurityException e) {
            throw refused(spi, key, e);
        } finally {
            if (material instanceof EncodedPrivateKey) {
                ((EncodedPrivateKey) material).wipe();
            }
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
        return "WaferEngines[" + name() + (pinned != null ? " " + pinned.version() : " " + registry.names()) + "]";
    }
}
