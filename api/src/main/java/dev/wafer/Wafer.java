package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.WaferProvider;
import java.util.List;
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
 * <li>Otherwise the installed provider with the highest priority, ties broken by name, never by
 *     class-path order.</li>
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
                    WaferProvider p = r.choose(name);
                    LOG.info("Wafer uses provider '{}' ({}, priority {}){}; installed: {}", p.name(), p.version(),
                            p.priority(), name == null ? "" : ", named by -D" + PROVIDER_PROPERTY, r.names());
                    c = new Chosen(property, new Provider(p, r));
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
        ProviderRegistry registry = ProviderRegistry.load(Objects.requireNonNull(loader, "loader"));
        return new Provider(registry.choose(null), registry);
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
