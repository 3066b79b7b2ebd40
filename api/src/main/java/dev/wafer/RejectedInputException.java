package dev.wafer;

/**
 * Input from a client was rejected: a sealed value or a token that is malformed, tampered with,
 * expired, not yet valid, or under a key this service does not hold. A web application answers
 * "not signed in" (401) or "forbidden" (403), treats the request as anonymous, and never a 500.
 *
 * <h2>Security</h2>
 * <p>Messages never contain the rejected input or key bytes; they are safe to log.
 *
 * @since 0.1
 */
public abstract class RejectedInputException extends WaferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, without secrets or the rejected input
     * @since 0.1
     */
    protected RejectedInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message why, without secrets or the rejected input
     * @param cause the underlying failure
     * @since 0.1
     */
    protected RejectedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
