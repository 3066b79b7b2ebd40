package dev.wafer;

/**
 * The application asked Wafer to seal or sign something it refuses to produce: a value too large
 * for a cookie, or a lifetime out of range or beyond the key set's declared maximum. This is a bug
 * or a choice to handle in the application (a session that outgrew its cookie, for example), never
 * client input: a web application answers 500 unless it handles it.
 *
 * @since 0.1
 */
public abstract class LimitExceededException extends WaferException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, without secrets or the rejected input
     * @since 0.1
     */
    protected LimitExceededException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message why, without secrets or the rejected input
     * @param cause the underlying failure
     * @since 0.1
     */
    protected LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
