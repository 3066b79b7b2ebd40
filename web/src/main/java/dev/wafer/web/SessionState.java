package dev.wafer.web;

import dev.wafer.internal.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
    /**
     * The attributes. As decoded, they are the parser's own unmodifiable map, whose values are
     * already what {@link SessionValues#copy} would make of them, so a request that only reads
     * them copies nothing; the first change copies the map ({@link #writableAttributes}).
     */
    private Map<String, Object> attributes = Map.of();
    /** Whether {@link #attributes} is this session's own map, which it may change. */
    private boolean attributesOwned;
    /** Counts the changes to the attributes, for {@link #encode(boolean, long)}'s last result. */
    private int attributesVersion;

    /** The last encoding and what it was made from: a session is often encoded twice unchanged (size check, commit). */
    private byte[] encoded;
    private Object[] encodedFrom;

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
        return encode(withoutAttributes, issuedAt);
    }

    /**
     * The session for its cookie as it will be issued at a given time (the size check encodes it
     * as the commit will). The result is the previous one when nothing it is made from changed
     * since: the caller must not change it.
     *
     * @param withoutAttributes whether the cookie holds {@code "s":1} in place of the attributes
     * @param issuedAt the issue time written, epoch seconds
     */
    byte[] encode(boolean withoutAttributes, long issuedAt) {
        Object[] from = {id, createdAt, issuedAt, endsAt, user, userGeneration, series, csrfSecret, binding,
            attributesVersion, withoutAttributes};
        if (encoded != null && Arrays.equals(from, encodedFrom)) {
            return encoded;
        }
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
        byte[] json = Json.writeObject(m);
        encoded = json;
        encodedFrom = from;
        return json;
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
        if (!isId(s.id)) {
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

    /** Whether a string is an id as {@link Ids#random()} makes them: 22 base64url characters. */
    private static boolean isId(String id) {
        if (id.length() != 22) {
            return false;
        }
        for (int i = 0; i < 22; i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void readAttributes(Object a) {
        if (!(a instanceof Map)) {
            throw new IllegalArgumentException("malformed session attributes");
        }
        Map<String, Object> attrs = (Map<String, Object>) a;
        if (attrs.size() > SessionValues.MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("too many session attributes");
        }
        Map<String, Object> copy = null;
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            String name = e.getKey();
            Object value = SessionValues.readBack(name, e.getValue());
            if (value != e.getValue() && copy == null) {
                copy = new LinkedHashMap<>(attrs);
            }
            if (copy != null) {
                copy.put(name, value);
            }
        }
        // The parser's map is unmodifiable and its values as copy makes them: kept, unless one was not.
        attributes = copy != null ? copy : Collections.unmodifiableMap(attrs);
        attributesOwned = copy != null;
        attributesVersion++;
    }

    /** An attribute, or null. */
    Object attribute(String name) {
        return attributes.get(name);
    }

    boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    int attributeCount() {
        return attributes.size();
    }

    List<String> attributeNames() {
        return List.copyOf(attributes.keySet());
    }

    /** Sets an attribute to a value {@link SessionValues#copy} made; returns the previous value, or null. */
    Object putAttribute(String name, Object value) {
        return writableAttributes().put(name, Objects.requireNonNull(value, "value"));
    }

    /** Removes an attribute; returns its value, or null. */
    Object removeAttribute(String name) {
        return attributes.containsKey(name) ? writableAttributes().remove(name) : null;
    }

    private Map<String, Object> writableAttributes() {
        if (!attributesOwned) {
            attributes = new LinkedHashMap<>(attributes);
            attributesOwned = true;
        }
        attributesVersion++;
        return attributes;
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
