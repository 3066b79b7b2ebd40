package dev.wafer;

import dev.wafer.internal.SealedFormat;
import java.util.Objects;

/**
 * What a sealed value is for: the name of the cookie that carries it and an optional purpose.
 * The context is authenticated but never transmitted, so a value sealed for one cookie or purpose
 * does not open for another (no cut-and-paste between cookies).
 *
 * <p>The context is encoded as the name then the purpose, each length-prefixed UTF-8, so no two
 * contexts encode alike; no purpose and the empty purpose are the same context. The encoding is
 * computed once: keep contexts in constants. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SealContext {
    /** Longest cookie name or purpose, in characters. */
    private static final int MAX_CHARS = 1024;

    private final String cookieName;
    private final String purpose;
    private final byte[] encoded;

    private SealContext(String cookieName, String purpose) {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(purpose, "purpose");
        if (cookieName.isEmpty() || cookieName.length() > MAX_CHARS || purpose.length() > MAX_CHARS) {
            throw new IllegalArgumentException("cookie name must have 1 to 1024 characters and purpose at most 1024");
        }
        this.cookieName = cookieName;
        this.purpose = purpose;
        this.encoded = SealedFormat.context(cookieName, purpose);
    }

    /**
     * The context of a cookie, with no purpose.
     *
     * @param cookieName the cookie name, 1 to 1024 characters
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
     * @param cookieName the cookie name, 1 to 1024 characters
     * @param purpose the purpose, at most 1024 characters; empty for none
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
     * @return for example {@code SealContext[session, csrf]}
     */
    @Override
    public String toString() {
        return "SealContext[" + cookieName + ", " + purpose + "]";
    }
}
