package dev.wafer;

/**
 * A sealed value was rejected: malformed, truncated, padded, too long, tampered with, sealed under
 * a key this key set does not hold, or sealed for another context.
 *
 * <h2>Security</h2>
 * <p>Tampering, a wrong key, an unknown key id and a wrong context all give this type with the
 * same message, so the rejection is no oracle. Only structural problems that anyone can see
 * without a key (length, encoding, version) are told apart in the message.
 *
 * @since 0.1
 */
public class InvalidSealedValueException extends RejectedInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, without secrets or input
     * @since 0.1
     */
    public InvalidSealedValueException(String message) {
        super(message);
    }
}
