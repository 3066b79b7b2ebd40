package dev.wafer.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where to go back to after sign-in: the URL of the page that asked for it, kept as a string in the
 * sealed session. Spring Security's {@code HttpSessionRequestCache} keeps a serialized request
 * object, which a sealed session refuses (JSON only, never Java serialization).
 *
 * <h2>Security</h2>
 * <p>Only {@code GET} requests for pages are kept (not {@code XMLHttpRequest}s, not
 * {@code favicon.ico}), and the URL is the request's own, rebuilt by the container: never one a
 * client chose, so it is no open redirect. The request itself is not replayed.
 *
 * @since 0.1
 */
public final class WaferRequestCache implements RequestCache {
    /** The session attribute that holds the URL. */
    public static final String ATTRIBUTE = "_wafer.savedUrl";

    /** Creates the cache. */
    public WaferRequestCache() {
    }

    /**
     * Keeps the request's URL, if it is a page's.
     *
     * @param request the request
     * @param response the response
     */
    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || request.getRequestURI().endsWith("/favicon.ico")) {
            return;
        }
        StringBuffer url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        request.getSession().setAttribute(ATTRIBUTE, url.toString());
    }

    /**
     * The kept URL.
     *
     * @param request the request
     * @param response the response
     * @return the saved request, or {@code null}
     */
    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object url = session == null ? null : session.getAttribute(ATTRIBUTE);
        return url instanceof String ? new SimpleSavedRequest((String) url) : null;
    }

    /**
     * Never replays a request: {@code null}.
     *
     * @param request the request
     * @param response the response
     * @return {@code null}
     */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    /**
     * Forgets the URL.
     *
     * @param request the request
     * @param response the response
     */
    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
