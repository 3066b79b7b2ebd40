package dev.wafer;

/**
 * A token was rejected: malformed, too long, a header that RFC 8725 forbids, an algorithm that is
 * not the key's, an unknown key id, a signature that does not verify, or claims that fail the
 * verifier's policy (issuer, audience, type).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725">RFC 8725, JSON Web Token Best Current Practices</a>
 * @since 0.1
 */
public class InvalidTokenException extends RejectedInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, without secrets or the token
     * @since 0.1
     */
    public InvalidTokenException(String message) {
        super(message);
    }
}
