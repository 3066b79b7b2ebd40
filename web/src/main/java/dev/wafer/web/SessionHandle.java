package dev.wafer.web;

import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.RejectedInputException;
import dev.wafer.SealingAlgorithm;
import dev.wafer.ValueTooLargeException;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's view of its session, CSRF token and signed-in user, and the cookies to set at
 * its end ({@link #commit()}). Reads nothing until asked; opens the session cookie at most once.
 *
 * <p>Confined to its request: not thread-safe.
 *
 * @since 0.1
 */
public final class SessionHandle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandle.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** At most one size warning per minute, over all requests. */
    private static final AtomicLong LAST_SIZE_WARNING = new AtomicLong(Long.MIN_VALUE / 2);
    /** At most one store-outage warning per 10 seconds, over all requests. */
    private static final AtomicLong LAST_STORE_WARNING = new AtomicLong(Long.MIN_VALUE / 2);

    private final WebSessions config;
    private final WebRequest request;
    private final Instant now;
    private Map<String, List<String>> cookies;

    private boolean loaded;
    private SessionState state;
    private boolean fromRefreshCookie;
    private boolean resealAdvised;
    private boolean changed;
    private boolean isNew;
    private boolean staleCookieSent;
    private boolean invalidated;
    private boolean bindingMismatch;
    private boolean committed;
    /** The hashed id the session's data is in the session store under, if it is there. */
    private String storedHash;
    /** The session store did not answer: the session is unreachable for this request, not ended. */
    private boolean storeUnavailable;
    private String rememberToIssue;
    private long rememberStep;
    private Instant rememberEnds;
    private boolean rememberToDelete;
    private boolean rememberedThisRequest;
    private String csrfCookieToken;
    private String csrfCookieFor;
    private boolean csrfCookieToIssue;
    private WebSession view;

    SessionHandle(WebSessions config, WebRequest request) {
        this.config = config;
        this.request = request;
        this.now = Instant.ofEpochSecond(config.clock.instant().getEpochSecond());
    }

    private CookieSealer sealer() {
        return config.sealer.get();
    }

    private List<String> cookie(CookieSpec spec) {
        if (cookies == null) {
            cookies = CookieHeader.parse(request.cookieHeaders());
        }
        return spec == null ? List.of() : cookies.getOrDefault(spec.name(), List.of());
    }

    // ---- loading --------------------------------------------------------------------------------

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        List<String> values = cookie(config.sessionCookie);
        state = open(config.sessionCookie, values);
        if (state != null && !fromRefreshCookie && config.shortLifetime == null && !stillValid(state)) {
            state = null;
        }
        if (state == null && config.shortLifetime != null) {
            List<String> refresh = cookie(config.refreshCookie);
            state = open(config.refreshCookie, refresh);
            if (state != null) {
                fromRefreshCookie = true;
                if (!stillValid(state)) {
                    state = null;
                }
            }
            staleCookieSent |= state == null && !refresh.isEmpty();
        }
        staleCookieSent |= state == null && !values.isEmpty();
        if (state != null && config.binding != null) {
            String fingerprint = config.binding.fingerprint(request);
            if (!fingerprint.equals(state.binding)) {
                if (config.binding.mismatch(request) == ClientBinding.Decision.END_SESSION) {
                    LOG.info("A session was presented by a client whose traits differ from its own; it is ended");
                    state = null;
                    staleCookieSent = true;
                } else {
                    bindingMismatch = true;
                }
            }
        }
        if (state != null && state.attributesInStore) {
            loadData();
        }
        if (state == null && !storeUnavailable) {
            rememberedLogin();
        }
    }

    /** Reads the attributes of a session whose cookie says they are in the session store. */
    private void loadData() {
        if (config.sessionStore == null) {
            LOG.info("A session cookie points to a session store, and none is configured: no session");
            state = null;
            staleCookieSent = true;
            return;
        }
        String hash = Ids.hash(Ids.Kind.SESSION, state.id);
        byte[] data;
        try {
            data = config.sessionStore.load(hash);
        } catch (RuntimeException e) {
            LOG.warn("The session store did not answer ({}); the request goes on without its session, whose cookie is "
                    + "kept", e.getClass().getSimpleName());
            state = null;
            storeUnavailable = true;
            return;
        }
        if (data == null) {
            // Ended, or past its time, or evicted: the session is over.
            state = null;
            staleCookieSent = true;
            return;
        }
        try {
            state.decodeData(data);
        } catch (IllegalArgumentException e) {
            LOG.warn("A session's data in the session store did not read as a session's: {}", e.getMessage());
            state = null;
            staleCookieSent = true;
            return;
        }
        storedHash = hash;
    }

    /** The first value of a cookie that opens as a session, or null. */
    private SessionState open(CookieSpec spec, List<String> values) {
        for (String value : values) {
            try {
                OpenedValue v = sealer().open(value, spec.context());
                SessionState s = SessionState.decode(v.bytes());
                if (s.endsAt <= now.getEpochSecond()) {
                    continue;
                }
                resealAdvised = v.shouldReseal();
                return s;
            } catch (RejectedInputException | IllegalArgumentException e) {
                // Tampered, expired, foreign, or not a session: no session. Never log the value.
                LOG.debug("A {} cookie did not open as a session: {}", spec.name(), e.getClass().getSimpleName());
            }
        }
        return null;
    }

    /** Whether a session opened from a cookie is neither revoked nor of an ended user generation. */
    private boolean stillValid(SessionState s) {
        try {
            if (config.store.isRevoked(Ids.hash(Ids.Kind.SESSION, s.id), now)) {
                return false;
            }
            return s.user == null || config.store.generation(Ids.hash(Ids.Kind.USER, s.user)) <= s.userGeneration;
        } catch (RuntimeException e) {
            return storeFailed(e);
        }
    }

    private boolean storeFailed(RuntimeException e) {
        boolean open = config.storeFailure == StoreFailure.FAIL_OPEN;
        // An outage is not the client's doing: its cookie is kept, to be checked once the store is back.
        storeUnavailable |= !open;
        long tenSeconds = now.getEpochSecond() / 10;
        if (LAST_STORE_WARNING.getAndSet(tenSeconds) != tenSeconds) {
            LOG.warn("The revocation store did not answer ({}); {} (logged at most once per 10 s)",
                    e.getClass().getSimpleName(), open ? "accepting sessions unchecked (FAIL_OPEN)" : "no session (FAIL_CLOSED)");
        } else {
            LOG.debug("The revocation store did not answer ({})", e.getClass().getSimpleName());
        }
        return open;
    }

    /** No session cookie: a remember-me token, if there is one, signs the user in again. */
    private void rememberedLogin() {
        List<String> values = cookie(config.rememberCookie);
        if (values.isEmpty()) {
            return;
        }
        for (String value : values) {
            Map<String, Object> token;
            try {
                token = Json.parseObject(sealer().open(value, config.rememberCookie.context()).bytes());
            } catch (RejectedInputException | IllegalArgumentException e) {
                continue;
            }
            if (!(token.get("u") instanceof String) || !(token.get("s") instanceof String) || !(token.get("n") instanceof Long)
                    || !(token.get("g") instanceof Long) || !(token.get("e") instanceof Long)) {
                continue;
            }
            String user = (String) token.get("u");
            String series = (String) token.get("s");
            long step = (Long) token.get("n");
            long generation = (Long) token.get("g");
            Instant ends = Instant.ofEpochSecond((Long) token.get("e"));
            if (config.binding != null && token.get("b") instanceof String
                    && !token.get("b").equals(config.binding.fingerprint(request))) {
                // A remember-me token is bound like the session it restores, or the binding would be
                // one deleted cookie away from void.
                if (config.binding.mismatch(request) == ClientBinding.Decision.END_SESSION) {
                    LOG.info("A remember-me token was presented by a client whose traits differ from its own; refused");
                    rememberToDelete = true;
                    return;
                }
                bindingMismatch = true;
            }
            String seriesHash = Ids.hash(Ids.Kind.SERIES, series);
            RevocationStore.SeriesUse use;
            try {
                if (config.store.generation(Ids.hash(Ids.Kind.USER, user)) > generation) {
                    rememberToDelete = true;
                    return;
                }
                use = config.store.useSeries(seriesHash, step, now, config.rememberGrace);
            } catch (RuntimeException e) {
                storeFailed(e);
                return; // a remember-me login is never granted unchecked
            }
            switch (use) {
                case ROTATED:
                case GRACE:
                    rememberedThisRequest = true;
                    state = newState();
                    state.user = user;
                    state.userGeneration = generation;
                    state.series = series;
                    bindTo(state);
                    changed = true;
                    rememberToIssue = series;
                    rememberStep = step + 1;
                    rememberEnds = ends;
                    return;
                case REUSED:
                    LOG.warn("A remember-me token was used again after its series moved on: the series is revoked "
                            + "(a copy of the token is in someone else's hands)");
                    rememberToDelete = true;
                    return;
                default:
                    rememberToDelete = true;
                    return;
            }
        }
        rememberToDelete = true;
    }

    private SessionState newState() {
        long at = now.getEpochSecond();
        isNew = true;
        return new SessionState(Ids.random(), at, at + config.absoluteTimeout.getSeconds());
    }

    private void bindTo(SessionState s) {
        if (config.binding != null) {
            s.binding = config.binding.fingerprint(request);
        }
    }

    private SessionState live() {
        if (invalidated) {
            throw new IllegalStateException("the session was invalidated");
        }
        load();
        return state;
    }

    // ---- the session ----------------------------------------------------------------------------

    /**
     * The session, if the request has one (from its cookie, or re-established by remember-me).
     *
     * @return the session
     * @since 0.1
     */
    public Optional<WebSession> session() {
        if (invalidated) {
            return Optional.empty();
        }
        load();
        return Optional.ofNullable(state == null ? null : view());
    }

    /**
     * The session, created if the request has none.
     *
     * @return the session
     * @throws IllegalStateException if the response's cookies were already committed
     * @since 0.1
     */
    public WebSession getOrCreate() {
        load();
        if (state == null || invalidated) {
            requireOpen();
            invalidated = false;
            state = newState();
            bindTo(state);
            changed = true;
            view = null;
        }
        return view();
    }

    private WebSession view() {
        if (view == null) {
            view = new WebSession(this, state.id);
        }
        return view;
    }

    /**
     * The signed-in user, if any.
     *
     * @return the user name given to {@link #login}
     * @since 0.1
     */
    public Optional<String> user() {
        load();
        return Optional.ofNullable(state == null || invalidated ? null : state.user);
    }

    /**
     * Whether the session was presented by a client whose traits differ from those it was bound
     * to, and the binding's handler kept it: ask for the password again before anything sensitive.
     *
     * @return whether the binding did not match
     * @since 0.1
     */
    public boolean bindingMismatch() {
        load();
        return bindingMismatch;
    }

    /**
     * Signs a user in: a new session id (so that an id fixed before login is worthless), the user
     * and their current generation, a new CSRF secret; and, if asked, a new remember-me series.
     *
     * @param user the user's name or id, as the application knows it
     * @param rememberMe whether to set a remember-me cookie
     * @throws RevocationStoreException if the store cannot answer and the policy is to fail closed
     * @since 0.1
     */
    public void login(String user, boolean rememberMe) {
        Objects.requireNonNull(user, "user");
        requireOpen();
        getOrCreate();
        if (!isNew) {
            changeId();
        }
        long generation;
        try {
            String userHash = Ids.hash(Ids.Kind.USER, user);
            // Exclusive sessions: this login ends the user's other sessions and remember-me tokens.
            generation = config.exclusiveSessions ? config.store.advanceGeneration(userHash)
                    : config.store.currentGeneration(userHash);
        } catch (RuntimeException e) {
            if (!storeFailed(e)) {
                throw e;
            }
            generation = 0;
        }
        if (state.series != null) {
            revokeSeries(state.series);
        }
        state.user = user;
        state.userGeneration = generation;
        state.csrfSecret = null;
        state.series = null;
        changed = true;
        if (rememberMe) {
            startSeries();
        }
    }

    /**
     * Sets a remember-me cookie for the user signed in on this session, as {@code login(user, true)}
     * would have: for a framework that signs the user in first and asks about remember-me after
     * (Spring Security's {@code RememberMeServices.loginSuccess}). A series the session already
     * has is revoked and replaced.
     *
     * @throws IllegalStateException if no user is signed in, or the cookies were already committed
     * @throws RevocationStoreException if the store cannot record the new series
     * @since 0.1
     */
    public void rememberMe() {
        SessionState s = live();
        if (s == null || s.user == null) {
            throw new IllegalStateException("no user is signed in");
        }
        requireOpen();
        if (s.series != null) {
            revokeSeries(s.series);
        }
        startSeries();
        changed = true;
    }

    private void startSeries() {
        String series = Ids.random();
        Instant ends = now.plus(config.rememberLifetime);
        config.store.startSeries(Ids.hash(Ids.Kind.SERIES, series), ends);
        state.series = series;
        rememberToIssue = series;
        rememberStep = 0;
        rememberEnds = ends;
        rememberToDelete = false;
    }

    /**
     * Whether this request's session was re-established by a remember-me token (the browser came
     * back without a session cookie): the user did not sign in with a password in this session.
     *
     * @return whether the session came from a remember-me token
     * @since 0.1
     */
    public boolean remembered() {
        load();
        return rememberedThisRequest;
    }

    /**
     * Signs the user out here: the session is invalidated and its remember-me series revoked.
     *
     * @since 0.1
     */
    public void logout() {
        load();
        if (state != null && state.series != null) {
            revokeSeries(state.series);
        }
        rememberToDelete = true;
        rememberToIssue = null;
        invalidate();
    }

    /**
     * Signs the user out of every session and remember-me token, on every device: advances the
     * user's generation, then {@link #logout()}.
     *
     * @throws IllegalStateException if no user is signed in
     * @throws RevocationStoreException if the store cannot record it
     * @since 0.1
     */
    public void logoutEverywhere() {
        String user = user().orElseThrow(() -> new IllegalStateException("no user is signed in"));
        config.store.advanceGeneration(Ids.hash(Ids.Kind.USER, user));
        logout();
    }

    /**
     * Gives the session a new id and revokes the old one, as after signing in (session fixation,
     * OWASP Session Management Cheat Sheet: "Renew the Session ID After Any Privilege Level Change").
     *
     * @return the new id
     * @throws IllegalStateException if there is no session
     * @since 0.1
     */
    public String changeId() {
        SessionState s = live();
        if (s == null) {
            throw new IllegalStateException("there is no session");
        }
        requireOpen();
        revokeSession(s);
        s.id = Ids.random();
        s.createdAt = now.getEpochSecond();
        s.endsAt = s.createdAt + config.absoluteTimeout.getSeconds();
        s.csrfSecret = null;
        changed = true;
        return s.id;
    }

    /**
     * Ends the session: its id is revoked until the session's end, and the cookie cleared.
     *
     * @since 0.1
     */
    public void invalidate() {
        load();
        if (state != null) {
            revokeSession(state);
        }
        state = null;
        view = null;
        invalidated = true;
    }

    private void revokeSession(SessionState s) {
        try {
            config.store.revoke(Ids.hash(Ids.Kind.SESSION, s.id), Instant.ofEpochSecond(s.endsAt));
        } catch (RuntimeException e) {
            LOG.warn("The revocation store did not record a session's end ({}); its cookie is cleared, but a copy "
                    + "stays valid until it expires", e.getClass().getSimpleName());
        }
    }

    private void revokeSeries(String series) {
        try {
            config.store.revoke(Ids.hash(Ids.Kind.SERIES, series), now.plus(config.rememberLifetime));
        } catch (RuntimeException e) {
            LOG.warn("The revocation store did not record a remember-me series' end ({})", e.getClass().getSimpleName());
        }
    }

    // ---- attributes, for WebSession ---------------------------------------------------------------

    SessionState state(WebSession caller) {
        if (invalidated || caller != view || state == null) {
            throw new IllegalStateException("the session was invalidated");
        }
        return state;
    }

    boolean isNew() {
        return isNew;
    }

    void changed(SessionState s) {
        requireOpen();
        checkSize(s); // a refused change leaves nothing to reissue
        changed = true;
    }

    private void requireOpen() {
        if (committed) {
            throw new IllegalStateException("the response's cookies were already sent: change the session before the "
                    + "response starts");
        }
    }

    /**
     * Refuses a session that would not fit where it is kept: before the change, never by
     * truncation. In its cookie, that is the cookie's budget; in a session store,
     * {@link SessionStore#MAX_DATA_BYTES} of data.
     */
    private void checkSize(SessionState s) {
        // Encoded as the commit will issue it, now: the commit then reuses these bytes if nothing changes in between.
        long issuedAt = now.getEpochSecond();
        if (config.sessionStore != null) {
            if (config.sessionMode == SessionStore.Mode.OVERFLOW && fitsCookie(s.encode(false, issuedAt).length)) {
                return;
            }
            int dataBytes = s.encodeData().length;
            if (dataBytes > SessionStore.MAX_DATA_BYTES) {
                throw new ValueTooLargeException("the session's data would be " + dataBytes + " bytes, more than the "
                        + SessionStore.MAX_DATA_BYTES + " a session store keeps: keep less in the session", dataBytes,
                        SessionStore.MAX_DATA_BYTES);
            }
            return;
        }
        int budget = cookieBudget();
        int cookieBytes = cookieBytes(s.encode(false, issuedAt).length);
        if (cookieBytes > budget) {
            throw new ValueTooLargeException("the session would seal to a cookie of " + cookieBytes + " bytes "
                    + "(name=value), more than the budget of " + budget + "; browsers drop larger cookies. Keep less in "
                    + "the session, or keep it server-side (WebSessions.Builder.sessionStore)", cookieBytes, budget);
        }
        if (cookieBytes * 5L > budget * 4L) {
            long minute = now.getEpochSecond() / 60;
            if (LAST_SIZE_WARNING.getAndSet(minute) != minute) {
                LOG.warn("A session's cookie is {} bytes, more than 80 % of its budget of {}", cookieBytes, budget);
            }
        }
    }

    private int cookieBudget() {
        return Math.min(config.sizeBudgetBytes, sealer().maxCookieBytes());
    }

    /** The largest {@code name=value} in bytes, over the session's cookies, of a session that encodes to so many bytes. */
    private int cookieBytes(int plainBytes) {
        SealingAlgorithm alg = sealer().keys().primary().algorithm();
        int sealedChars = (int) Math.ceil((13 + alg.nonceLengthBytes() + plainBytes + 16) * 4 / 3.0);
        int longestName = config.sessionCookie.name().length();
        if (config.refreshCookie != null) {
            longestName = Math.max(longestName, config.refreshCookie.name().length());
        }
        return longestName + 1 + sealedChars;
    }

    private boolean fitsCookie(int plainBytes) {
        return cookieBytes(plainBytes) <= cookieBudget();
    }

    /**
     * What the session's cookie holds, after writing the session store if the session is kept
     * there: the whole session, or the session without its attributes, which go to the store
     * (saved if anything changed, else only their time moved).
     */
    private byte[] place(long at, long idleLeft) {
        SessionStore store = config.sessionStore;
        if (store == null) {
            return state.encode();
        }
        if (config.sessionMode == SessionStore.Mode.OVERFLOW) {
            byte[] whole = state.encode();
            if (fitsCookie(whole.length)) {
                deleteData();
                return whole;
            }
        }
        String hash = Ids.hash(Ids.Kind.SESSION, state.id);
        Instant until = Instant.ofEpochSecond(at + idleLeft);
        if (changed || !hash.equals(storedHash)) {
            store.save(hash, state.encodeData(), until);
        } else {
            try {
                store.touch(hash, until);
            } catch (RuntimeException e) {
                // The data keeps its previous time; the next touch moves it.
                LOG.warn("The session store did not move a session's deadline ({})", e.getClass().getSimpleName());
            }
        }
        if (!hash.equals(storedHash)) {
            deleteData();
        }
        storedHash = hash;
        return state.encode(true);
    }

    /** Deletes the data the session had in the store, if any: it ended, changed id or moved back into its cookie. */
    private void deleteData() {
        if (storedHash == null) {
            return;
        }
        try {
            config.sessionStore.delete(storedHash);
        } catch (RuntimeException e) {
            LOG.warn("The session store did not delete a session's data ({}); it is forgotten at its time",
                    e.getClass().getSimpleName());
        }
        storedHash = null;
    }

    // ---- CSRF -----------------------------------------------------------------------------------

    /**
     * The CSRF token to put in this page's forms, or for script to send: masked afresh for each
     * call in synchronizer mode; the session cookie's bound token in double-submit mode. Creates
     * the session if there is none.
     *
     * @return the token
     * @throws IllegalStateException if the policy is {@link CsrfPolicy#off()}
     * @since 0.1
     */
    public CsrfToken csrfToken() {
        CsrfPolicy p = config.csrf;
        if (p.mode == CsrfPolicy.Mode.OFF) {
            throw new IllegalStateException("CSRF protection is off");
        }
        getOrCreate();
        if (p.mode == CsrfPolicy.Mode.DOUBLE_SUBMIT) {
            return new CsrfToken(doubleSubmitToken(), CsrfPolicy.HEADER, CsrfPolicy.FORM_FIELD);
        }
        byte[] secret = secret();
        byte[] masked = new byte[64];
        byte[] mask = new byte[32];
        RANDOM.nextBytes(mask);
        for (int i = 0; i < 32; i++) {
            masked[i] = mask[i];
            masked[32 + i] = (byte) (mask[i] ^ secret[i]);
        }
        return new CsrfToken(Base64Url.encode(masked), CsrfPolicy.HEADER, CsrfPolicy.FORM_FIELD);
    }

    private byte[] secret() {
        if (state.csrfSecret == null) {
            byte[] s = new byte[32];
            RANDOM.nextBytes(s);
            state.csrfSecret = Base64Url.encode(s);
            changed(state);
        }
        return Base64Url.decode(state.csrfSecret);
    }

    /** The double-submit token of the current session id: the request's cookie if it is one, else a new one to set. */
    private String doubleSubmitToken() {
        if (csrfCookieToken != null && state.id.equals(csrfCookieFor)) {
            return csrfCookieToken;
        }
        csrfCookieFor = state.id;
        for (String c : cookie(config.csrf.cookie)) {
            if (state.id.equals(sessionIdOf(c))) {
                csrfCookieToken = c;
                csrfCookieToIssue = false;
                return c;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sid", state.id);
        csrfCookieToken = sealer().seal(Json.writeObject(m), config.csrf.cookie.context(),
                Duration.ofSeconds(Math.max(1, state.endsAt - now.getEpochSecond())));
        csrfCookieToIssue = true;
        return csrfCookieToken;
    }

    /** The session id a double-submit token is bound to, or null if it does not open. */
    private String sessionIdOf(String token) {
        try {
            Object v = Json.parseObject(sealer().open(token, config.csrf.cookie.context()).bytes()).get("sid");
            return v instanceof String ? (String) v : null;
        } catch (RejectedInputException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Checks a request with an unsafe method against the CSRF policy: fetch metadata, origin and
     * token. Safe methods, exempt requests and a policy that is off pass.
     *
     * @throws CsrfException if a check fails: answer 403
     * @since 0.1
     */
    public void checkCsrf() {
        CsrfPolicy p = config.csrf;
        if (p.mode == CsrfPolicy.Mode.OFF || !CsrfPolicy.isUnsafe(request.method()) || p.exempt.test(request)) {
            return;
        }
        p.checkOrigin(request);
        String token = request.header(CsrfPolicy.HEADER);
        if (token == null) {
            token = request.formField(CsrfPolicy.FORM_FIELD);
        }
        if (token == null || token.isEmpty()) {
            throw new CsrfException(CsrfException.Reason.MISSING_TOKEN, "CSRF check failed: no token in the "
                    + CsrfPolicy.HEADER + " header or the " + CsrfPolicy.FORM_FIELD + " field");
        }
        load();
        if (state == null || invalidated) {
            throw new CsrfException(CsrfException.Reason.BAD_TOKEN, "CSRF check failed: the request has no session");
        }
        if (p.mode == CsrfPolicy.Mode.DOUBLE_SUBMIT) {
            checkDoubleSubmit(token);
            return;
        }
        byte[] masked;
        try {
            masked = Base64Url.decode(token);
        } catch (IllegalArgumentException e) {
            masked = new byte[0];
        }
        if (masked.length != 64 || state.csrfSecret == null) {
            throw new CsrfException(CsrfException.Reason.BAD_TOKEN, "CSRF check failed: the token is not this session's");
        }
        byte[] unmasked = new byte[32];
        for (int i = 0; i < 32; i++) {
            unmasked[i] = (byte) (masked[i] ^ masked[32 + i]);
        }
        if (!MessageDigest.isEqual(unmasked, Base64Url.decode(state.csrfSecret))) {
            throw new CsrfException(CsrfException.Reason.BAD_TOKEN, "CSRF check failed: the token is not this session's");
        }
    }

    private void checkDoubleSubmit(String token) {
        boolean matches = false;
        for (String cookie : cookie(config.csrf.cookie)) {
            matches |= MessageDigest.isEqual(cookie.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        String sid = matches ? sessionIdOf(token) : null;
        if (sid == null || !MessageDigest.isEqual(sid.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                state.id.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new CsrfException(CsrfException.Reason.BAD_TOKEN, "CSRF check failed: the token is not this session's");
        }
    }

    // ---- commit ---------------------------------------------------------------------------------

    /**
     * The {@code Set-Cookie} header values this request needs, once: the session cookie when the
     * session changed, its key was rotated or its idle deadline is due to move (never otherwise);
     * deletions of cookies that no longer open or were ended; remember-me and CSRF cookies. Later
     * calls return nothing, and the session can no longer change. A session kept in a
     * {@link SessionStore} is saved there first.
     *
     * @return header values, possibly none
     * @throws SessionStoreException if a changed session cannot be saved in its store: the request
     *     fails rather than losing the change
     * @since 0.1
     */
    public List<String> commit() {
        if (committed) {
            return List.of();
        }
        committed = true;
        List<String> headers = new ArrayList<>(3);
        CookieSealer sealer = sealer();
        if (loaded && state != null && !invalidated) {
            long at = now.getEpochSecond();
            long idleLeft = Math.min(config.idleTimeout.getSeconds(), state.endsAt - at);
            boolean touchDue = at - state.issuedAt >= config.touchInterval.getSeconds();
            boolean shortDue = config.shortLifetime != null
                    && (fromRefreshCookie || at - state.issuedAt >= config.shortLifetime.getSeconds() / 2);
            if (idleLeft < 1) {
                headers.add(config.sessionCookie.deleteCookie());
                deleteData();
            } else if (changed || resealAdvised || touchDue || shortDue) {
                state.issuedAt = at;
                byte[] plain = place(at, idleLeft);
                long sessionLife = config.shortLifetime == null ? idleLeft
                        : Math.min(idleLeft, config.shortLifetime.getSeconds());
                headers.add(config.sessionCookie.setCookie(
                        sealer.seal(plain, config.sessionCookie.context(), Duration.ofSeconds(sessionLife)),
                        Duration.ofSeconds(sessionLife)));
                if (config.refreshCookie != null && (changed || resealAdvised || touchDue || fromRefreshCookie)) {
                    headers.add(config.refreshCookie.setCookie(
                            sealer.seal(plain, config.refreshCookie.context(), Duration.ofSeconds(idleLeft)),
                            Duration.ofSeconds(idleLeft)));
                }
            }
        } else if (invalidated || staleCookieSent && !storeUnavailable) {
            headers.add(config.sessionCookie.deleteCookie());
            if (config.refreshCookie != null) {
                headers.add(config.refreshCookie.deleteCookie());
            }
            deleteData();
        }
        if (rememberToIssue != null) {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("u", state.user);
            token.put("s", rememberToIssue);
            token.put("n", rememberStep);
            token.put("g", state.userGeneration);
            token.put("e", rememberEnds.getEpochSecond());
            if (state.binding != null) {
                token.put("b", state.binding);
            }
            Duration left = Duration.between(now, rememberEnds);
            headers.add(config.rememberCookie.setCookie(sealer.seal(Json.writeObject(token), config.rememberCookie.context(),
                    left), left));
        } else if (rememberToDelete && !cookie(config.rememberCookie).isEmpty()) {
            headers.add(config.rememberCookie.deleteCookie());
        }
        if (config.csrf.mode == CsrfPolicy.Mode.DOUBLE_SUBMIT) {
            // Script reads the token from this cookie: every session has one bound to its id.
            if (loaded && state != null && !invalidated) {
                doubleSubmitToken();
                if (csrfCookieToIssue) {
                    headers.add(config.csrf.cookie.setCookie(csrfCookieToken, null));
                }
            } else if (invalidated && !cookie(config.csrf.cookie).isEmpty()) {
                headers.add(config.csrf.cookie.deleteCookie());
            }
        }
        return headers;
    }
}
