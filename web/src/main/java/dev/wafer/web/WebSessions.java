package dev.wafer.web;

import dev.wafer.CookieSealer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sealed cookie sessions, CSRF protection and remember-me, framework-neutral: a request in
 * ({@link WebRequest}), {@code Set-Cookie} lines out ({@link SessionHandle#commit()}). The Servlet
 * filter ({@code dev.wafer.web.servlet.WaferSessionFilter}) is a thin adapter over it.
 *
 * <pre>{@code
 * WebSessions sessions = WebSessions.builder(CookieSealer.builder(keys).build())
 *         .idleTimeout(Duration.ofMinutes(30))
 *         .absoluteTimeout(Duration.ofHours(12))
 *         .build();
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 * <li>The whole session is one sealed cookie: the client can neither read nor change it. Its
 *     attributes are JSON values ({@link SessionValues}), never serialized Java objects.</li>
 * <li>Idle timeout and absolute lifetime are inside the sealed value and in its sealed expiry,
 *     so a session that keeps being used still ends (a rolling session without an end was Rails
 *     issue 52832).</li>
 * <li>A session id that was invalidated or changed is revoked in the {@link RevocationStore}, and
 *     a user's generation ends every session and remember-me token issued before it: both are
 *     checked on every request, or in {@link Builder#shortLived short-lived} mode whenever the short
 *     cookie is re-minted.</li>
 * <li>A malformed, tampered, expired, revoked or foreign cookie is no session (an anonymous
 *     request), never an error, and its value is never logged.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe: build one at start-up.
 *
 * @since 0.1
 */
public final class WebSessions {
    final Supplier<CookieSealer> sealer;
    final CookieSpec sessionCookie;
    final Duration idleTimeout;
    final Duration absoluteTimeout;
    final Duration touchInterval;
    final Duration shortLifetime;
    final CookieSpec refreshCookie;
    final RevocationStore store;
    final StoreFailure storeFailure;
    final CookieSpec rememberCookie;
    final Duration rememberLifetime;
    final Duration rememberGrace;
    final CsrfPolicy csrf;
    final ClientBinding binding;
    final Clock clock;
    final int sizeBudgetBytes;
    final SessionStore sessionStore;
    final SessionStore.Mode sessionMode;
    final boolean exclusiveSessions;

    private WebSessions(Builder b) {
        this.sealer = b.sealer;
        this.sessionCookie = b.sessionCookie;
        this.idleTimeout = b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout;
        this.touchInterval = b.touchInterval;
        this.shortLifetime = b.shortLifetime;
        this.refreshCookie = b.refreshCookie;
        this.store = b.store;
        this.storeFailure = b.storeFailure;
        this.rememberCookie = b.rememberCookie;
        this.rememberLifetime = b.rememberLifetime;
        this.rememberGrace = b.rememberGrace;
        this.csrf = b.csrf;
        this.binding = b.binding;
        this.clock = b.clock;
        this.sizeBudgetBytes = b.sizeBudgetBytes;
        this.sessionStore = b.sessionStore;
        this.sessionMode = b.sessionMode;
        this.exclusiveSessions = b.exclusiveSessions;
    }

    /**
     * Sessions sealed by one sealer, for example one that reloads its key file
     * ({@link ReloadingSealer}).
     *
     * @param sealer the sealer of every cookie this layer sets
     * @return a builder
     * @since 0.1
     */
    public static Builder builder(CookieSealer sealer) {
        Objects.requireNonNull(sealer, "sealer");
        return new Builder(() -> sealer);
    }

    /**
     * Starts a request: nothing is read until the session, the CSRF check or the user is asked
     * for.
     *
     * @param request the request
     * @return the request's session handle; confined to the request's thread
     * @since 0.1
     */
    public SessionHandle begin(WebRequest request) {
        return new SessionHandle(this, Objects.requireNonNull(request, "request"));
    }

    /**
     * The session cookie's spec.
     *
     * @return the spec
     * @since 0.1
     */
    public CookieSpec sessionCookie() {
        return sessionCookie;
    }

    /**
     * How long a session lives without a request.
     *
     * @return the idle timeout
     * @since 0.1
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * The CSRF policy.
     *
     * @return the policy
     * @since 0.1
     */
    public CsrfPolicy csrf() {
        return csrf;
    }

    /**
     * The revocation store.
     *
     * @return the store
     * @since 0.1
     */
    public RevocationStore store() {
        return store;
    }

    /**
     * The settings; never a key.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "WebSessions[" + sessionCookie + ", idle=" + idleTimeout + ", absolute=" + absoluteTimeout
                + (shortLifetime != null ? ", short-lived " + shortLifetime + " with " + refreshCookie : "") + ", " + csrf
                + ", " + store + (binding != null ? ", " + binding : "")
                + (sessionStore != null ? ", attributes in " + sessionStore + " (" + sessionMode + ")" : "")
                + (exclusiveSessions ? ", one session per user" : "") + "]";
    }

    /**
     * Builds {@link WebSessions}; {@link #build()} refuses inconsistent settings, so that a
     * misconfiguration stops the application at start-up, not at its first request.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Supplier<CookieSealer> sealer;
        private CookieSpec sessionCookie = CookieSpec.builder("__Host-session").purpose("session").build();
        private Duration idleTimeout = Duration.ofMinutes(30);
        private Duration absoluteTimeout = Duration.ofHours(12);
        private Duration touchInterval = Duration.ofMinutes(1);
        private Duration shortLifetime;
        private CookieSpec refreshCookie;
        private RevocationStore store = new InMemoryRevocationStore();
        private StoreFailure storeFailure = StoreFailure.FAIL_CLOSED;
        private CookieSpec rememberCookie = CookieSpec.builder("__Host-remember").purpose("remember-me").build();
        private Duration rememberLifetime = Duration.ofDays(30);
        private Duration rememberGrace = Duration.ofSeconds(30);
        private CsrfPolicy csrf = CsrfPolicy.synchronizer();
        private ClientBinding binding;
        private Clock clock = Clock.systemUTC();
        private int sizeBudgetBytes = CookieSpec.BROWSER_LIMIT_BYTES;
        private SessionStore sessionStore;
        private SessionStore.Mode sessionMode;
        private boolean exclusiveSessions;

        private Builder(Supplier<CookieSealer> sealer) {
            this.sealer = sealer;
        }

        /**
         * The session cookie; {@code __Host-session}, purpose {@code session}, by default.
         *
         * @param spec the cookie
         * @return this builder
         * @since 0.1
         */
        public Builder sessionCookie(CookieSpec spec) {
            this.sessionCookie = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /**
         * How long a session lives without a request; 30 minutes by default (OWASP suggests 2 to
         * 5 minutes for high-value applications, 15 to 30 for others).
         *
         * @param idle the idle timeout, at least a minute
         * @return this builder
         * @since 0.1
         */
        public Builder idleTimeout(Duration idle) {
            this.idleTimeout = Objects.requireNonNull(idle, "idle");
            return this;
        }

        /**
         * How long a session lives at most, however active; 12 hours by default.
         *
         * @param absolute the absolute lifetime
         * @return this builder
         * @since 0.1
         */
        public Builder absoluteTimeout(Duration absolute) {
            this.absoluteTimeout = Objects.requireNonNull(absolute, "absolute");
            return this;
        }

        /**
         * How often an unchanged session's cookie is reissued to move its idle deadline; one minute
         * by default. The idle timeout then holds to within this interval, and no request reissues
         * a cookie that neither changed nor needs it.
         *
         * @param interval at least a second, less than the idle timeout
         * @return this builder
         * @since 0.1
         */
        public Builder touchInterval(Duration interval) {
            this.touchInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Short-lived session cookies: the session cookie's value lives only {@code lifetime} and is
         * re-minted while the user is active; after a longer pause within the idle timeout, a second,
         * longer-lived refresh cookie, checked against the revocation store, re-mints it. A copied
         * session cookie is then useful for minutes. Revocation is checked at each re-mint instead
         * of on every request, which spares a shared store most round trips.
         *
         * @param lifetime the session cookie value's lifetime, for example 5 minutes
         * @param refresh the refresh cookie, for example {@code __Host-session-refresh}
         * @return this builder
         * @since 0.1
         */
        public Builder shortLived(Duration lifetime, CookieSpec refresh) {
            this.shortLifetime = Objects.requireNonNull(lifetime, "lifetime");
            this.refreshCookie = Objects.requireNonNull(refresh, "refresh");
            return this;
        }

        /**
         * The revocation store, and what to do when it cannot answer: an explicit choice.
         *
         * @param store the store; in memory by default
         * @param onFailure what an unanswered check means
         * @return this builder
         * @since 0.1
         */
        public Builder revocationStore(RevocationStore store, StoreFailure onFailure) {
            this.store = Objects.requireNonNull(store, "store");
            this.storeFailure = Objects.requireNonNull(onFailure, "onFailure");
            return this;
        }

        /**
         * The remember-me cookie ({@code __Host-remember} by default), how long a series lives (30
         * days), and how long after a rotation the previous token still works (30 seconds: the
         * parallel requests of one page load).
         *
         * @param spec the cookie
         * @param lifetime the series' lifetime
         * @param grace the grace window
         * @return this builder
         * @since 0.1
         */
        public Builder rememberMe(CookieSpec spec, Duration lifetime, Duration grace) {
            this.rememberCookie = Objects.requireNonNull(spec, "spec");
            this.rememberLifetime = Objects.requireNonNull(lifetime, "lifetime");
            this.rememberGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * The CSRF policy; {@link CsrfPolicy#synchronizer()} by default.
         *
         * @param policy the policy
         * @return this builder
         * @since 0.1
         */
        public Builder csrf(CsrfPolicy policy) {
            this.csrf = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Ties sessions to traits of their client; off by default. Read {@link ClientBinding}'s
         * trade-offs first.
         *
         * @param binding the binding, or {@code null} for none
         * @return this builder
         * @since 0.1
         */
        public Builder clientBinding(ClientBinding binding) {
            this.binding = binding;
            return this;
        }

        /**
         * The clock; the system's by default.
         *
         * @param clock the clock
         * @return this builder
         * @since 0.1
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The size budget of one cookie, {@code name=value} in bytes; browsers' 4096 by default.
         * A session that would not fit is refused when it changes ({@code ValueTooLargeException}),
         * never truncated; above 80 % of it, a warning is logged.
         *
         * @param bytes the budget, 512 to 4096
         * @return this builder
         * @since 0.1
         */
        public Builder sizeBudget(int bytes) {
            if (bytes < 512 || bytes > CookieSpec.BROWSER_LIMIT_BYTES) {
                throw new IllegalArgumentException("a cookie's budget is 512 to 4096 bytes, as browsers keep at most 4096");
            }
            this.sizeBudgetBytes = bytes;
            return this;
        }

        /**
         * Keeps sessions' attributes server-side, in a store: every session's
         * ({@link SessionStore.Mode#ALWAYS}), or only those too large for their cookie
         * ({@link SessionStore.Mode#OVERFLOW}). The cookie still holds the sealed session (its id,
         * times, user, generation and CSRF secret), so sign-in, revocation and CSRF work as
         * without a store; the attributes live in the store under the hashed session id until
         * the session's idle deadline. None by default: every session is one sealed cookie, and
         * one too large for it is refused.
         *
         * @param store the store, for example {@code wafer-redis}'s, shared by every server
         * @param mode which sessions it keeps
         * @return this builder
         * @since 0.1
         */
        public Builder sessionStore(SessionStore store, SessionStore.Mode mode) {
            this.sessionStore = Objects.requireNonNull(store, "store");
            this.sessionMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * One session per user: each sign-in ({@link SessionHandle#login}) advances the user's
         * generation, which ends the user's other sessions and remember-me tokens, on every server
         * that shares the revocation store. Off by default. With {@link StoreFailure#FAIL_OPEN},
         * a sign-in while the store cannot answer goes ahead without ending the others.
         *
         * @param exclusive whether a sign-in ends the user's other sessions
         * @return this builder
         * @since 0.1
         */
        public Builder exclusiveSessions(boolean exclusive) {
            this.exclusiveSessions = exclusive;
            return this;
        }

        /**
         * Checks the settings and builds.
         *
         * @return the sessions
         * @throws IllegalArgumentException if the timeouts contradict each other or two cookies
         *     share a name
         * @since 0.1
         */
        public WebSessions build() {
            if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("an idle timeout is at least a minute");
            }
            if (absoluteTimeout.compareTo(idleTimeout) < 0) {
                throw new IllegalArgumentException("the absolute lifetime cannot be shorter than the idle timeout");
            }
            if (touchInterval.getSeconds() < 1 || touchInterval.compareTo(idleTimeout) >= 0) {
                throw new IllegalArgumentException("the touch interval is at least a second and less than the idle timeout");
            }
            if (shortLifetime != null && (shortLifetime.compareTo(Duration.ofSeconds(30)) < 0
                    || shortLifetime.compareTo(idleTimeout) >= 0)) {
                throw new IllegalArgumentException("a short-lived session cookie lives at least 30 seconds and less than "
                        + "the idle timeout");
            }
            if (rememberGrace.isNegative() || rememberGrace.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("the remember-me grace window is 0 to 5 minutes");
            }
            if (rememberLifetime.compareTo(Duration.ofHours(1)) < 0 || rememberLifetime.compareTo(CookieSealer.MAX_LIFETIME) > 0) {
                throw new IllegalArgumentException("a remember-me series lives an hour to ten years");
            }
            Duration longest = rememberLifetime.compareTo(idleTimeout) > 0 ? rememberLifetime : idleTimeout;
            sealer.get().keys().maxLifetime().ifPresent(max -> {
                if (max.compareTo(longest) < 0) {
                    throw new IllegalArgumentException("the sealing key set's declared maximum lifetime (" + max + ") is "
                            + "shorter than what these sessions seal: " + longest + " (the remember-me lifetime, or the "
                            + "idle timeout); declare at least that (wafer keygen --max-lifetime), or shorten them");
                }
            });
            java.util.Set<String> names = new java.util.HashSet<>();
            for (CookieSpec c : new CookieSpec[] {sessionCookie, refreshCookie, rememberCookie, csrf.cookie}) {
                if (c != null && !names.add(c.name())) {
                    throw new IllegalArgumentException("two of the cookies are both named " + c.name());
                }
            }
            return new WebSessions(this);
        }
    }
}
