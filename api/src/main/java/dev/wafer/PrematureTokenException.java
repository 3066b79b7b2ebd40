package dev.wafer;

import java.time.Instant;

/**
 * A token is not valid yet: its {@code nbf} (RFC 7519 §4.1.5) or {@code iat} (§4.1.6) lies in the
 * future, beyond the verifier's clock skew. Thrown only after the signature verified.
 *
 * @since 0.1
 */
public final class PrematureTokenException extends InvalidTokenException {
    private static final long serialVersionUID = 1L;

    /** The token's {@code nbf}. */
    private final Instant validFrom;

    /**
     * Creates the exception.
     *
     * @param claim the claim that is in the future, {@code nbf} or {@code iat}
     * @param validFrom its value
     * @since 0.1
     */
    public PrematureTokenException(String claim, Instant validFrom) {
        super("token not valid before " + validFrom + " (" + claim + ")");
        this.validFrom = validFrom;
    }

    /**
     * When the token becomes valid.
     *
     * @return the value of the claim in the future
     * @since 0.1
     */
    public Instant validFrom() {
        return validFrom;
    }
}
