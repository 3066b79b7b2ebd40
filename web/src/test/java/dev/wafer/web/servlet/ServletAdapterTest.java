package dev.wafer.web.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.Wafer;
import dev.wafer.web.JwksPublisher;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.WebSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Servlet adapter piece by piece, over plain fakes of the Servlet interfaces (the container
 * suite runs it in real Jetty and Tomcat): when the cookies are written, what the request and the
 * session report, how the origin is spelled.
 */
class ServletAdapterTest {
    private final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
    private final WebSessions sessions = WebSessions.builder(sealer).build();

    /** A request: headers, attributes, parameters, the server's scheme, name and port. */
    static final class FakeRequest {
        final Map<String, List<String>> headers = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> parameters = new HashMap<>();
        String method = "GET";
        String scheme = "https";
        String serverName = "app.example";
        int port = 443;
        String contentType;

        FakeRequest header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (p, m, args) -> {
                        switch (m.getName()) {
                            case "getMethod":
                                return method;
                            case "getHeaders":
                                return Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(java.util.Locale.ROOT),
                                        List.of()));
                            case "getHeader":
                                List<String> h = headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                                return h == null ? null : h.get(0);
                            case "getRemoteAddr":
                                return "192.0.2.1";
                            case "getScheme":
                                return scheme;
                            case "getServerName":
                                return serverName;
                            case "getServerPort":
                                return port;
                            case "getContentType":
                                return contentType;
                            case "getParameter":
                                return parameters.get((String) args[0]);
                            case "getAttribute":
                                return attributes.get((String) args[0]);
                            case "setAttribute":
                                attributes.put((String) args[0], args[1]);
                                return null;
                            case "getRemoteUser":
                            case "getUserPrincipal":
                            case "getServletContext":
                                return null;
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }
    }

    /** A response that commits when its buffer of {@code bufferSize} bytes overflows, as containers do. */
    static final class FakeResponse {
        final List<String> headers = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int bufferSize = 16;
        boolean committed;
        int status = 200;

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                    events.add("listener");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                    committed |= body.size() > bufferSize;
                }
            };
            StringWriter chars = new StringWriter() {
                @Override
                public void write(String s, int off, int len) {
                    super.write(s, off, len);
                    body.writeBytes(s.substring(off, off + len).getBytes(StandardCharsets.UTF_8));
                    committed |= body.size() > bufferSize;
                }

                @Override
                public void write(int c) {
                    write(String.valueOf((char) c), 0, 1);
                }

                @Override
                public void write(char[] cbuf, int off, int len) {
                    write(new String(cbuf, off, len), 0, len);
                }
            };
            PrintWriter writer = new PrintWriter(chars);
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (p, m, args) -> {
                        switch (m.getName()) {
                            case "addHeader":
                                if (!committed) {
                                    headers.add(args[0] + ": " + args[1]);
                                }
                                return null;
                            case "setHeader":
                                headers.add(args[0] + ": " + args[1]);
                                return null;
                            case "isCommitted":
                                return committed;
                            case "getOutputStream":
                                return out;
                            case "getWriter":
                                return writer;
                            case "flushBuffer":
                            case "sendRedirect":
                            case "sendError":
                                events.add(m.getName() + (args == null ? "" : " " + java.util.Arrays.toString(args)));
                                committed = true;
                                return null;
                            case "setStatus":
                                status = (Integer) args[0];
                                return null;
                            case "setContentType":
                            case "setContentLength":
                                return null;
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }

        boolean cookieSet() {
            return headers.stream().anyMatch(h -> h.startsWith("Set-Cookie: __Host-session="));
        }
    }

    /** Runs the filter with a servlet body; returns the handle the servlet saw. */
    private SessionHandle filter(FakeRequest req, FakeResponse res, Servlet servlet) throws Exception {
        AtomicReference<SessionHandle> seen = new AtomicReference<>();
        FilterChain chain = (rq, rs) -> {
            seen.set(WaferSessions.of(rq));
            try {
                servlet.run((HttpServletRequest) rq, (HttpServletResponse) rs);
            } catch (java.io.IOException | RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new jakarta.servlet.ServletException(e);
            }
        };
        new WaferSessionFilter(sessions).doFilter(req.proxy(), res.proxy(), chain);
        return seen.get();
    }

    interface Servlet {
        void run(HttpServletRequest req, HttpServletResponse res) throws Exception;
    }

    @Test
    void theCookieIsWrittenBeforeTheFirstByteOfEveryKindOfBody() throws Exception {
        List<Servlet> bodies = List.of(
                (q, s) -> s.getOutputStream().write(new byte[100]),
                (q, s) -> s.getOutputStream().write(7),
                (q, s) -> s.getWriter().print("x".repeat(100)),
                (q, s) -> s.getWriter().write('x'),
                (q, s) -> s.getWriter().write(new char[100], 0, 100),
                (q, s) -> s.getWriter().flush(),
                (q, s) -> s.getWriter().close(),
                (q, s) -> s.getOutputStream().flush(),
                (q, s) -> s.getOutputStream().close(),
                (q, s) -> s.flushBuffer(),
                (q, s) -> s.sendError(500),
                (q, s) -> s.sendError(500, "no"),
                (q, s) -> s.sendRedirect("/x"));
        for (Servlet body : bodies) {
            FakeResponse res = new FakeResponse();
            filter(new FakeRequest(), res, (q, s) -> {
                q.getSession().setAttribute("a", 1);
                body.run(q, s);
            });
            assertTrue(res.cookieSet(), "the cookie reached the client: " + res.headers + " " + res.events);
        }
        FakeResponse none = new FakeResponse();
        filter(new FakeRequest(), none, (q, s) -> q.getSession().setAttribute("a", 1));
        assertTrue(none.cookieSet(), "no body at all: written when the filter ends");
        FakeResponse same = new FakeResponse();
        filter(new FakeRequest(), same, (q, s) -> {
            q.getSession().setAttribute("a", 1);
            s.getWriter().print("x");
            s.getWriter().print("y");
            assertSame(s.getWriter(), s.getWriter());
            assertSame(s.getOutputStream(), s.getOutputStream());
            s.getOutputStream().setWriteListener(null);
            assertTrue(s.getOutputStream().isReady());
        });
        assertEquals(1, same.headers.size(), "once: " + same.headers);
        assertTrue(same.events.contains("listener"), "the write listener reaches the container's stream");
    }

    @Test
    void theRequestBelowTheFilterReportsTheSealedSession() throws Exception {
        FakeResponse res = new FakeResponse();
        filter(new FakeRequest(), res, (q, s) -> {
            assertNull(q.getSession(false));
            HttpSession session = q.getSession();
            assertSame(session, q.getSession(true));
            assertSame(session, q.getSession(false));
            assertTrue(session.isNew());
            session.setAttribute("n", 1);
            assertEquals(1L, session.getAttribute("n"));
            assertEquals(List.of("n"), Collections.list(session.getAttributeNames()));
            assertEquals(1800, session.getMaxInactiveInterval());
            session.setMaxInactiveInterval(1800);
            assertThrows(UnsupportedOperationException.class, () -> session.setMaxInactiveInterval(60));
            assertTrue(session.getCreationTime() > 0 && session.getLastAccessedTime() == session.getCreationTime());
            assertNull(session.getServletContext());
            assertTrue(session.toString().startsWith("WebSession["));
            assertNull(q.getRequestedSessionId());
            assertFalse(q.isRequestedSessionIdValid() || q.isRequestedSessionIdFromCookie() || q.isRequestedSessionIdFromURL());
            String id = session.getId();
            assertEquals(id.length(), q.changeSessionId().length());
            assertFalse(id.equals(session.getId()), "the same HttpSession reports its new id");
            assertNull(q.getRemoteUser());
            assertNull(q.getUserPrincipal());
            WaferSessions.of(q).login("alice", false);
            assertEquals("alice", q.getRemoteUser());
            assertEquals("alice", q.getUserPrincipal().getName());
            assertEquals("WaferUser[alice]", q.getUserPrincipal().toString());
            session.removeAttribute("n");
            assertNull(session.getAttribute("n"));
            session.invalidate();
            assertNull(q.getSession(false));
            assertThrows(IllegalStateException.class, q::changeSessionId);
        });
        assertTrue(res.headers.stream().anyMatch(h -> h.contains("Max-Age=0")), "the invalidated session's cookie is cleared");
        FakeRequest plain = new FakeRequest();
        assertThrows(IllegalStateException.class, () -> WaferSessions.of(plain.proxy()));
    }

    @Test
    void anErrorDispatchWithinTheRequestKeepsTheSealedSessionAndNeverTheContainers() throws Exception {
        FakeRequest req = new FakeRequest();
        AtomicReference<String> id = new AtomicReference<>();
        SessionHandle first = filter(req, new FakeResponse(), (q, s) -> id.set(q.getSession().getId()));
        // The container dispatches its error page with its own request again, the filter's attribute on it;
        // the fake request fails if its own getSession is called, as the container's would make a JSESSIONID.
        AtomicReference<String> seen = new AtomicReference<>();
        new WaferSessionFilter(sessions).doFilter(req.proxy(), new FakeResponse().proxy(), (rq, rs) -> {
            assertSame(first, WaferSessions.of(rq));
            seen.set(((HttpServletRequest) rq).getSession(false).getId());
        });
        assertEquals(id.get(), seen.get());
    }

    @Test
    void aRequestThatFailsItsCsrfCheckGetsA403AndGoesNoFurther() throws Exception {
        FakeRequest post = new FakeRequest();
        post.method = "POST";
        FakeResponse res = new FakeResponse();
        SessionHandle reached = filter(post, res, (q, s) -> {
            throw new AssertionError("the servlet must not run");
        });
        assertNull(reached);
        assertEquals(403, res.status);
        assertEquals("403 Forbidden: CSRF check failed (MISSING_TOKEN)\n", res.body.toString(StandardCharsets.UTF_8));
        assertTrue(post.attributes.get(WaferSessions.CSRF_FAILURE_ATTRIBUTE) instanceof dev.wafer.web.CsrfException);
        // A form field is read only from a URL-encoded body.
        FakeRequest json = new FakeRequest();
        json.method = "POST";
        json.contentType = "application/json";
        json.parameters.put("_csrf", "anything");
        FakeResponse r2 = new FakeResponse();
        filter(json, r2, (q, s) -> {
        });
        assertEquals("403 Forbidden: CSRF check failed (MISSING_TOKEN)\n", r2.body.toString(StandardCharsets.UTF_8));
        FakeRequest form = new FakeRequest();
        form.method = "POST";
        form.contentType = "Application/X-WWW-Form-Urlencoded; charset=UTF-8";
        form.parameters.put("_csrf", "not-a-token");
        FakeResponse r3 = new FakeResponse();
        filter(form, r3, (q, s) -> {
        });
        assertEquals("403 Forbidden: CSRF check failed (BAD_TOKEN)\n", r3.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOriginIsSpelledAsBrowsersSpellIt() throws Exception {
        Object[][] cases = {
            {"https", "app.example", 443, "https://app.example"},
            {"http", "app.example", 80, "http://app.example"},
            {"HTTP", "app.example", 8080, "http://app.example:8080"},
            {"https", "app.example", 80, "https://app.example:80"},
            {"http", "app.example", 443, "http://app.example:443"},
            {"https", "::1", 8443, "https://[::1]:8443"},
            {"https", "[::1]", 443, "https://[::1]"},
            {"http", "127.0.0.1", -1, "http://127.0.0.1"},
        };
        for (Object[] c : cases) {
            FakeRequest r = new FakeRequest();
            r.scheme = (String) c[0];
            r.serverName = (String) c[1];
            r.port = (Integer) c[2];
            assertEquals(c[3], new ServletWebRequest(r.proxy()).origin());
        }
        FakeRequest r = new FakeRequest().header("Cookie", "a=1").header("Cookie", "b=2");
        r.method = "post";
        ServletWebRequest w = new ServletWebRequest(r.proxy());
        assertEquals("POST", w.method());
        assertEquals(List.of("a=1", "b=2"), w.cookieHeaders());
        assertEquals("192.0.2.1", w.remoteAddress());
        assertNull(w.formField("_csrf"));
    }

    @Test
    void theJwksServletAnswersWithThePublishersHeaders() throws Exception {
        SigningKeySet keys = SigningKeySet.generate();
        JwksServlet servlet = new JwksServlet(JwksPublisher.of(keys::publicKeys, Duration.ofMinutes(5)));
        FakeResponse res = new FakeResponse();
        res.bufferSize = 1 << 20;
        java.lang.reflect.Method doGet = JwksServlet.class.getDeclaredMethod("doGet", HttpServletRequest.class, HttpServletResponse.class);
        doGet.setAccessible(true);
        doGet.invoke(servlet, new FakeRequest().proxy(), res.proxy());
        assertEquals(200, res.status);
        assertTrue(res.headers.contains("Cache-Control: public, max-age=300"), res.headers.toString());
        assertEquals(keys.publicKeys().toJwkSet(), res.body.toString(StandardCharsets.UTF_8));
        String etag = res.headers.stream().filter(h -> h.startsWith("ETag: ")).findFirst().orElseThrow().substring(6);
        FakeResponse notModified = new FakeResponse();
        doGet.invoke(servlet, new FakeRequest().header("If-None-Match", etag).proxy(), notModified.proxy());
        assertEquals(304, notModified.status);
        assertEquals(0, notModified.body.size());
    }
}
