package dev.wafer;

import java.time.Instant;

/**
 * A sealed value's expiry time has passed. Thrown before any decryption: the value was not
 * authenticated, so its expiry is only what the client sent.
 *
 * @since 0.1
 */
public final class ExpiredValueException extends InvalidSealedValueException {
    private static final long serialVersionUID = 1L;

    /** The value's expiry, read before authentication. */
    private final Instant expiresAt;

    /**
     * Creates the exception.
     *
     * @param expiresAt the expiry written in the (unauthenticated) header
     * @since 0.1
     */
    public ExpiredValueException(Instant expiresAt) {
        super("sealed value expired at " + expiresAt + " (expiry read before authentication)");
        this.expiresAt = expiresAt;
    }

    /**
     * The expiry time the value claimed; unauthenticated.
     *
     * @return the expiry time
     * @since 0.1
     */
    public Instant expiresAt() {
        return expiresAt;
    }
}
