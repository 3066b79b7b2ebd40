package dev.wafer.spring.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Keeps Spring Security's last sign-in exception out of the sealed session. After a failed
 * sign-in, {@code SimpleUrlAuthenticationFailureHandler} stores the exception object in the session
 * ({@code SPRING_SECURITY_LAST_EXCEPTION}) for the sign-in page's message; a sealed session holds
 * JSON only, and refuses it. This filter drops that one attribute, so the page shows its generic
 * message ("Invalid credentials"), which also tells an attacker nothing about the account (OWASP's
 * advice for authentication errors). Every other attribute reaches the sealed session unchanged,
 * and a non-JSON one is still refused.
 *
 * <p>Mapped by the starter right behind Wafer's session filter, when Spring Security is present.
 *
 * @since 0.1
 */
public final class SignInErrorFilter implements Filter {
    /** {@code WebAttributes.AUTHENTICATION_EXCEPTION}. */
    static final String LAST_EXCEPTION = "SPRING_SECURITY_LAST_EXCEPTION";

    /** Creates the filter. */
    public SignInErrorFilter() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new Request(http) : request, response);
    }

    private static final class Request extends HttpServletRequestWrapper {
        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            HttpSession s = super.getSession();
            return s == null ? null : new Session(s);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession s = super.getSession(create);
            return s == null ? null : new Session(s);
        }
    }

    private record Session(HttpSession session) implements HttpSession {
        @Override
        public void setAttribute(String name, Object value) {
            if (!LAST_EXCEPTION.equals(name)) {
                session.setAttribute(name, value);
            }
        }

        @Override
        public long getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public long getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public ServletContext getServletContext() {
            return session.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public int getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public Object getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public void invalidate() {
            session.invalidate();
        }

        @Override
        public boolean isNew() {
            return session.isNew();
        }
    }
}
