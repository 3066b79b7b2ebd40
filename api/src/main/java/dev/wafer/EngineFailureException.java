package dev.wafer;

/**
 * A provider's engine failed while sealing or signing, on input that Wafer had already accepted.
 * This is a fault of the runtime or the provider, never of the caller's input.
 *
 * @since 0.1
 */
public final class EngineFailureException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the engine's exception
     * @since 0.1
     */
    public EngineFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
