package dev.wafer.web.servlet;

import dev.wafer.web.SessionHandle;
import dev.wafer.web.WebSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;

/**
 * The request below the filter: {@code getSession()} is the sealed session, the container's own
 * sessions are never reached, and the signed-in user is {@code getRemoteUser()}.
 */
final class SessionRequest extends HttpServletRequestWrapper {
    private final SessionHandle handle;
    private final int idleSeconds;
    private ServletSession session;

    SessionRequest(HttpServletRequest request, SessionHandle handle, int idleSeconds) {
        super(request);
        this.handle = handle;
        this.idleSeconds = idleSeconds;
    }

    @Override
    public HttpSession getSession(boolean create) {
        WebSession s = create ? handle.getOrCreate() : handle.session().orElse(null);
        if (s == null) {
            return null;
        }
        if (session == null || session.webSession() != s) {
            session = new ServletSession(s, getServletContext(), idleSeconds);
        }
        return session;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public String changeSessionId() {
        if (handle.session().isEmpty()) {
            throw new IllegalStateException("there is no session");
        }
        return handle.changeId();
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public String getRemoteUser() {
        return handle.user().orElseGet(super::getRemoteUser);
    }

    @Override
    public Principal getUserPrincipal() {
        String user = handle.user().orElse(null);
        if (user == null) {
            return super.getUserPrincipal();
        }
        return new Principal() {
            @Override
            public String getName() {
                return user;
            }

            @Override
            public String toString() {
                return "WaferUser[" + user + "]";
            }
        };
    }
}
