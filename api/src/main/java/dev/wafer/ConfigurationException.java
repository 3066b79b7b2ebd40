package dev.wafer;

/**
 * Wafer is misconfigured: no provider, an algorithm no installed provider implements, an engine
 * that failed, or a key, key set or key file that is refused. A web application fails at start-up
 * or answers 500; this is never "not signed in".
 *
 * <h2>Security</h2>
 * <p>Messages name key ids, files, algorithms and providers, never key bytes.
 *
 * @since 0.1
 */
public abstract class ConfigurationException extends WaferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, without secrets or the rejected input
     * @since 0.1
     */
    protected ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message why, without secrets or the rejected input
     * @param cause the underlying failure
     * @since 0.1
     */
    protected ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
