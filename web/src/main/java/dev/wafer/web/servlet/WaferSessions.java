package dev.wafer.web.servlet;

import dev.wafer.web.CsrfToken;
import dev.wafer.web.SessionHandle;
import jakarta.servlet.ServletRequest;

/**
 * One call to reach a request's sealed session from a servlet (as iron-session's
 * {@code getIronSession(req, res)}): sign in and out, the CSRF token for a form.
 *
 * <pre>{@code
 * SessionHandle web = WaferSessions.of(request);
 * web.login("alice", rememberMe);            // after checking the password
 * String token = web.csrfToken().value();    // into <input type="hidden" name="_csrf">
 * }</pre>
 *
 * @since 0.1
 */
public final class WaferSessions {
    /** The request attribute that holds the {@link SessionHandle}. */
    public static final String ATTRIBUTE = SessionHandle.class.getName();
    /** The request attribute that holds the {@code CsrfException} of a refused request. */
    public static final String CSRF_FAILURE_ATTRIBUTE = ATTRIBUTE + ".csrfFailure";

    private WaferSessions() {
    }

    /**
     * The request's session handle.
     *
     * @param request a request that went through {@link WaferSessionFilter}
     * @return its handle
     * @throws IllegalStateException if the filter did not see the request
     * @since 0.1
     */
    public static SessionHandle of(ServletRequest request) {
        Object h = request.getAttribute(ATTRIBUTE);
        if (!(h instanceof SessionHandle)) {
            throw new IllegalStateException("this request did not go through WaferSessionFilter: map the filter to it");
        }
        return (SessionHandle) h;
    }

    /**
     * The CSRF token for this request's page ({@link SessionHandle#csrfToken()}).
     *
     * @param request a request that went through {@link WaferSessionFilter}
     * @return the token
     * @since 0.1
     */
    public static CsrfToken csrfToken(ServletRequest request) {
        return of(request).csrfToken();
    }
}
