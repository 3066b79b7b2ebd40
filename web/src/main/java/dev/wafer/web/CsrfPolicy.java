package dev.wafer.web;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How requests with unsafe methods ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}, and
 * any other but {@code GET}, {@code HEAD}, {@code OPTIONS}, {@code TRACE}) prove that the
 * application's own pages sent them (the OWASP Cross-Site Request Forgery Prevention Cheat Sheet).
 *
 * <p>Every mode first checks the fetch metadata: a {@code Sec-Fetch-Site} of {@code cross-site}
 * (and of {@code same-site}, unless allowed) is refused, and so is an {@code Origin} other than the
 * request's own or an allowed one. Then a token, from the {@code X-CSRF-Token} header or the
 * {@code _csrf} form field:
 * <ul>
 * <li>{@link #synchronizer()}: a secret kept in the sealed session; each page gets it masked
 *     with fresh random bytes, so that no two responses carry the same token (BREACH).</li>
 * <li>{@link #doubleSubmit()}: for single-page applications, a sealed token bound to the
 *     session id in a cookie script can read ({@code __Host-csrf}), which script echoes in the
 *     header (the signed double-submit pattern; a token not bound to the session is not enough).</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CsrfPolicy {
    /** The request header a token is read from. */
    public static final String HEADER = "X-CSRF-Token";
    /** The form field a token is read from. */
    public static final String FORM_FIELD = "_csrf";

    /** How the token is kept. */
    enum Mode {
        OFF, SYNCHRONIZER, DOUBLE_SUBMIT
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    final Mode mode;
    final Set<String> allowedOrigins;
    final boolean allowSameSite;
    final Predicate<WebRequest> exempt;
    final CookieSpec cookie;

    private CsrfPolicy(Mode mode, Set<String> allowedOrigins, boolean allowSameSite, Predicate<WebRequest> exempt,
                       CookieSpec cookie) {
        this.mode = mode;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.allowSameSite = allowSameSite;
        this.exempt = exempt;
        this.cookie = cookie;
    }

    /**
     * Synchronizer tokens, kept in the session and masked per response: for server-rendered forms.
     * The default.
     *
     * @return the policy
     * @since 0.1
     */
    public static CsrfPolicy synchronizer() {
        return new CsrfPolicy(Mode.SYNCHRONIZER, Set.of(), false, r -> false, null);
    }

    /**
     * Signed double-submit tokens, bound to the session id, in the cookie {@code __Host-csrf} that
     * script reads and echoes in {@value #HEADER}: for single-page applications.
     *
     * @return the policy
     * @since 0.1
     */
    public static CsrfPolicy doubleSubmit() {
        return new CsrfPolicy(Mode.DOUBLE_SUBMIT, Set.of(), false, r -> false,
                CookieSpec.builder("__Host-csrf").purpose("csrf").httpOnly(false).build());
    }

    /**
     * No CSRF check at all: for an application that does its own, or serves no browser.
     *
     * @return the policy
     * @since 0.1
     */
    public static CsrfPolicy off() {
        return new CsrfPolicy(Mode.OFF, Set.of(), false, r -> false, null);
    }

    /**
     * This policy, also accepting requests whose {@code Origin} is one of these (a front end
     * served from another origin).
     *
     * @param origins origins as browsers write them, {@code https://app.example}
     * @return a new policy
     * @throws IllegalArgumentException if an origin is not {@code scheme://host[:port]}
     * @since 0.1
     */
    public CsrfPolicy allowOrigins(String... origins) {
        Set<String> all = new LinkedHashSet<>(allowedOrigins);
        for (String o : origins) {
            if (!Objects.requireNonNull(o, "origin").matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new IllegalArgumentException("an origin is scheme://host[:port], without a path");
            }
            all.add(o.toLowerCase(Locale.ROOT));
        }
        return new CsrfPolicy(mode, all, allowSameSite, exempt, cookie);
    }

    /**
     * This policy, also accepting {@code Sec-Fetch-Site: same-site} (requests from sibling
     * subdomains), which is refused by default: a subdomain may serve someone else's content.
     *
     * @return a new policy
     * @since 0.1
     */
    public CsrfPolicy allowSameSite() {
        return new CsrfPolicy(mode, allowedOrigins, true, exempt, cookie);
    }

    /**
     * This policy, not checking requests that match (a webhook that proves itself otherwise).
     *
     * @param exempt which requests to leave unchecked
     * @return a new policy
     * @since 0.1
     */
    public CsrfPolicy exempt(Predicate<WebRequest> exempt) {
        Objects.requireNonNull(exempt, "exempt");
        return new CsrfPolicy(mode, allowedOrigins, allowSameSite, this.exempt.or(exempt), cookie);
    }

    /**
     * Whether a request method needs the check.
     *
     * @param method the method
     * @return false for {@code GET}, {@code HEAD}, {@code OPTIONS} and {@code TRACE}
     * @since 0.1
     */
    public static boolean isUnsafe(String method) {
        return !SAFE.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Fetch metadata and origin: the checks that need no token. */
    void checkOrigin(WebRequest request) {
        String site = request.header("Sec-Fetch-Site");
        if (site != null) {
            String s = site.trim().toLowerCase(Locale.ROOT);
            if (s.equals("cross-site") || s.equals("same-site") && !allowSameSite) {
                throw new CsrfException(CsrfException.Reason.CROSS_SITE, "CSRF check failed: Sec-Fetch-Site is " + s);
            }
        }
        String origin = request.header("Origin");
        if (origin != null) {
            String o = origin.trim().toLowerCase(Locale.ROOT);
            String own = request.origin() == null ? null : request.origin().toLowerCase(Locale.ROOT);
            if (!o.equals(own) && !allowedOrigins.contains(o)) {
                throw new CsrfException(CsrfException.Reason.CROSS_ORIGIN, "CSRF check failed: the request's Origin is "
                        + "not this application's");
            }
        }
    }

    /**
     * The mode, the allowed origins.
     *
     * @return a short description
     */
    /**
     * Whether this policy checks nothing ({@link #off()}).
     *
     * @return whether it is off
     * @since 0.1
     */
    public boolean isOff() {
        return mode == Mode.OFF;
    }

    @Override
    public String toString() {
        return "CsrfPolicy[" + mode + (allowedOrigins.isEmpty() ? "" : ", origins=" + allowedOrigins)
                + (allowSameSite ? ", same-site allowed" : "") + "]";
    }
}
