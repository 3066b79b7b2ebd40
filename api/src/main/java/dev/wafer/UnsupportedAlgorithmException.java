package dev.wafer;

import java.util.List;

/**
 * A provider was asked for an algorithm it does not implement. Wafer never substitutes another
 * algorithm; the message names the installed providers that have it, if any, and what to add.
 *
 * @since 0.1
 */
public final class UnsupportedAlgorithmException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** The algorithm asked for. */
    private final Algorithm algorithm;
    /** The installed providers that have it. */
    private final List<String> providersWithIt;

    /**
     * Creates the exception.
     *
     * @param algorithm the algorithm asked for
     * @param provider the provider that lacks it
     * @param providersWithIt names of installed providers that have it
     * @since 0.1
     */
    public UnsupportedAlgorithmException(Algorithm algorithm, String provider, List<String> providersWithIt) {
        super(message(algorithm, provider, providersWithIt));
        this.algorithm = algorithm;
        this.providersWithIt = List.copyOf(providersWithIt);
    }

    private static String message(Algorithm algorithm, String provider, List<String> with) {
        String base = "provider '" + provider + "' does not implement " + algorithm.jwkName();
        if (with.isEmpty()) {
            return base + "; no installed provider does"
                    + (algorithm == SealingAlgorithm.AES_256_GCM_SIV ? " (add dev.wafer:wafer-provider-bc)" : "");
        }
        return base + "; installed providers that do: " + String.join(", ", with);
    }

    /**
     * The algorithm that was asked for.
     *
     * @return the algorithm
     * @since 0.1
     */
    public Algorithm algorithm() {
        return algorithm;
    }

    /**
     * The installed providers that implement the algorithm.
     *
     * @return provider names, possibly empty
     * @since 0.1
     */
    public List<String> providersWithIt() {
        return providersWithIt;
    }
}
