package dev.wafer.spring.security;

import dev.wafer.web.CsrfException;
import dev.wafer.web.CsrfPolicy;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;

/**
 * Spring Security's CSRF protection on Wafer's: the token's secret lives in the sealed session
 * (never in server memory, never in a cookie of its own), and Spring Security's {@code CsrfFilter}
 * asks Wafer whether a request's token is right. Templates and the default sign-in page see the
 * usual {@code _csrf} request attribute, whose value is Wafer's token.
 *
 * <h2>Security</h2>
 * <p>Synchronizer tokens: one secret per session, replaced at sign-in, and masked with fresh random
 * bytes for every page, so that no two responses carry the same token (BREACH). Accepted from the
 * {@code X-CSRF-Token} header or the {@code _csrf} form field. Wafer also checks
 * {@code Sec-Fetch-Site} and {@code Origin} before the token (docs/web.md); with the double-submit
 * policy, the token is a signed cookie bound to the session id. The same object is the
 * repository and the request handler: {@code csrf(c -> c.csrfTokenRepository(w).csrfTokenRequestHandler(w))}.
 *
 * @since 0.1
 */
public final class WaferCsrfTokenRepository implements CsrfTokenRepository, CsrfTokenRequestHandler {
    /** Creates the repository. */
    public WaferCsrfTokenRepository() {
    }

    /**
     * The request's token, from its sealed session (created if a page asks for a token).
     *
     * @param request the request
     * @return the token
     */
    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new WaferCsrfToken(request);
    }

    /**
     * Nothing to store: the secret is in the sealed session, and sign-in replaces it.
     *
     * @param token the token, or {@code null}
     * @param request the request
     * @param response the response
     */
    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // The secret lives in the sealed session: Wafer replaces it at sign-in, and drops it at sign-out.
    }

    /**
     * The request's token, if Wafer's session filter is in front.
     *
     * @param request the request
     * @return the token, or {@code null}
     */
    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return handle(request) == null ? null : new WaferCsrfToken(request);
    }

    /**
     * Exposes the token as the {@code _csrf} request attribute (and under {@link CsrfToken}'s name).
     *
     * @param request the request
     * @param response the response
     * @param deferred the repository's token
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> deferred) {
        CsrfToken token = new WaferCsrfToken(request);
        request.setAttribute(CsrfToken.class.getName(), token);
        request.setAttribute(token.getParameterName(), token);
    }

    /**
     * Asks Wafer whether the request passes the CSRF check (fetch metadata, origin, token).
     *
     * @param request the request
     * @param token the repository's token
     * @return the token's value if the request passes, {@code null} if not
     */
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        SessionHandle handle = handle(request);
        if (handle == null) {
            return null;
        }
        try {
            handle.checkCsrf();
        } catch (CsrfException e) {
            return null;
        }
        return token.getToken();
    }

    private static SessionHandle handle(HttpServletRequest request) {
        return request.getAttribute(WaferSessions.ATTRIBUTE) instanceof SessionHandle h ? h : null;
    }

    /** Wafer's token for one request: computed when first read, then the same for the request. */
    private static final class WaferCsrfToken implements CsrfToken {
        private static final long serialVersionUID = 1L;
        private final transient HttpServletRequest request;
        private String value;

        WaferCsrfToken(HttpServletRequest request) {
            this.request = request;
        }

        @Override
        public String getHeaderName() {
            return CsrfPolicy.HEADER;
        }

        @Override
        public String getParameterName() {
            return CsrfPolicy.FORM_FIELD;
        }

        @Override
        public synchronized String getToken() {
            if (value == null) {
                SessionHandle handle = handle(request);
                if (handle == null || CsrfPolicy.isUnsafe(request.getMethod()) && handle.session().isEmpty()) {
                    value = ""; // nothing to compare with, and no session is created for a refused request
                } else {
                    value = handle.csrfToken().value();
                }
            }
            return value;
        }

        @Override
        public String toString() {
            return "WaferCsrfToken";
        }
    }
}
