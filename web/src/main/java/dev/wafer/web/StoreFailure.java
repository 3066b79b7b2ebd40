package dev.wafer.web;

/**
 * What the session layer does when the {@link RevocationStore} cannot answer: the application's
 * explicit choice, since both have a cost.
 *
 * @since 0.1
 */
public enum StoreFailure {
    /**
     * Treat the session or token as revoked: no session, the user signs in again when the store is
     * back. Safe; an outage of the store logs users out.
     */
    FAIL_CLOSED,
    /**
     * Accept the cookie as it is, unchecked: an outage logs nobody out, and a revoked cookie is
     * honoured until the store is back or the cookie expires.
     */
    FAIL_OPEN
}
