package dev.wafer.benchmarks;

import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.redis.WaferRedis;
import dev.wafer.web.CookieHeader;
import dev.wafer.web.Ids;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebRequest;
import dev.wafer.web.WebSession;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.WaferSessionFilter;
import io.lettuce.core.RedisURI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 11's performance point: what wafer-web's session layer costs a request, beside the bare
 * {@code open} of the same cookie value (and {@code open} + {@code seal}, for a reissue) and the
 * bare JDK primitive.
 *
 * <p>One request: a {@code Cookie} header of four cookies, one of them the session (a signed-in
 * user and five attributes: a number, a string, a list, a map and a boolean). The handler reads the
 * five attributes; {@code …Reissue} also changes one, so the session is resealed and a
 * {@code Set-Cookie} written. Requests cycle through {@link Fixtures#RING} sessions, each sealed on a
 * thread of its own (each XAES value its own nonce prefix, as in {@link SealBenchmark}).
 *
 * <ul>
 * <li>{@code core…}: the framework-neutral core, {@code WebSessions.begin(request)} to
 *     {@code commit()}, with a plain {@link WebRequest}.</li>
 * <li>{@code filter…}: the real {@link WaferSessionFilter} with light Servlet request and response
 *     objects ({@link ServletStubs}) and a chain that calls {@code getSession(false)}.</li>
 * <li>{@code open}: {@code CookieSealer.open} of the session cookie's value; {@code openSeal}: that
 *     and {@code seal} of the same plaintext, what a reissue cannot avoid.</li>
 * <li>{@code floorOpen}: the bare JDK's AES-256-GCM open of a value as long (base64url decode and
 *     decrypt, no header, AAD or expiry), as {@link FloorBenchmark} measures it.</li>
 * </ul>
 *
 * <p>The revocation check is the default in-memory store's (a session id and a user generation
 * looked up per request); {@code coreReadNoCheck} has none, and {@code coreReadRedisCheck} asks
 * wafer-redis's store, with its local cache, on a real {@code redis-server} started for the trial
 * (issue 12's revocation target, without HTTP around it). {@code cookieParse} and
 * {@code revocationHashes} time two parts of a request apart, to show where its time goes. The clock is fixed, so that no
 * request of a long run falls due for the one-minute touch reissue: {@code …Read} never reissues,
 * which setup checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebSessionBenchmark {
    static final String OTHER_COOKIES_BEFORE = "_ga=GA1.2.1234567890.1700000000; theme=dark; ";
    static final String OTHER_COOKIES_AFTER = "; lang=en-GB";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Param({"AES_256_GCM", "XAES_256_GCM"})
    public String algorithm;

    private CookieSealer sealer;
    private WebSessions sessions;
    private WebSessions sessionsNoCheck;
    private WebSessions sessionsRedisCheck;
    private RedisProcess redisServer;
    private WaferRedis redis;
    private String[] sessionIds;
    private String[] users;
    private WaferSessionFilter filter;
    private SealContext context;
    private String[] cookieHeaders;
    private String[] sessionValues;
    private byte[][] plaintexts;
    private WebRequest[] requests;

    private SecretKey floorKey;
    private String[] floorValues;
    private final ThreadLocal<Cipher> floorCipher = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    @Setup
    public void setup() throws Exception {
        sealer = CookieSealer.builder(SealingKeySet.generate(SealingAlgorithm.valueOf(algorithm)))
                .engines(Wafer.engines("jca")).acceptAesGcmLimit().build();
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        sessions = WebSessions.builder(sealer).clock(clock)
                .revocationStore(new dev.wafer.web.InMemoryRevocationStore(), StoreFailure.FAIL_CLOSED).build();
        sessionsNoCheck = WebSessions.builder(sealer).clock(clock)
                .revocationStore(new SessionServerBenchmark.NoRevocation(), StoreFailure.FAIL_CLOSED).build();
        redisServer = RedisProcess.start();
        redis = WaferRedis.builder(RedisURI.create(redisServer.uri())).build();
        sessionsRedisCheck = WebSessions.builder(sealer).clock(clock)
                .revocationStore(redis.revocationStore(), StoreFailure.FAIL_CLOSED).build();
        filter = new WaferSessionFilter(sessions);
        context = sessions.sessionCookie().context();
        cookieHeaders = new String[Fixtures.RING];
        sessionValues = new String[Fixtures.RING];
        plaintexts = new byte[Fixtures.RING][];
        requests = new WebRequest[Fixtures.RING];
        sessionIds = new String[Fixtures.RING];
        users = new String[Fixtures.RING];
        String name = sessions.sessionCookie().name();
        for (int i = 0; i < Fixtures.RING; i++) {
            String user = "user" + i;
            String value = onFreshThread(() -> newSession(sessions, user));
            sessionValues[i] = value;
            cookieHeaders[i] = OTHER_COOKIES_BEFORE + name + "=" + value + OTHER_COOKIES_AFTER;
            requests[i] = new Request(cookieHeaders[i]);
            plaintexts[i] = sealer.open(value, context).bytes();
            WebSession s = sessions.begin(requests[i]).session().orElseThrow();
            sessionIds[i] = s.id();
            users[i] = s.user().orElseThrow();
        }

        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        floorKey = g.generateKey();
        floorValues = new String[Fixtures.RING];
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < Fixtures.RING; i++) {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = floorCipher.get();
            c.init(Cipher.ENCRYPT_MODE, floorKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ct = c.doFinal(plaintexts[i]);
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            floorValues[i] = Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        }
        check();
    }

    @TearDown
    public void tearDown() {
        redis.close();
        redisServer.close();
    }

    /** A signed-in session with five attributes, as its cookie's value. */
    static String newSession(WebSessions sessions, String user) {
        SessionHandle h = sessions.begin(new Request(null));
        h.login(user, false);
        WebSession s = h.session().orElseThrow();
        setAttributes(s);
        List<String> set = h.commit();
        String prefix = sessions.sessionCookie().name() + "=";
        for (String header : set) {
            if (header.startsWith(prefix)) {
                return header.substring(prefix.length(), header.indexOf(';'));
            }
        }
        throw new IllegalStateException("no session cookie was set: " + set);
    }

    /** The five attributes of every benchmarked session. */
    static void setAttributes(WebSession s) {
        s.setAttribute("visits", 41L);
        s.setAttribute("displayName", "Alice Example");
        s.setAttribute("roles", List.of("reader", "editor"));
        s.setAttribute("prefs", Map.of("theme", "dark", "lang", "en-GB"));
        s.setAttribute("beta", Boolean.TRUE);
    }

    private static String onFreshThread(java.util.concurrent.Callable<String> task) throws Exception {
        String[] out = new String[1];
        Exception[] failure = new Exception[1];
        Thread t = new Thread(() -> {
            try {
                out[0] = task.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return out[0];
    }

    /** Every case does what it claims: no reissue on a read, exactly one on a write, sessions found. */
    private void check() throws Exception {
        for (int i = 0; i < Fixtures.RING; i++) {
                for (WebSessions w : List.of(sessionsNoCheck, sessionsRedisCheck)) {
                    SessionHandle h = w.begin(requests[i]);
                    if (h.session().isEmpty() || !h.commit().isEmpty()) {
                        throw new IllegalStateException("a read without, or with Redis's, revocation check failed");
                    }
                }
                SessionHandle h = sessions.begin(requests[i]);
                WebSession s = h.session().orElseThrow(() -> new IllegalStateException("the session did not open"));
                if (!"Alice Example".equals(s.getAttribute("displayName")) || !h.commit().isEmpty()) {
                    throw new IllegalStateException("a read found the wrong session, or reissued it");
                }
                h = sessions.begin(requests[i]);
                s = h.session().orElseThrow();
                s.setAttribute("visits", 42L);
                if (h.commit().size() != 1) {
                    throw new IllegalStateException("a write did not reissue exactly one cookie");
                }
                ServletStubs.Response r = new ServletStubs.Response();
                filter.doFilter(new ServletStubs.Request(cookieHeaders[i]), r, READ);
                if (!r.setCookies.isEmpty()) {
                    throw new IllegalStateException("the filter reissued on a read");
                }
                r = new ServletStubs.Response();
                filter.doFilter(new ServletStubs.Request(cookieHeaders[i]), r, WRITE);
                if (r.setCookies.size() != 1) {
                    throw new IllegalStateException("the filter did not reissue exactly once on a write: " + r.setCookies);
                }
                if (!java.util.Arrays.equals(floorOpenAt(i), plaintexts[i])) {
                    throw new IllegalStateException("the floor does not open what it sealed");
                }
        }
    }

    /** What the application does with a session: reads its five attributes. */
    static int read(Object visits, Object name, Object roles, Object prefs, Object beta) {
        int n = 0;
        n += visits != null ? 1 : 0;
        n += name != null ? 1 : 0;
        n += roles != null ? 1 : 0;
        n += prefs != null ? 1 : 0;
        n += beta != null ? 1 : 0;
        if (n != 5) {
            throw new IllegalStateException("the session lost an attribute");
        }
        return n;
    }

    private static int read(WebSession s) {
        return read(s.getAttribute("visits"), s.getAttribute("displayName"), s.getAttribute("roles"),
                s.getAttribute("prefs"), s.getAttribute("beta"));
    }

    private static int read(HttpSession s) {
        return read(s.getAttribute("visits"), s.getAttribute("displayName"), s.getAttribute("roles"),
                s.getAttribute("prefs"), s.getAttribute("beta"));
    }

    /** The servlet below the filter: reads the session. */
    static final FilterChain READ = (req, res) -> read(((HttpServletRequest) req).getSession(false));

    /** The servlet below the filter: reads the session and counts a visit. */
    static final FilterChain WRITE = (req, res) -> {
        HttpSession s = ((HttpServletRequest) req).getSession(false);
        read(s);
        s.setAttribute("visits", (Long) s.getAttribute("visits") + 1);
    };

    @Benchmark
    public List<String> coreRead(Cursor cursor, Blackhole bh) {
        SessionHandle h = sessions.begin(requests[cursor.next()]);
        bh.consume(read(h.session().orElseThrow()));
        return h.commit();
    }

    /** Diagnostic: {@link #coreRead} with no revocation check (a store that knows nothing). */
    @Benchmark
    public List<String> coreReadNoCheck(Cursor cursor, Blackhole bh) {
        SessionHandle h = sessionsNoCheck.begin(requests[cursor.next()]);
        bh.consume(read(h.session().orElseThrow()));
        return h.commit();
    }

    /** Issue 12: {@link #coreRead} checked against wafer-redis's revocation store and its local cache. */
    @Benchmark
    public List<String> coreReadRedisCheck(Cursor cursor, Blackhole bh) {
        SessionHandle h = sessionsRedisCheck.begin(requests[cursor.next()]);
        bh.consume(read(h.session().orElseThrow()));
        return h.commit();
    }

    /** Diagnostic: the Cookie header parsed, and the session cookie's value found. */
    @Benchmark
    public List<String> cookieParse(Cursor cursor) {
        return CookieHeader.parse(cookieHeaders[cursor.next()]).get("__Host-session");
    }

    /** Diagnostic: the two hashes a revocation check computes (session id, user), SHA-256 each. */
    @Benchmark
    public void revocationHashes(Cursor cursor, Blackhole bh) {
        int i = cursor.next();
        bh.consume(Ids.hash(Ids.Kind.SESSION, sessionIds[i]));
        bh.consume(Ids.hash(Ids.Kind.USER, users[i]));
    }

    @Benchmark
    public List<String> coreReissue(Cursor cursor, Blackhole bh) {
        SessionHandle h = sessions.begin(requests[cursor.next()]);
        WebSession s = h.session().orElseThrow();
        bh.consume(read(s));
        s.setAttribute("visits", (Long) s.getAttribute("visits") + 1);
        return h.commit();
    }

    @Benchmark
    public List<String> filterRead(Cursor cursor) throws IOException, ServletException {
        ServletStubs.Response r = new ServletStubs.Response();
        filter.doFilter(new ServletStubs.Request(cookieHeaders[cursor.next()]), r, READ);
        return r.setCookies;
    }

    @Benchmark
    public List<String> filterReissue(Cursor cursor) throws IOException, ServletException {
        ServletStubs.Response r = new ServletStubs.Response();
        filter.doFilter(new ServletStubs.Request(cookieHeaders[cursor.next()]), r, WRITE);
        return r.setCookies;
    }

    @Benchmark
    public OpenedValue open(Cursor cursor) {
        return sealer.open(sessionValues[cursor.next()], context);
    }

    @Benchmark
    public String openSeal(Cursor cursor) {
        OpenedValue v = sealer.open(sessionValues[cursor.next()], context);
        return sealer.seal(v.bytes(), context, Duration.ofMinutes(30));
    }

    @Benchmark
    public byte[] floorOpen(Cursor cursor) throws GeneralSecurityException {
        return floorOpenAt(cursor.next());
    }

    private byte[] floorOpenAt(int i) throws GeneralSecurityException {
        byte[] in = Base64.getUrlDecoder().decode(floorValues[i]);
        Cipher c = floorCipher.get();
        c.init(Cipher.DECRYPT_MODE, floorKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        return c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    }

    /** A GET from a browser with one {@code Cookie} header. */
    static final class Request implements WebRequest {
        private final List<String> cookies;

        Request(String cookieHeader) {
            this.cookies = cookieHeader == null ? List.of() : List.of(cookieHeader);
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public List<String> cookieHeaders() {
            return cookies;
        }

        @Override
        public String header(String name) {
            return null;
        }

        @Override
        public String remoteAddress() {
            return "192.0.2.10";
        }

        @Override
        public String origin() {
            return "https://app.example";
        }

        @Override
        public String formField(String name) {
            return null;
        }
    }

}
