package dev.wafer;

/**
 * No Wafer provider was found, or none by the name asked for. Wafer never falls back to a no-op:
 * the message names the artifacts to add, or the providers that were found.
 *
 * @since 0.1
 */
public final class ProviderNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was looked for and what to add
     * @since 0.1
     */
    public ProviderNotFoundException(String message) {
        super(message);
    }
}
