package dev.wafer;

import java.util.Objects;
import java.util.Set;

/**
 * What an installed provider is: its name, version, priority and algorithms.
 *
 * @param name the provider's name, for example {@code jca}
 * @param version its version string
 * @param priority its priority; the highest is chosen by default
 * @param algorithms the algorithms it implements on this runtime
 * @since 0.1
 */
public record ProviderInfo(String name, String version, int priority, Set<Algorithm> algorithms) {
    /**
     * Validates and copies.
     *
     * @param name the provider's name
     * @param version its version string
     * @param priority its priority
     * @param algorithms its algorithms
     */
    public ProviderInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        algorithms = Set.copyOf(algorithms);
    }
}
