package dev.wafer.web;

import dev.wafer.ConfigurationException;

/**
 * A {@link SessionStore} could not answer (its server is down or unreachable). Reaches the
 * application when a changed session cannot be saved: the request fails (a 500, or a 503 if the
 * application maps it so) rather than losing the change silently.
 *
 * @since 0.1
 */
public final class SessionStoreException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any id or data
     * @param cause the store client's exception
     * @since 0.1
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
