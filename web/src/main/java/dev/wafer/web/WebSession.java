package dev.wafer.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sealed session: an id, a user once signed in, and attributes that are JSON values
 * ({@link SessionValues}). Every change reaches the client in the session cookie at the end of the
 * request; a change that would not fit in a cookie is refused when made.
 *
 * <p>Confined to its request: not thread-safe. After {@link #invalidate()} every method but
 * {@link #id()} throws {@link IllegalStateException}, as {@code HttpSession} does.
 *
 * @since 0.1
 */
public final class WebSession {
    private final SessionHandle handle;
    private String lastId;

    WebSession(SessionHandle handle, String id) {
        this.handle = handle;
        this.lastId = id;
    }

    private SessionState state() {
        SessionState s = handle.state(this);
        lastId = s.id;
        return s;
    }

    /**
     * The session id: 128 random bits, new at sign-in and at {@link SessionHandle#changeId()}.
     *
     * @return 22 base64url characters
     * @since 0.1
     */
    public String id() {
        try {
            return state().id;
        } catch (IllegalStateException e) {
            return lastId;
        }
    }

    /**
     * When the session began.
     *
     * @return its creation time
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public Instant createdAt() {
        return state().created();
    }

    /**
     * When its cookie was last issued: the session's last activity, to within the touch interval.
     *
     * @return that time
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public Instant lastIssuedAt() {
        return Instant.ofEpochSecond(state().issuedAt);
    }

    /**
     * When the session ends however active it is.
     *
     * @return the absolute end
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public Instant endsAt() {
        return Instant.ofEpochSecond(state().endsAt);
    }

    /**
     * Whether the session began in this request.
     *
     * @return whether it is new
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public boolean isNew() {
        state();
        return handle.isNew();
    }

    /**
     * The signed-in user, if any.
     *
     * @return the user
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public Optional<String> user() {
        return Optional.ofNullable(state().user);
    }

    /**
     * An attribute, as it reads back from the cookie: {@code Long} for integers, {@code Double}
     * for floats, unmodifiable lists and maps.
     *
     * @param name the attribute name
     * @return its value, or {@code null}
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public Object getAttribute(String name) {
        return state().attribute(name);
    }

    /**
     * Sets an attribute; {@code null} removes it.
     *
     * @param name the attribute name, 1 to 128 characters
     * @param value a JSON value ({@link SessionValues}), or {@code null}
     * @throws IllegalArgumentException if the value is not a JSON value, or there would be more than
     *     {@value SessionValues#MAX_ATTRIBUTES} attributes
     * @throws dev.wafer.ValueTooLargeException if the session would no longer fit in its cookie;
     *     the attribute is then left as it was
     * @throws IllegalStateException if the session was invalidated or the response's cookies were sent
     * @since 0.1
     */
    public void setAttribute(String name, Object value) {
        SessionState s = state();
        if (value == null) {
            removeAttribute(name);
            return;
        }
        Object copy = SessionValues.copy(name, value);
        if (!s.hasAttribute(name) && s.attributeCount() >= SessionValues.MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("a session holds at most " + SessionValues.MAX_ATTRIBUTES + " attributes");
        }
        Object before = s.putAttribute(name, copy);
        try {
            handle.changed(s);
        } catch (RuntimeException e) {
            if (before == null) {
                s.removeAttribute(name);
            } else {
                s.putAttribute(name, before);
            }
            throw e;
        }
    }

    /**
     * Removes an attribute.
     *
     * @param name the attribute name
     * @throws IllegalStateException if the session was invalidated or the response's cookies were sent
     * @since 0.1
     */
    public void removeAttribute(String name) {
        SessionState s = state();
        if (s.hasAttribute(name)) {
            s.removeAttribute(name);
            handle.changed(s);
        }
    }

    /**
     * The attribute names, in the order they were first set.
     *
     * @return the names
     * @throws IllegalStateException if the session was invalidated
     * @since 0.1
     */
    public List<String> attributeNames() {
        return state().attributeNames();
    }

    /**
     * Ends the session ({@link SessionHandle#invalidate()}).
     *
     * @throws IllegalStateException if it was already invalidated
     * @since 0.1
     */
    public void invalidate() {
        state();
        handle.invalidate();
    }

    /**
     * The number of attributes; never the id (OWASP: session ids stay out of logs) or a value.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        try {
            return "WebSession[" + state().attributeCount() + " attributes" + (state().user != null ? ", signed in" : "") + "]";
        } catch (IllegalStateException e) {
            return "WebSession[invalidated]";
        }
    }
}
