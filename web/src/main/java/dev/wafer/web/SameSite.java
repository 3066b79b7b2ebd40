package dev.wafer.web;

/**
 * The {@code SameSite} cookie attribute (draft-ietf-httpbis-rfc6265bis §4.1.2.7): when a browser
 * sends the cookie with requests that another site started.
 *
 * @since 0.1
 */
public enum SameSite {
    /** Only with requests from the cookie's own site. */
    STRICT("Strict"),
    /** Also with top-level navigations from other sites (links), not with their forms or scripts. */
    LAX("Lax"),
    /** With every request, which needs {@code Secure}; CSRF protection is then the application's. */
    NONE("None");

    private final String attribute;

    SameSite(String attribute) {
        this.attribute = attribute;
    }

    /**
     * The attribute's value as written in {@code Set-Cookie}.
     *
     * @return {@code Strict}, {@code Lax} or {@code None}
     * @since 0.1
     */
    public String attribute() {
        return attribute;
    }
}
