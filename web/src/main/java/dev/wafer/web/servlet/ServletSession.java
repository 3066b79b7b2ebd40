package dev.wafer.web.servlet;

import dev.wafer.web.WebSession;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;

/**
 * {@code HttpSession} over a sealed {@link WebSession}: attributes are JSON values, set and read
 * through the cookie. Binding listeners are not called: a sealed session holds values, not objects.
 */
final class ServletSession implements HttpSession {
    private final WebSession session;
    private final ServletContext context;
    private final int idleSeconds;

    ServletSession(WebSession session, ServletContext context, int idleSeconds) {
        this.session = session;
        this.context = context;
        this.idleSeconds = idleSeconds;
    }

    WebSession webSession() {
        return session;
    }

    @Override
    public long getCreationTime() {
        return session.createdAt().toEpochMilli();
    }

    @Override
    public String getId() {
        return session.id();
    }

    @Override
    public long getLastAccessedTime() {
        return session.lastIssuedAt().toEpochMilli();
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    /**
     * Refused: a sealed session's idle timeout is part of the sealed value's policy
     * ({@code WebSessions.Builder.idleTimeout}), the same for every session.
     */
    @Override
    public void setMaxInactiveInterval(int interval) {
        if (interval != idleSeconds) {
            throw new UnsupportedOperationException("a sealed session's idle timeout is set once for all, with "
                    + "WebSessions.Builder.idleTimeout (" + idleSeconds + " s now)");
        }
    }

    @Override
    public int getMaxInactiveInterval() {
        return idleSeconds;
    }

    @Override
    public Object getAttribute(String name) {
        return session.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(session.attributeNames());
    }

    @Override
    public void setAttribute(String name, Object value) {
        session.setAttribute(name, value);
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

    @Override
    public String toString() {
        return session.toString();
    }
}
