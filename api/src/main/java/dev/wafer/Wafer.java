package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.WaferProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: finds the installed crypto provider, from which sealers, signers and verifiers
 * are built.
 *
 * <pre>{@code
 * Provider wafer = Wafer.provider();
 * CookieSealer sealer = wafer.sealer(SealingKeyring.generate()).build();
 * }</pre>
 *
 * <h2>Which provider</h2>
 * <ol>
 * <li>{@link #provider(String)} names one; otherwise the system property {@value #PROVIDER_PROPERTY}
 *     does. A name that matches no installed provider is an error listing those found.</li>
 * <li>Otherwise, with one provider installed, that one; with several, the best engine for each
 *     algorithm ({@link Provider#AUTO}): the highest per-algorithm priority among the providers
 *     that passed their self-test for it, ties broken by name, never by class-path order.</li>
 * <li>None installed: {@link ProviderNotFoundException}, naming the artifacts to add. Wafer never
 *     falls back to doing nothing.</li>
 * </ol>
 * <p>Providers are found once, lazily and thread-safely, with {@link java.util.ServiceLoader} on
 * this class's class loader; the choice is logged once at INFO.
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
    /** The default provider, and the value of the system property it was chosen under. */
    private static volatile Chosen chosen;

    private static final class Chosen {
        final String property;
        final Provider provider;

        Chosen(String property, Provider provider) {
            this.property = property;
            this.provider = provider;
        }
    }

    /**
     * The default provider: the one {@value #PROVIDER_PROPERTY} names, or else the installed one
     * with the highest priority. Resolved once per value of the property, and cached.
     *
     * @return the provider
     * @throws ProviderNotFoundException if none is installed, or none by the configured name
     * @since 0.1
     */
    public static Provider provider() {
        String property = System.getProperty(PROVIDER_PROPERTY);
        Chosen c = chosen;
        if (c == null || !Objects.equals(c.property, property)) {
            synchronized (Wafer.class) {
                c = chosen;
                if (c == null || !Objects.equals(c.property, property)) {
                    ProviderRegistry r = registry();
                    String name = property == null || property.isBlank() ? null : property.trim();
                    c = new Chosen(property, choose(r, name));
                    chosen = c;
                }
            }
        }
        return c.provider;
    }

    /**
     * The installed provider with the given name.
     *
     * @param name {@code jca}, {@code bc}, {@code tink}, or another installed provider's name
     * @return the provider
     * @throws ProviderNotFoundException if no installed provider has that name; the message lists
     *     those installed
     * @since 0.1
     */
    public static Provider provider(String name) {
        Objects.requireNonNull(name, "name");
        ProviderRegistry registry = registry();
        return new Provider(registry.choose(name), registry);
    }

    /**
     * The default provider among those a given class loader sees, for containers where Wafer's own
     * class loader is not the application's. Not cached.
     *
     * @param loader the class loader to search
     * @return the provider with the highest priority
     * @throws ProviderNotFoundException if the loader sees none
     * @since 0.1
     */
    public static Provider provider(ClassLoader loader) {
        return choose(ProviderRegistry.load(Objects.requireNonNull(loader, "loader")), null);
    }

    /** A pinned provider when one is named or only one is installed; else the per-algorithm choice. */
    private static Provider choose(ProviderRegistry r, String name) {
        WaferProvider first = r.choose(name);
        if (name == null && r.providers().size() > 1) {
            LOG.info("Wafer uses the best installed engine for each algorithm among {}; pin one with -D{}",
                    r.names(), PROVIDER_PROPERTY);
            return new Provider(null, r);
        }
        LOG.info("Wafer uses provider '{}' ({}, priority {}){}; installed: {}", first.name(), first.version(),
                first.priority(), name == null ? "" : ", named by -D" + PROVIDER_PROPERTY + " or by the caller",
                r.names());
        return new Provider(first, r);
    }

    /**
     * Runs every installed provider's self-test for every algorithm it lists, and tells which
     * provider the default {@link #provider()} uses for each algorithm.
     *
     * @return each provider's name, version, priorities, algorithms and self-test results, and
     *     the engine that serves each algorithm
     * @since 0.1
     */
    public static ProviderReport report() {
        ProviderRegistry r = registry();
        List<ProviderReport.Entry> entries = new ArrayList<>();
        for (WaferProvider p : r.providers()) {
            Map<Algorithm, Integer> priorities = new EnumMap<>(Algorithm.class);
            Map<Algorithm, String> results = new EnumMap<>(Algorithm.class);
            for (Algorithm a : p.algorithms()) {
                priorities.put(a, p.priority(a));
                ProviderRegistry.SelfTestResult t = r.selfTest(p, a);
                results.put(a, t.failure().map(f -> "FAILED: " + f)
                        .orElse("passed in " + Math.max(1, t.nanos() / 1000) + " us"));
            }
            entries.add(new ProviderReport.Entry(new ProviderInfo(p.name(), p.version(), p.priority(), p.algorithms()),
                    priorities, results));
        }
        Map<Algorithm, String> servedBy = new EnumMap<>(Algorithm.class);
        if (!r.providers().isEmpty()) {
            Provider chosen = provider();
            for (Algorithm a : Algorithm.values()) {
                try {
                    servedBy.put(a, chosen.servedBy(a));
                } catch (WaferException e) {
                    servedBy.put(a, "none (" + e.getMessage() + ")");
                }
            }
        }
        return new ProviderReport(entries, servedBy);
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
