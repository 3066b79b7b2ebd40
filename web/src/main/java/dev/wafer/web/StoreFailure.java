package dev.wafer.web;

/**
 * What the session layer does when the {@link RevocationStore} cannot answer: the application's
 * explicit choice, since both have a cost.
 *
 * @since 0.1
 */
public enum StoreFailure {
    /**
     * Treat the request as anonymous while the store cannot answer: no session, no remember-me
     * sign-in. The cookies are kept, so that the session is back as soon as the store answers.
     * Safe; an outage makes every page anonymous while it lasts.
     */
    FAIL_CLOSED,
    /**
     * Accept the cookie as it is, unchecked: an outage logs nobody out, and a revoked cookie is
     * honoured until the store is back or the cookie expires.
     */
    FAIL_OPEN
}
