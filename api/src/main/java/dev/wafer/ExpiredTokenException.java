package dev.wafer;

import java.time.Instant;

/**
 * A token's {@code exp} claim (RFC 7519 §4.1.4) has passed, beyond the verifier's clock skew.
 * Thrown only after the signature verified.
 *
 * @since 0.1
 */
public final class ExpiredTokenException extends InvalidTokenException {
    private static final long serialVersionUID = 1L;

    /** The token's {@code exp}. */
    private final Instant expiresAt;

    /**
     * Creates the exception.
     *
     * @param expiresAt the token's {@code exp}
     * @since 0.1
     */
    public ExpiredTokenException(Instant expiresAt) {
        super("token expired at " + expiresAt);
        this.expiresAt = expiresAt;
    }

    /**
     * The token's expiry.
     *
     * @return the {@code exp} claim
     * @since 0.1
     */
    public Instant expiresAt() {
        return expiresAt;
    }
}
