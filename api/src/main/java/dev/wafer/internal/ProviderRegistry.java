package dev.wafer.internal;

import dev.wafer.Algorithm;
import dev.wafer.ProviderNotFoundException;
import dev.wafer.spi.WaferProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers found on a class loader, in a fixed order: highest priority first, then by name.
 * Class-path order never decides (JJWT's Services admits it does; SLF4J logs it).
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    static final String ARTIFACTS = "add one provider to the runtime class path: dev.wafer:wafer-provider-jca "
            + "(the JDK alone), dev.wafer:wafer-provider-bc (BouncyCastle) or dev.wafer:wafer-provider-tink (Google Tink)";

    private static final Comparator<WaferProvider> ORDER =
            Comparator.comparingInt((WaferProvider p) -> p.priority()).reversed().thenComparing(WaferProvider::name);

    private final List<WaferProvider> providers;
    private final List<String> skipped;
    private final BiFunction<WaferProvider, Algorithm, Optional<String>> selfTest;
    private final Map<String, SelfTestResult> selfTests = new ConcurrentHashMap<>();

    /** The outcome of one known-answer test: the failure (empty if passed) and its cost. */
    public static final class SelfTestResult {
        private final Optional<String> failure;
        private final long nanos;

        SelfTestResult(Optional<String> failure, long nanos) {
            this.failure = failure;
            this.nanos = nanos;
        }

        /** @return why the test failed, or empty if it passed */
        public Optional<String> failure() {
            return failure;
        }

        /** @return how long the test took, in nanoseconds */
        public long nanos() {
            return nanos;
        }
    }

    /**
     * A registry of the given providers, self-tested with {@link SelfTest}.
     *
     * @param providers the providers; order is irrelevant
     * @param skipped descriptions of providers that failed to load
     */
    public ProviderRegistry(List<WaferProvider> providers, List<String> skipped) {
        this(providers, skipped, SelfTest::run);
    }

    /**
     * A registry of the given providers with a given self-test, for tests of the choice itself.
     *
     * @param providers the providers; order is irrelevant
     * @param skipped descriptions of providers that failed to load
     * @param selfTest the known-answer test: empty if a provider passed it for an algorithm
     */
    public ProviderRegistry(List<WaferProvider> providers, List<String> skipped,
                            BiFunction<WaferProvider, Algorithm, Optional<String>> selfTest) {
        this.selfTest = selfTest;
        List<WaferProvider> sorted = new ArrayList<>(providers);
        sorted.sort(ORDER);
        Set<String> names = new java.util.HashSet<>();
        for (WaferProvider p : sorted) {
            if (!names.add(p.name())) {
                throw new IllegalStateException("two Wafer providers are named '" + p.name() + "'");
            }
        }
        this.providers = List.copyOf(sorted);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Finds the providers a class loader sees through {@link ServiceLoader}. A provider whose
     * registration or construction fails is logged and skipped.
     *
     * @param loader the class loader
     * @return the registry
     */
    public static ProviderRegistry load(ClassLoader loader) {
        return fromServices(ServiceLoader.load(WaferProvider.class, loader).iterator());
    }

    /**
     * The registry of what a service iterator yields: a provider whose registration or
     * construction fails, or that was built for another SPI version, is logged and skipped.
     *
     * @param it the providers, as {@link ServiceLoader} yields them
     * @return the registry
     */
    public static ProviderRegistry fromServices(Iterator<WaferProvider> it) {
        List<WaferProvider> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                WaferProvider p = it.next();
                Objects.requireNonNull(p.name(), "provider name");
                String incompatible = incompatibility(p.spiVersion());
                if (incompatible != null) {
                    String why = Text.quote(p.name()) + " (" + p.getClass().getName() + ") " + incompatible;
                    LOG.warn("Skipping Wafer provider {}", why);
                    skipped.add(why);
                    continue;
                }
                p.algorithms();
                found.add(p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // AbstractMethodError (a LinkageError): a provider built before spiVersion() existed.
                LOG.warn("Skipping a Wafer provider that failed to load: {}", e.toString());
                skipped.add(e.toString());
            }
        }
        return new ProviderRegistry(found, skipped);
    }

    /**
     * Why a provider built for an SPI version cannot run on this api, or {@code null} if it can:
     * the major versions must be equal (a provider built for a newer minor version may use
     * support classes this api lacks, so that is refused too).
     *
     * @param providerSpi what the provider's {@link WaferProvider#spiVersion()} returned
     * @return the reason, or {@code null}
     */
    public static String incompatibility(String providerSpi) {
        String api = WaferProvider.SPI_VERSION;
        if (providerSpi == null || !providerSpi.matches("[0-9]{1,4}\\.[0-9]{1,4}")) {
            return "declares no valid SPI version (got " + (providerSpi == null ? "null" : "'"
                    + providerSpi.replaceAll("[^\\x20-\\x7e]", "?") + "'") + "; this api has " + api + ")";
        }
        String[] p = providerSpi.split("\\.");
        String[] a = api.split("\\.");
        if (!p[0].equals(a[0]) || Integer.parseInt(p[1]) > Integer.parseInt(a[1])) {
            return "was built for Wafer SPI " + providerSpi + ", and this wafer-api has SPI " + api
                    + "; use the provider's version that matches this wafer-api (import dev.wafer:wafer-bom)";
        }
        return null;
    }

    /**
     * The providers that were found but not loaded, and why.
     *
     * @return descriptions, possibly empty
     */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * Every provider, in choice order.
     *
     * @return the providers
     */
    public List<WaferProvider> providers() {
        return providers;
    }

    /**
     * The provider to use: the one named, or else the first in choice order.
     *
     * @param name a provider name, or {@code null} for the default
     * @return the provider
     * @throws ProviderNotFoundException if there is none, or none by that name
     */
    public WaferProvider choose(String name) {
        if (providers.isEmpty()) {
            throw new ProviderNotFoundException("no Wafer provider found; " + ARTIFACTS
                    + (skipped.isEmpty() ? "" : " (providers that failed to load: " + skipped + ")"));
        }
        if (name == null) {
            return providers.get(0);
        }
        for (WaferProvider p : providers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new ProviderNotFoundException("no Wafer provider named '" + name + "'; found: " + names());
    }

    /**
     * Runs (once, then from the cache) a provider's known-answer test for an algorithm. A failure
     * is logged at WARN with its reason, once.
     *
     * @param provider a provider of this registry
     * @param algorithm an algorithm it lists
     * @return the result
     */
    public SelfTestResult selfTest(WaferProvider provider, Algorithm algorithm) {
        return selfTests.computeIfAbsent(provider.name() + "/" + algorithm, k -> {
            long start = System.nanoTime();
            Optional<String> failure = selfTest.apply(provider, algorithm);
            long nanos = System.nanoTime() - start;
            if (failure.isPresent()) {
                LOG.warn("Wafer provider '{}' failed its self-test for {} and is not used for it: {}",
                        provider.name(), algorithm.jwkName(), failure.get());
            } else {
                LOG.debug("Wafer provider '{}' passed its self-test for {} in {} us",
                        provider.name(), algorithm.jwkName(), nanos / 1000);
            }
            return new SelfTestResult(failure, nanos);
        });
    }

    /**
     * The provider that serves an algorithm when none is pinned: among those that list it and
     * pass its self-test, the highest {@link WaferProvider#priority(Algorithm)}, then the name.
     *
     * @param algorithm the algorithm
     * @return the provider, or empty if none lists it or every one that does failed its self-test
     */
    public Optional<WaferProvider> best(Algorithm algorithm) {
        List<WaferProvider> candidates = providers.stream().filter(p -> p.algorithms().contains(algorithm))
                .sorted(Comparator.comparingInt((WaferProvider p) -> p.priority(algorithm)).reversed()
                        .thenComparing(WaferProvider::name))
                .collect(Collectors.toList());
        for (WaferProvider p : candidates) {
            if (selfTest(p, algorithm).failure().isEmpty()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The names of the providers that implement an algorithm.
     *
     * @param algorithm the algorithm
     * @return provider names, in choice order
     */
    public List<String> providersWith(Algorithm algorithm) {
        return providers.stream().filter(p -> p.algorithms().contains(algorithm))
                .map(WaferProvider::name).collect(Collectors.toList());
    }

    /**
     * The names of every provider, in choice order.
     *
     * @return the names
     */
    public List<String> names() {
        return providers.stream().map(WaferProvider::name).collect(Collectors.toList());
    }
}
