package dev.wafer;

import dev.wafer.internal.SealedFormat;
import dev.wafer.internal.Text;
import dev.wafer.internal.Utf8;
import java.util.Objects;

/**
 * What a sealed value is for: the name of the cookie that carries it and an optional purpose.
 * The context is authenticated but never transmitted, so a value sealed for one cookie or purpose
 * does not open for another (no cut-and-paste between cookies).
 *
 * <p>The context is encoded as the name then the purpose, each as a 4-byte length and its UTF-8
 * bytes (docs/format.md §1), so no two contexts encode alike; no purpose and the empty purpose are
 * the same context. Name and purpose are compared as they are: no Unicode normalisation, no case
 * folding ({@code "Session"} and {@code "session"} are two contexts). Each is at most
 * {@value #MAX_UTF8_BYTES} bytes of UTF-8. The encoding is computed once: keep contexts in
 * constants. Instances are immutable and thread-safe.
 *
 * <h2>What a context cannot do</h2>
 * <p>A context binds a value to a name and a purpose, not to one cookie of one site: two cookies
 * given the same context open each other's values, without a word, and so do two applications
 * that share a key set and a cookie name. Give every cookie its own name and purpose, and every
 * application its own key set. The sealer also counts the context's cookie name into the cookie's
 * size budget, so the name must be the cookie's real name. The web module's cookie spec derives
 * the context from the cookie it declares, so that the two cannot drift apart.
 *
 * @since 0.1
 */
public final class SealContext {
    /** Longest cookie name or purpose, in bytes of UTF-8. */
    public static final int MAX_UTF8_BYTES = 1024;

    private final String cookieName;
    private final String purpose;
    private final int nameBytes;
    private final byte[] encoded;

    private SealContext(String cookieName, String purpose) {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(purpose, "purpose");
        byte[] name = Utf8.encode(cookieName);
        byte[] purp = Utf8.encode(purpose);
        if (name.length == 0 || name.length > MAX_UTF8_BYTES || purp.length > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException("a cookie name must have 1 to 1024 bytes of UTF-8, and a purpose at most 1024");
        }
        this.cookieName = cookieName;
        this.purpose = purpose;
        this.nameBytes = name.length;
        this.encoded = SealedFormat.context(cookieName, purpose);
    }

    /**
     * The context of a cookie, with no purpose.
     *
     * @param cookieName the cookie name, 1 to 1024 bytes of UTF-8
     * @return the context
     * @throws IllegalArgumentException if the name is empty, too long or not valid Unicode
     * @since 0.1
     */
    public static SealContext of(String cookieName) {
        return new SealContext(cookieName, "");
    }

    /**
     * The context of a cookie and a purpose, for example {@code ("session", "csrf")}.
     *
     * @param cookieName the cookie name, 1 to 1024 bytes of UTF-8
     * @param purpose the purpose, at most 1024 bytes of UTF-8; empty for none
     * @return the context
     * @throws IllegalArgumentException if the name is empty, either is too long or not valid Unicode
     * @since 0.1
     */
    public static SealContext of(String cookieName, String purpose) {
        return new SealContext(cookieName, purpose);
    }

    /**
     * The cookie name.
     *
     * @return the name
     * @since 0.1
     */
    public String cookieName() {
        return cookieName;
    }

    /**
     * The purpose.
     *
     * @return the purpose, empty for none
     * @since 0.1
     */
    public String purpose() {
        return purpose;
    }

    /** The cookie name's length in bytes of UTF-8, for the cookie's size budget. */
    int cookieNameBytes() {
        return nameBytes;
    }

    /** The encoded context; shared, never modified. */
    byte[] encoded() {
        return encoded;
    }

    /**
     * Equal when name and purpose are equal.
     *
     * @param o another object
     * @return whether both are the same context
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SealContext && ((SealContext) o).cookieName.equals(cookieName)
                && ((SealContext) o).purpose.equals(purpose);
    }

    /**
     * A hash of name and purpose.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(cookieName, purpose);
    }

    /**
     * Name and purpose.
     *
     * @return for example {@code SealContext[session, csrf]}, with characters outside printable
     *     ASCII escaped
     */
    @Override
    public String toString() {
        return "SealContext[" + Text.escape(cookieName) + ", " + Text.escape(purpose) + "]";
    }
}
