package dev.wafer;

/**
 * A key or key set was refused: below the size floor (RSA under 2048 bits, AES keys other than
 * 256 bits), of the wrong type for its algorithm, inconsistent, or unreadable.
 *
 * <h2>Security</h2>
 * <p>Messages name the key id, type and member at fault, never key bytes.
 *
 * @since 0.1
 */
public class KeyException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, without key bytes
     * @since 0.1
     */
    public KeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message why, without key bytes
     * @param cause the underlying failure
     * @since 0.1
     */
    public KeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
