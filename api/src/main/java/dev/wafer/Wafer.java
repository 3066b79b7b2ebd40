package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.WaferProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point to the installed crypto providers, whose engines sealers, signers and
 * verifiers run on. Builders use {@link #engines()} unless given others:
 *
 * <pre>{@code
 * CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).build();             // the default
 * CookieSealer onBc = CookieSealer.builder(keys).engines(Wafer.engines("bc")).build();     // pinned
 * }</pre>
 *
 * <h2>Which provider</h2>
 * <ol>
 * <li>{@link #engines(String)} names one; otherwise the system property {@value #PROVIDER_PROPERTY}
 *     does. A name that matches no installed provider is an error listing those found.</li>
 * <li>Otherwise, with one provider installed, that one; with several, the best engine for each
 *     algorithm ({@link WaferEngines#AUTO}): the highest per-algorithm priority among the providers
 *     that passed their self-test for it, ties broken by name, never by class-path order.</li>
 * <li>None installed: {@link ProviderNotFoundException}, naming the artifacts to add. Wafer never
 *     falls back to doing nothing.</li>
 * </ol>
 * <p>Providers are found once, lazily and thread-safely, with {@link java.util.ServiceLoader} on
 * this class's class loader. A provider built for another version of the SPI
 * ({@link WaferProvider#SPI_VERSION}) is skipped and named in {@link #report()}.
 *
 * @since 0.1
 */
public final class Wafer {
    /** The system property that names the provider to use: {@value}. */
    public static final String PROVIDER_PROPERTY = "wafer.provider";

    private static final Logger LOG = LoggerFactory.getLogger(Wafer.class);

    private Wafer() {
    }

    private static volatile ProviderRegistry registry;
    /** The default engines, and the value of the system property they were chosen under. */
    private static volatile Chosen chosen;

    private static final class Chosen {
        final String property;
        final WaferEngines engines;

        Chosen(String property, WaferEngines engines) {
            this.property = property;
            this.engines = engines;
        }
    }

    /**
     * The default engines: the provider {@value #PROVIDER_PROPERTY} names, or else the one
     * installed provider, or else the best engine per algorithm. Resolved once per value of the
     * property, and cached.
     *
     * @return the engines
     * @throws ProviderNotFoundException if no provider is installed, or none by the configured name
     * @since 0.1
     */
    public static WaferEngines engines() {
        String property = System.getProperty(PROVIDER_PROPERTY);
        Chosen c = chosen;
        if (c == null || !Objects.equals(c.property, property)) {
            synchronized (Wafer.class) {
                c = chosen;
                if (c == null || !Objects.equals(c.property, property)) {
                    c = new Chosen(property, choose(registry(), propertyName(property)));
                    chosen = c;
                }
            }
        }
        return c.engines;
    }

    private static String propertyName(String property) {
        return property == null || property.isBlank() ? null : property.trim();
    }

    /**
     * The engines of the installed provider with the given name, for every algorithm.
     *
     * @param name {@code jca}, {@code bc}, {@code tink}, or another installed provider's name
     * @return the engines
     * @throws ProviderNotFoundException if no installed provider has that name; the message lists
     *     those installed
     * @since 0.1
     */
    public static WaferEngines engines(String name) {
        Objects.requireNonNull(name, "name");
        ProviderRegistry registry = registry();
        return new WaferEngines(registry.choose(name), registry);
    }

    /**
     * The default engines among the providers a given class loader sees, for containers where
     * Wafer's own class loader is not the application's. Not cached.
     *
     * @param loader the class loader to search
     * @return the engines
     * @throws ProviderNotFoundException if the loader sees no provider
     * @since 0.1
     */
    public static WaferEngines engines(ClassLoader loader) {
        return choose(ProviderRegistry.load(Objects.requireNonNull(loader, "loader")), null);
    }

    /** A pinned provider when one is named or only one is installed; else the per-algorithm choice. */
    private static WaferEngines choose(ProviderRegistry r, String name) {
        WaferProvider first = r.choose(name);
        if (name == null && r.providers().size() > 1) {
            LOG.info("Wafer uses the best installed engine for each algorithm among {}; pin one with -D{}",
                    r.names(), PROVIDER_PROPERTY);
            return new WaferEngines(null, r);
        }
        LOG.info("Wafer uses provider '{}' ({}, priority {}){}; installed: {}", first.name(), first.version(),
                first.priority(), name == null ? "" : ", named by -D" + PROVIDER_PROPERTY + " or by the caller",
                r.names());
        return new WaferEngines(first, r);
    }

    /**
     * Runs every installed provider's self-test for every algorithm it lists, and tells which
     * provider the default {@link #engines()} uses for each algorithm. Never throws: what is
     * missing or broken (no provider, a provider that failed to load or was built for another SPI,
     * a {@value #PROVIDER_PROPERTY} that names no installed provider, a failed self-test) is in the
     * report, with the reason.
     *
     * @return each provider's name, version, priorities, algorithms and self-test results, the
     *     engine that serves each algorithm, and the problems found
     * @since 0.1
     */
    public static ProviderReport report() {
        List<String> problems = new ArrayList<>();
        List<ProviderReport.Entry> entries = new ArrayList<>();
        Map<Algorithm, String> servedBy = new LinkedHashMap<>();
        ProviderRegistry r;
        try {
            r = registry();
        } catch (RuntimeException | LinkageError e) {
            problems.add("providers could not be loaded: " + e);
            return new ProviderReport(entries, servedBy, problems);
        }
        r.skipped().forEach(s -> problems.add("provider skipped: " + s));
        for (WaferProvider p : r.providers()) {
            try {
                entries.add(entry(r, p, problems));
            } catch (RuntimeException | LinkageError e) {
                // A provider that throws from its own description is reported, never propagated.
                problems.add("provider '" + p.name() + "' could not describe itself: " + e);
            }
        }
        WaferEngines engines = null;
        try {
            engines = engines();
        } catch (WaferException e) {
            problems.add(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            problems.add("the default engines could not be chosen: " + e);
        }
        for (Algorithm a : Algorithm.all()) {
            if (engines == null) {
                servedBy.put(a, "none (no default engines)");
                continue;
            }
            try {
                servedBy.put(a, engines.servedBy(a));
            } catch (WaferException e) {
                servedBy.put(a, "none (" + e.getMessage() + ")");
            } catch (RuntimeException | LinkageError e) {
                servedBy.put(a, "none (" + e + ")");
            }
        }
        return new ProviderReport(entries, servedBy, problems);
    }

    private static ProviderReport.Entry entry(ProviderRegistry r, WaferProvider p, List<String> problems) {
        Map<Algorithm, Integer> priorities = new LinkedHashMap<>();
        Map<Algorithm, String> results = new LinkedHashMap<>();
        for (Algorithm a : Algorithm.all()) {
            if (!p.algorithms().contains(a)) {
                continue;
            }
            priorities.put(a, p.priority(a));
            ProviderRegistry.SelfTestResult t = r.selfTest(p, a);
            results.put(a, t.failure().map(f -> "FAILED: " + f)
                    .orElse("passed in " + Math.max(1, t.nanos() / 1000) + " us"));
            t.failure().ifPresent(f -> problems.add("provider '" + p.name() + "' failed its self-test for "
                    + a.jwkName() + ": " + f));
        }
        return new ProviderReport.Entry(new ProviderInfo(p.name(), p.version(), p.priority(), p.algorithms()),
                priorities, results);
    }

    /**
     * Every installed provider, in the order Wafer would choose them.
     *
     * @return name, version, priority and algorithms of each
     * @since 0.1
     */
    public static List<ProviderInfo> providers() {
        return registry().providers().stream()
                .map(p -> new ProviderInfo(p.name(), p.version(), p.priority(), p.algorithms()))
                .collect(Collectors.toList());
    }

    private static ProviderRegistry registry() {
        // ServiceLoader is not thread-safe: load once, under the lock, then publish.
        ProviderRegistry r = registry;
        if (r == null) {
            synchronized (Wafer.class) {
                r = registry;
                if (r == null) {
                    r = ProviderRegistry.load(Wafer.class.getClassLoader());
                    registry = r;
                }
            }
        }
        return r;
    }
}
