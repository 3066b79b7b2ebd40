package dev.wafer.web.servlet;

import dev.wafer.web.CsrfException;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.WebSessions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sealed cookie sessions for any Servlet 6 container: below this filter, {@code getSession()} is a
 * session held entirely in one sealed cookie, requests with unsafe methods are checked for CSRF,
 * and {@link WaferSessions#of} gives the request's {@link SessionHandle} (sign in, sign out, the
 * CSRF token).
 *
 * <pre>{@code
 * WebSessions sessions = WebSessions.builder(sealer).build();
 * context.addFilter("wafer", new WaferSessionFilter(sessions)).addMappingForUrlPatterns(null, false, "/*");
 * }</pre>
 *
 * <p>Map it before anything that uses the session, for every dispatch type: a forward, an include
 * or an error page dispatched within a request keeps the handle of the original request, and never
 * reaches the container's own session. A request that fails the CSRF check gets a
 * 403 and goes no further. The session's cookies are set just before the response commits; change
 * the session before writing the body (a change after that is refused with
 * {@link IllegalStateException}). An asynchronous request must do the same before it starts.
 *
 * <p>Uses only Servlet 6.0 methods, so it runs on Servlet 6.0 containers (Jetty 12 ee10, Tomcat 10.1)
 * and 6.1 ones alike. Thread-safe.
 *
 * @since 0.1
 */
public final class WaferSessionFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(WaferSessionFilter.class);

    private final WebSessions sessions;
    private final int idleSeconds;

    /**
     * A filter over sessions built at start-up.
     *
     * @param sessions the sessions
     * @since 0.1
     */
    public WaferSessionFilter(WebSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.idleSeconds = (int) Math.min(Integer.MAX_VALUE, sessions.idleTimeout().getSeconds());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        if (req.getAttribute(WaferSessions.ATTRIBUTE) instanceof SessionHandle existing) {
            // A dispatch within a request that already has its session. A forward or include keeps the
            // wrapped request; an error dispatch (sendError, an exception) gets the container's own
            // request again, which must not reach the container's session: wrap it with the same handle.
            HttpServletRequest http = (HttpServletRequest) req;
            boolean wrapped = http instanceof SessionRequest || req instanceof jakarta.servlet.ServletRequestWrapper w
                    && w.isWrapperFor(SessionRequest.class);
            chain.doFilter(wrapped ? req : new SessionRequest(http, existing, idleSeconds), res);
            return;
        }
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse httpResponse = (HttpServletResponse) res;
        SessionHandle handle = sessions.begin(new ServletWebRequest(http));
        SessionResponse response = new SessionResponse(httpResponse, () -> {
            for (String header : handle.commit()) {
                httpResponse.addHeader("Set-Cookie", header);
            }
        });
        SessionRequest request = new SessionRequest(http, handle, idleSeconds);
        request.setAttribute(WaferSessions.ATTRIBUTE, handle);
        try {
            handle.checkCsrf();
        } catch (CsrfException e) {
            LOG.debug("Refused a {} request: {}", http.getMethod(), e.reason());
            request.setAttribute(WaferSessions.CSRF_FAILURE_ATTRIBUTE, e);
            response.fire();
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("403 Forbidden: CSRF check failed (" + e.reason() + ")\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
        response.fire();
    }
}
