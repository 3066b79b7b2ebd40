package dev.wafer.web;

import dev.wafer.ConfigurationException;

/**
 * A {@link RevocationStore} could not answer (its server is down or unreachable). Thrown by store
 * implementations; the session layer catches it and applies the {@link StoreFailure} the
 * application chose, so that it reaches the application only from explicit calls such as logging
 * out everywhere.
 *
 * @since 0.1
 */
public final class RevocationStoreException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any id
     * @param cause the store client's exception
     * @since 0.1
     */
    public RevocationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
