package dev.wafer;

/**
 * The root of every exception Wafer throws. Unchecked, because a rejected cookie or token is a
 * normal branch in web code. Three branches tell a web application what to answer:
 *
 * <table>
 * <caption>What each branch means</caption>
 * <tr><th>branch</th><th>means</th><th>HTTP</th></tr>
 * <tr><td>{@link RejectedInputException}: {@link InvalidSealedValueException} ({@link ExpiredValueException}),
 *     {@link InvalidTokenException} ({@link ExpiredTokenException}, {@link PrematureTokenException},
 *     {@link UnknownKeyIdException})</td>
 *     <td>the client sent something Wafer will not trust</td><td>401 or 403; an anonymous request</td></tr>
 * <tr><td>{@link ConfigurationException}: {@link KeyException} ({@link KeyPlanException}),
 *     {@link UnsupportedAlgorithmException}, {@link ProviderNotFoundException},
 *     {@link EngineFailureException}</td>
 *     <td>the application is misconfigured</td><td>a failed start-up, or 503</td></tr>
 * <tr><td>{@link LimitExceededException}: {@link ValueTooLargeException}, {@link LifetimeException}</td>
 *     <td>the application asked for a value Wafer refuses to produce</td><td>500, unless handled</td></tr>
 * </table>
 *
 * <h2>Security</h2>
 * <p>No message of a Wafer exception contains key bytes; untrusted input appears in one only
 * quoted and escaped (control characters as Unicode escapes), and cut to a short length.
 *
 * @since 0.1
 */
public abstract class WaferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was rejected and why, without secrets or input
     * @since 0.1
     */
    protected WaferException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what was rejected and why, without secrets or input
     * @param cause the underlying failure
     * @since 0.1
     */
    protected WaferException(String message, Throwable cause) {
        super(message, cause);
    }
}
