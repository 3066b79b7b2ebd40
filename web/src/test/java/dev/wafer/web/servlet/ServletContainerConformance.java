package dev.wafer.web.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.ValueTooLargeException;
import dev.wafer.Wafer;
import dev.wafer.web.WebSessions;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter in a real container, over real HTTP on loopback: the same suite on embedded Jetty
 * (ee10, Servlet 6.0) and embedded Tomcat (Servlet 6.1).
 */
public abstract class ServletContainerConformance {
    /** Container sessions created by anything: the filter must keep this at 0. */
    public static final AtomicInteger CONTAINER_SESSIONS = new AtomicInteger();

    /** Counts the container's own sessions. */
    public static final class CountingListener implements HttpSessionListener {
        @Override
        public void sessionCreated(HttpSessionEvent se) {
            CONTAINER_SESSIONS.incrementAndGet();
        }
    }

    /** Starts the container with the filter on /* and the servlets; returns its base URL. */
    protected abstract String start(Filter filter, Map<String, HttpServlet> servlets) throws Exception;

    protected abstract void stop() throws Exception;

    private String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A cookie jar, as the browser keeps it (the real browser runs in the demo's Selenium suite). */
    private final Map<String, String> jar = new LinkedHashMap<>();

    static final class Servlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Handler handler;

        interface Handler {
            void handle(HttpServletRequest req, HttpServletResponse res) throws IOException;
        }

        Servlet(Handler handler) {
            this.handler = handler;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            handler.handle(req, res);
        }
    }

    @BeforeEach
    void startContainer() throws Exception {
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
        WebSessions sessions = WebSessions.builder(sealer).build();
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put("/counter", new Servlet((req, res) -> {
            HttpSession s = req.getSession();
            Long n = (Long) s.getAttribute("n");
            s.setAttribute("n", n == null ? 1 : n + 1);
            res.setContentType("text/plain");
            res.getWriter().print("n=" + s.getAttribute("n") + " user=" + req.getRemoteUser());
        }));
        servlets.put("/form", new Servlet((req, res) -> {
            res.setContentType("text/plain");
            res.getWriter().print(req.getMethod().equals("POST") ? "accepted" : WaferSessions.csrfToken(req).value());
        }));
        servlets.put("/login", new Servlet((req, res) -> {
            WaferSessions.of(req).login(req.getParameter("user"), "on".equals(req.getParameter("remember")));
            res.sendRedirect("/counter");
        }));
        servlets.put("/logout", new Servlet((req, res) -> {
            WaferSessions.of(req).logout();
            res.setStatus(204);
        }));
        servlets.put("/big", new Servlet((req, res) -> {
            req.getSession().setAttribute("big", "body");
            res.setContentType("application/octet-stream");
            res.getOutputStream().write(new byte[200_000]);
        }));
        servlets.put("/late", new Servlet((req, res) -> {
            res.getWriter().print("x".repeat(100_000));
            try {
                req.getSession().setAttribute("late", "yes");
                res.getWriter().print("lost");
            } catch (IllegalStateException e) {
                res.getWriter().print("refused");
            }
        }));
        servlets.put("/error", new Servlet((req, res) -> {
            req.getSession().setAttribute("error", "kept");
            res.sendError(403);
        }));
        servlets.put("/redirect", new Servlet((req, res) -> {
            req.getSession().setAttribute("redirect", "kept");
            res.sendRedirect("/counter");
        }));
        servlets.put("/flush", new Servlet((req, res) -> {
            req.getSession().setAttribute("flush", "kept");
            res.flushBuffer();
        }));
        servlets.put("/oversized", new Servlet((req, res) -> {
            try {
                req.getSession().setAttribute("huge", "x".repeat(5000));
                res.getWriter().print("stored");
            } catch (ValueTooLargeException e) {
                res.setStatus(413);
                res.getWriter().print("refused " + e.cookieBytes());
            }
        }));
        servlets.put("/read", new Servlet((req, res) -> {
            HttpSession s = req.getSession(false);
            res.getWriter().print(s == null ? "none" : String.valueOf(s.getAttribute(req.getParameter("name"))));
        }));
        CONTAINER_SESSIONS.set(0);
        base = start(new WaferSessionFilter(sessions), servlets);
    }

    @AfterEach
    void stopContainer() throws Exception {
        stop();
        assertEquals(0, CONTAINER_SESSIONS.get(), "the container never created a session of its own");
    }

