package dev.wafer;

/**
 * A value would seal to a cookie larger than the sealer's budget: the {@code name=value} pair, in
 * bytes, that browsers keep at most (4096 by default). The value is refused, never truncated.
 *
 * @since 0.1
 */
public final class ValueTooLargeException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    /** The size the cookie would have had, {@code name=value} in bytes. */
    private final int cookieBytes;
    /** The sealer's budget. */
    private final int maxCookieBytes;

    /**
     * Creates the exception.
     *
     * @param message what was refused, with the sizes
     * @param cookieBytes the size the cookie would have had, {@code name=value} in bytes
     * @param maxCookieBytes the sealer's budget
     * @since 0.1
     */
    public ValueTooLargeException(String message, int cookieBytes, int maxCookieBytes) {
        super(message);
        this.cookieBytes = cookieBytes;
        this.maxCookieBytes = maxCookieBytes;
    }

    /**
     * The size the cookie would have had.
     *
     * @return {@code name=value} in bytes
     * @since 0.1
     */
    public int cookieBytes() {
        return cookieBytes;
    }

    /**
     * The sealer's budget.
     *
     * @return the largest {@code name=value} in bytes
     * @since 0.1
     */
    public int maxCookieBytes() {
        return maxCookieBytes;
    }
}
