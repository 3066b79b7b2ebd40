package dev.wafer.web;

import dev.wafer.RejectedInputException;
import java.util.Objects;

/**
 * A request with an unsafe method failed the CSRF check: answer 403. The reason says which check;
 * the message never quotes the request.
 *
 * @since 0.1
 */
public final class CsrfException extends RejectedInputException {
    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    private final Reason reason;

    /**
     * Which CSRF check a request failed.
     *
     * @since 0.1
     */
    public enum Reason {
        /** {@code Sec-Fetch-Site} says another site sent it. */
        CROSS_SITE,
        /** {@code Origin} names another origin than the application's. */
        CROSS_ORIGIN,
        /** No token in the header or the form field. */
        MISSING_TOKEN,
        /** A token that is not this session's. */
        BAD_TOKEN
    }

    /**
     * Creates the exception.
     *
     * @param reason which check failed
     * @param message what failed, for a log
     * @since 0.1
     */
    public CsrfException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Which check failed.
     *
     * @return the reason
     * @since 0.1
     */
    public Reason reason() {
        return reason;
    }
}
