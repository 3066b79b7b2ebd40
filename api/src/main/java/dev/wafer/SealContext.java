package dev.wafer;

import dev.wafer.internal.SealedFormat;
import java.util.Objects;

/**
 * What a sealed value is for: the name of the cookie that carries it and an optional purpose.
 * The context is authenticated but never transmitted, so a value sealed for one cookie or purpose
 * does not open for another (no cut-and-paste between cookies).
 *
 * <p>The context is encoded as the name then the purpose, each length-prefixed UTF-8, so no two
 * contexts encode alike; no purpose and the empty purpose are the same context.
 *
 * @param cookieName the cookie name, not empty
 * @param purpose the purpose, empty for none
 * @since 0.1
 */
public record SealContext(String cookieName, String purpose) {
    /** Longest cookie name or purpose, in characters. */
    private static final int MAX_CHARS = 1024;

    /**
     * Validates.
     *
     * @param cookieName the cookie name
     * @param purpose the purpose
     */
    public SealContext {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(purpose, "purpose");
        if (cookieName.isEmpty() || cookieName.length() > MAX_CHARS || purpose.length() > MAX_CHARS) {
            throw new IllegalArgumentException("cookie name must have 1 to 1024 characters and purpose at most 1024");
        }
    }

    /**
     * The context of a cookie, with no purpose.
     *
     * @param cookieName the cookie name
     * @return the context
     * @since 0.1
     */
    public static SealContext of(String cookieName) {
        return new SealContext(cookieName, "");
    }

    /**
     * The context of a cookie and a purpose, for example {@code ("session", "csrf")}.
     *
     * @param cookieName the cookie name
     * @param purpose the purpose
     * @return the context
     * @since 0.1
     */
    public static SealContext of(String cookieName, String purpose) {
        return new SealContext(cookieName, purpose);
    }

    byte[] encode() {
        return SealedFormat.context(cookieName, purpose);
    }
}
