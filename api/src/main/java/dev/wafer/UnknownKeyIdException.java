package dev.wafer;

/**
 * A token names a key id ({@code kid}) that the verifier's key set lacks. A consumer of a remote
 * JWK Set refetches the set on this exception only (the issuer may have rotated), at most once per
 * interval; any other rejection is final.
 *
 * @since 0.1
 */
public final class UnknownKeyIdException extends InvalidTokenException {
    private static final long serialVersionUID = 1L;

    /** The {@code kid} the token named, as received. */
    private final String keyId;

    /**
     * Creates the exception.
     *
     * @param keyId the token's {@code kid}, as received; kept out of the message
     * @since 0.1
     */
    public UnknownKeyIdException(String keyId) {
        super("token names an unknown key id");
        this.keyId = keyId;
    }

    /**
     * The key id the token named, as received: untrusted text, escape it before printing.
     *
     * @return the {@code kid}
     * @since 0.1
     */
    public String keyId() {
        return keyId;
    }
}