    private HttpResponse<String> send(String method, String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (!jar.isEmpty()) {
            b.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        headers.forEach(b::header);
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.headers().allValues("Set-Cookie")) {
            String pair = line.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return r;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, Map.of());
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    @Test
    void theSessionLivesInOneStrictCookieAndOnlyThere() throws Exception {
        HttpResponse<String> first = get("/counter");
        assertEquals("n=1 user=null", first.body());
        List<String> set = first.headers().allValues("Set-Cookie");
        assertEquals(1, set.size(), set.toString());
        assertTrue(set.get(0).startsWith("__Host-session="), set.get(0));
        assertTrue(set.get(0).contains("Secure") && set.get(0).contains("HttpOnly") && set.get(0).contains("SameSite=Lax"), set.get(0));
        assertFalse(set.get(0).contains("JSESSIONID"));
        assertEquals("n=2 user=null", get("/counter").body());
        assertEquals("n=3 user=null", get("/counter").body());
        assertEquals("3", get("/read?name=n").body());
        assertTrue(get("/read?name=n").headers().allValues("Set-Cookie").isEmpty(), "a read does not reissue the cookie");
    }

    @Test
    void aFormPostNeedsItsTokenAndSigningInWorksBehindIt() throws Exception {
        String token = get("/form").body();
        HttpResponse<String> refused = send("POST", "/form", form("a", "b"), Map.of());
        assertEquals(403, refused.statusCode());
        assertEquals("403 Forbidden: CSRF check failed (MISSING_TOKEN)\n", refused.body());
        assertEquals("accepted", send("POST", "/form", form("_csrf", token), Map.of()).body());
        assertEquals("accepted", send("POST", "/form", null, Map.of("X-CSRF-Token", token)).body());
        assertEquals(403, send("POST", "/form", form("_csrf", token), Map.of("Origin", "https://evil.example")).statusCode());
        HttpResponse<String> login = send("POST", "/login", form("_csrf", token, "user", "alice", "remember", "on"), Map.of());
        assertEquals(302, login.statusCode());
        assertTrue(jar.containsKey("__Host-remember"));
        assertEquals("n=1 user=alice", get("/counter").body());
        String next = get("/form").body();
        assertEquals(204, send("POST", "/logout", null, Map.of("X-CSRF-Token", next)).statusCode());
        assertTrue(jar.isEmpty(), jar.keySet().toString());
        assertEquals("n=1 user=null", get("/counter").body());
    }

    @Test
    void theCookieIsSetBeforeTheResponseCommitsWhicheverWayItCommits() throws Exception {
        HttpResponse<String> big = get("/big");
        assertEquals(200_000, big.body().length());
        assertEquals(1, big.headers().allValues("Set-Cookie").size(), "a 200 KB body commits early: the cookie is already set");
        assertEquals("body", get("/read?name=big").body());
        assertEquals(403, get("/error").statusCode());
        assertEquals("kept", get("/read?name=error").body());
        assertEquals(302, get("/redirect").statusCode());
        assertEquals("kept", get("/read?name=redirect").body());
        get("/flush");
        assertEquals("kept", get("/read?name=flush").body());
        HttpResponse<String> late = get("/late");
        assertTrue(late.body().endsWith("refused"), "a change after the body started is refused, not lost silently");
    }

    @Test
    void anOversizedSessionIsRefusedNotTruncated() throws Exception {
        get("/counter");
        HttpResponse<String> r = get("/oversized");
        assertEquals(413, r.statusCode());
        assertTrue(r.body().startsWith("refused "), r.body());
        assertEquals("null", get("/read?name=huge").body());
        assertEquals("1", get("/read?name=n").body(), "the rest of the session is intact");
    }

    @Test
    void aBadCookieIsAnAnonymousRequestNeverAnError() throws Exception {
        for (String bad : List.of("garbage", "A".repeat(4000), "%00", "\"x\"")) {
            jar.clear();
            jar.put("__Host-session", bad);
            HttpResponse<String> r = get("/read?name=n");
            assertEquals(200, r.statusCode(), bad);
            assertEquals("none", r.body());
            assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(l -> l.startsWith("__Host-session=;")),
                    "the bad cookie is cleared");
        }
        assertNull(jar.get("__Host-session"));
    }
}
