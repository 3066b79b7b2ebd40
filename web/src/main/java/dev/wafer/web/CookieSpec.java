package dev.wafer.web;

import dev.wafer.SealContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One cookie, declared once: its name, the purpose its values are sealed for, its attributes and
 * its browser lifetime. The seal context and the {@code Set-Cookie} line both come from it, so a
 * cookie's name cannot drift from the context its values open under (RFC 6265, and the cookie
 * prefixes of draft-ietf-httpbis-rfc6265bis §4.1.3).
 *
 * <pre>{@code
 * CookieSpec session = CookieSpec.builder("__Host-session").purpose("session").build();
 * response.addHeader("Set-Cookie", session.setCookie(sealedValue, Duration.ofHours(8)));
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>The defaults are the strict ones: the {@code __Host-} prefix, {@code Secure}, {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Path=/}, no {@code Domain}. Inconsistent settings are refused by
 * {@link Builder#build()}: a {@code __Host-} cookie with a domain or another path, a prefixed cookie
 * without {@code Secure}, {@code SameSite=None} without {@code Secure}, a name or purpose with
 * separators or control characters. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CookieSpec {
    /** Browsers keep a cookie whose name and value together are at most this many bytes. */
    public static final int BROWSER_LIMIT_BYTES = 4096;

    private final String name;
    private final String purpose;
    private final String path;
    private final String domain;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;
    private final boolean partitioned;
    private final SealContext context;
    private final String attributes;

    private CookieSpec(Builder b) {
        this.name = b.name;
        this.purpose = b.purpose;
        this.path = b.path;
        this.domain = b.domain;
        this.secure = b.secure;
        this.httpOnly = b.httpOnly;
        this.sameSite = b.sameSite;
        this.partitioned = b.partitioned;
        this.context = SealContext.of(name, purpose);
        StringBuilder a = new StringBuilder();
        a.append("; Path=").append(path);
        if (domain != null) {
            a.append("; Domain=").append(domain);
        }
        if (secure) {
            a.append("; Secure");
        }
        if (httpOnly) {
            a.append("; HttpOnly");
        }
        a.append("; SameSite=").append(sameSite.attribute());
        if (partitioned) {
            a.append("; Partitioned");
        }
        this.attributes = a.toString();
    }

    /**
     * A spec for a cookie name, with the strict defaults.
     *
     * @param name the cookie name, for example {@code __Host-session}
     * @return a builder
     * @since 0.1
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The cookie name.
     *
     * @return the name, prefix included
     * @since 0.1
     */
    public String name() {
        return name;
    }

    /**
     * The purpose its values are sealed for.
     *
     * @return the purpose, possibly empty
     * @since 0.1
     */
    public String purpose() {
        return purpose;
    }

    /**
     * The seal context of this cookie's values: its name and purpose.
     *
     * @return the context
     * @since 0.1
     */
    public SealContext context() {
        return context;
    }

    /**
     * Whether the cookie is sent over HTTPS only.
     *
     * @return the {@code Secure} attribute
     * @since 0.1
     */
    public boolean secure() {
        return secure;
    }

    /**
     * Whether script cannot read the cookie.
     *
     * @return the {@code HttpOnly} attribute
     * @since 0.1
     */
    public boolean httpOnly() {
        return httpOnly;
    }

    /**
     * The {@code SameSite} attribute.
     *
     * @return its value
     * @since 0.1
     */
    public SameSite sameSite() {
        return sameSite;
    }

    /**
     * The {@code Set-Cookie} header value that stores a value for a time.
     *
     * @param value the cookie value: unpadded base64url, as a sealer writes it
     * @param maxAge how long the browser keeps it; {@code null} for a cookie that ends with the
     *     browser session
     * @return the header value, for example
     *     {@code __Host-session=AbC; Max-Age=28800; Path=/; Secure; HttpOnly; SameSite=Lax}
     * @throws IllegalArgumentException if the value holds characters a cookie value cannot carry
     *     (RFC 6265 §4.1.1), or the max-age is negative
     * @since 0.1
     */
    public String setCookie(String value, Duration maxAge) {
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            if (!isCookieOctet(value.charAt(i))) {
                throw new IllegalArgumentException("a cookie value may hold only RFC 6265 cookie-octets");
            }
        }
        StringBuilder b = new StringBuilder(name.length() + value.length() + attributes.length() + 24);
        b.append(name).append('=').append(value);
        if (maxAge != null) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("a max-age cannot be negative");
            }
            b.append("; Max-Age=").append(maxAge.getSeconds());
        }
        return b.append(attributes).toString();
    }

    /**
     * The {@code Set-Cookie} header value that deletes the cookie: an empty value with
     * {@code Max-Age=0} and the same attributes, which a {@code __Host-} cookie needs to be
     * replaced at all.
     *
     * @return the header value
     * @since 0.1
     */
    public String deleteCookie() {
        return name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes;
    }

    /**
     * How many bytes a value may have so that {@code name=value} fits a budget.
     *
     * @param budgetBytes the budget, {@link #BROWSER_LIMIT_BYTES} for a browser
     * @return the longest value, in bytes (base64url: characters)
     * @since 0.1
     */
    public int maxValueBytes(int budgetBytes) {
        return budgetBytes - name.length() - 1;
    }

    /** {@link #isCookieOctet} by table: every reissued session cookie's value, some 500 characters, is checked. */
    private static final boolean[] COOKIE_OCTETS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            // RFC 6265 §4.1.1: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
            COOKIE_OCTETS[c] = c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A || c >= 0x3C && c <= 0x5B
                    || c >= 0x5D && c <= 0x7E;
        }
    }

    static boolean isCookieOctet(char c) {
        return c < 128 && COOKIE_OCTETS[c];
    }

    static boolean isTokenChar(char c) {
        // RFC 9110 §5.6.2 tchar
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * Name and attributes; a spec holds no value.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "CookieSpec[" + name + (purpose.isEmpty() ? "" : " for " + purpose) + attributes + "]";
    }

    /**
     * Builds a {@link CookieSpec}; {@link #build()} refuses inconsistent settings.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String name;
        private String purpose = "";
        private String path = "/";
        private String domain;
        private boolean secure = true;
        private boolean httpOnly = true;
        private SameSite sameSite = SameSite.LAX;
        private boolean partitioned;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * The purpose the cookie's values are sealed for: two cookies with the same name and
         * different purposes never open each other's values.
         *
         * @param purpose printable ASCII, at most 256 characters
         * @return this builder
         * @since 0.1
         */
        public Builder purpose(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * The {@code Path} attribute; {@code /} by default, and required for {@code __Host-}.
         *
         * @param path starts with {@code /}
         * @return this builder
         * @since 0.1
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * The {@code Domain} attribute, which sends the cookie to subdomains too; none by default
         * (host-only), and refused with {@code __Host-}.
         *
         * @param domain a host name, or {@code null} for none
         * @return this builder
         * @since 0.1
         */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /**
         * The {@code Secure} attribute; on by default, and required by the prefixes and by
         * {@code SameSite=None}. Browsers treat {@code http://localhost} and
         * {@code http://127.0.0.1} as secure, so development works without TLS.
         *
         * @param secure whether the cookie is sent over HTTPS only
         * @return this builder
         * @since 0.1
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * The {@code HttpOnly} attribute; on by default. Off only for a cookie that script must
         * read, such as a double-submit CSRF token.
         *
         * @param httpOnly whether script cannot read the cookie
         * @return this builder
         * @since 0.1
         */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /**
         * The {@code SameSite} attribute; {@link SameSite#LAX} by default.
         *
         * @param sameSite the attribute
         * @return this builder
         * @since 0.1
         */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
            return this;
        }

        /**
         * The {@code Partitioned} attribute (CHIPS), for a cookie set in a third-party context.
         *
         * @param partitioned whether to add it
         * @return this builder
         * @since 0.1
         */
        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        /**
         * Checks the settings and builds the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException if a setting is malformed or contradicts another
         * @since 0.1
         */
        public CookieSpec build() {
            if (name.isEmpty() || name.length() > 256) {
                throw new IllegalArgumentException("a cookie name has 1 to 256 characters");
            }
            for (int i = 0; i < name.length(); i++) {
                if (!isTokenChar(name.charAt(i))) {
                    throw new IllegalArgumentException("a cookie name is an RFC 9110 token: no separators, spaces or "
                            + "control characters, at " + i);
                }
            }
            if (purpose.length() > 256 || !purpose.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("a cookie purpose is printable ASCII, at most 256 characters");
            }
            if (!path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',')) {
                throw new IllegalArgumentException("a cookie path starts with / and holds no space, ';', ',' or control");
            }
            if (domain != null && !domain.matches("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
                throw new IllegalArgumentException("a cookie domain is a host name");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("__host-")) {
                if (!secure || domain != null || !path.equals("/")) {
                    throw new IllegalArgumentException("a __Host- cookie needs Secure, Path=/ and no Domain "
                            + "(rfc6265bis §4.1.3.2)");
                }
            } else if (lower.startsWith("__secure-") && !secure) {
                throw new IllegalArgumentException("a __Secure- cookie needs Secure (rfc6265bis §4.1.3.1)");
            }
            if (sameSite == SameSite.NONE && !secure) {
                throw new IllegalArgumentException("SameSite=None needs Secure: browsers refuse it otherwise");
            }
            if (partitioned && !secure) {
                throw new IllegalArgumentException("a Partitioned cookie needs Secure");
            }
            return new CookieSpec(this);
        }
    }
}
