package dev.wafer;

/**
 * The root of every exception Wafer throws for input it rejects, keys it refuses and providers
 * it cannot find. Unchecked, because a rejected cookie or token is a normal branch in web code.
 *
 * <h2>Security</h2>
 * <p>No message of a Wafer exception contains key bytes or the rejected input.
 *
 * @since 0.1
 */
public abstract class WaferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was rejected and why, without secrets or input
     * @since 0.1
     */
    protected WaferException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what was rejected and why, without secrets or input
     * @param cause the underlying failure
     * @since 0.1
     */
    protected WaferException(String message, Throwable cause) {
        super(message, cause);
    }
}
