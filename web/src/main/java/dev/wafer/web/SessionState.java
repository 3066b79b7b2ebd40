package dev.wafer.web;

import dev.wafer.internal.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a sealed session cookie holds, and its JSON form (docs/web.md, "The session cookie"):
 *
 * <pre>{@code
 * {"v":1,"id":"<22 base64url>","c":created,"i":issued,"e":ends,"u":"user","g":generation,
 *  "r":"<remember-me series>","x":"<CSRF secret>","b":"<client binding>","a":{attributes}}
 * }</pre>
 *
 * Times are epoch seconds. {@code u}, {@code g}, {@code r}, {@code x} and {@code b} are present
 * only when set. A session whose attributes live in a {@link SessionStore} has {@code "s":1} in
 * place of {@code "a"} (so that a server without the store reads no session, rather than one
 * without its attributes), and the store holds {@code {"v":1,"a":{attributes}}} under the hashed
 * id. Mutable, confined to one request.
 */
final class SessionState {
    static final int VERSION = 1;
    /** What a session store's data is read with: {@link SessionStore#MAX_DATA_BYTES}, and values to match. */
    static final Json.Limits DATA_LIMITS = new Json.Limits(SessionStore.MAX_DATA_BYTES, 1 << 16);
    /** Writing: the values bound only; the caller compares the length with the limit, to report it. */
    private static final Json.Limits DATA_WRITE_LIMITS = new Json.Limits(Integer.MAX_VALUE, 1 << 16);

    String id;
    long createdAt;
    long issuedAt;
    long endsAt;
    String user;
    long userGeneration;
    String series;
    String csrfSecret;
    String binding;
    /** Whether the cookie this came from holds no attributes: they are in the session store. */
    boolean attributesInStore;
    final Map<String, Object> attributes = new LinkedHashMap<>();

    SessionState(String id, long createdAt, long endsAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = createdAt;
        this.issuedAt = createdAt;
        this.endsAt = endsAt;
    }

    Instant created() {
        return Instant.ofEpochSecond(createdAt);
    }

    /** The whole session, for its cookie. */
    byte[] encode() {
        return encode(false);
    }

    /**
     * The session for its cookie.
     *
     * @param withoutAttributes whether the attributes are in the session store: then the cookie
     *     says so ({@code "s":1}) in place of holding them
     */
    byte[] encode(boolean withoutAttributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) VERSION);
        m.put("id", id);
        m.put("c", createdAt);
        m.put("i", issuedAt);
        m.put("e", endsAt);
        if (user != null) {
            m.put("u", user);
            m.put("g", userGeneration);
        }
        if (series != null) {
            m.put("r", series);
        }
        if (csrfSecret != null) {
            m.put("x", csrfSecret);
        }
        if (binding != null) {
            m.put("b", binding);
        }
        if (withoutAttributes) {
            m.put("s", 1L);
        } else {
            m.put("a", attributes);
        }
        return Json.writeObject(m);
    }

    /**
     * The attributes as a session store keeps them.
     *
     * @throws IllegalArgumentException if they hold more values than a store's data may
     */
    byte[] encodeData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) VERSION);
        m.put("a", attributes);
        return Json.writeObject(m, DATA_WRITE_LIMITS);
    }

    /**
     * Reads the attributes a session store kept for this session.
     *
     * @throws IllegalArgumentException if the data is not a session's of this version
     */
    void decodeData(byte[] json) {
        Map<String, Object> m = Json.parseObject(json, DATA_LIMITS);
        if (!Long.valueOf(VERSION).equals(m.get("v"))) {
            throw new IllegalArgumentException("not a version 1 session's data");
        }
        readAttributes(m.get("a"));
        attributesInStore = true;
    }

    /**
     * Reads a session from the bytes of an opened cookie.
     *
     * @throws IllegalArgumentException if they are not a session of this version: a value sealed
     *     by another application under the same keys and context, or by a later version
     */
    static SessionState decode(byte[] json) {
        Map<String, Object> m = Json.parseObject(json);
        if (!Long.valueOf(VERSION).equals(m.get("v"))) {
            throw new IllegalArgumentException("not a version 1 session");
        }
        SessionState s = new SessionState(string(m, "id", true), number(m, "c"), number(m, "e"));
        if (!s.id.matches("[A-Za-z0-9_-]{22}")) {
            throw new IllegalArgumentException("malformed session id");
        }
        s.issuedAt = number(m, "i");
        s.user = string(m, "u", false);
        if (s.user != null) {
            s.userGeneration = number(m, "g");
        }
        s.series = string(m, "r", false);
        s.csrfSecret = string(m, "x", false);
        s.binding = string(m, "b", false);
        Object inStore = m.get("s");
        if (inStore != null) {
            if (!Long.valueOf(1).equals(inStore) || m.containsKey("a")) {
                throw new IllegalArgumentException("malformed session member s");
            }
            s.attributesInStore = true;
        } else {
            s.readAttributes(m.get("a"));
        }
        if (s.issuedAt < s.createdAt || s.endsAt < s.createdAt) {
            throw new IllegalArgumentException("inconsistent session times");
        }
        return s;
    }

    private void readAttributes(Object a) {
        if (!(a instanceof Map)) {
            throw new IllegalArgumentException("malformed session attributes");
        }
        Map<?, ?> attrs = (Map<?, ?>) a;
        if (attrs.size() > SessionValues.MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("too many session attributes");
        }
        attributes.clear();
        for (Map.Entry<?, ?> e : attrs.entrySet()) {
            String name = (String) e.getKey();
            attributes.put(name, SessionValues.copy(name, e.getValue()));
        }
    }

    Map<String, Object> attributesView() {
        return Collections.unmodifiableMap(attributes);
    }

    private static String string(Map<String, Object> m, String name, boolean required) {
        Object v = m.get(name);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("malformed session member " + name);
        }
        return (String) v;
    }

    private static long number(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof Long)) {
            throw new IllegalArgumentException("malformed session member " + name);
        }
        return (Long) v;
    }
}
