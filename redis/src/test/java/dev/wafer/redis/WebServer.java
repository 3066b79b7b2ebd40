package dev.wafer.redis;

import dev.wafer.CookieSealer;
import dev.wafer.web.ReloadingSealer;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.SessionStore;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebSession;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.WaferSessionFilter;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One application server as a deployment runs it: embedded Jetty, wafer-web's filter, sealing keys
 * from a key file shared with the other servers, and its own connection to the shared Redis
 * ({@link WaferRedis}), with revocations and overflow sessions there. Its pages:
 *
 * <pre>
 * /login?user=U[&amp;remember=1]   signs U in                        200 ok
 * /me                            who is signed in                  200 user:U, or 401 anonymous
 * /visit                         a session write: visits + 1       200 visits:N, or 401
 * /put?bytes=N&amp;seed=S           an attribute of N characters     200 blob:HASH, or 401
 * /get                           that attribute's hash             200 blob:HASH or blob:none, or 401
 * /logout, /logout-everywhere    sign out here, or everywhere      200 ok, or 401
 * </pre>
 */
final class WebServer implements AutoCloseable {
    final WaferRedis redis;
    final ReloadingSealer sealer;
    final WebSessions sessions;
    private final Server jetty;
    final int port;

    private WebServer(WaferRedis redis, ReloadingSealer sealer, WebSessions sessions, Server jetty, int port) {
        this.redis = redis;
        this.sealer = sealer;
        this.sessions = sessions;
        this.jetty = jetty;
        this.port = port;
    }

    /** Fail-closed revocations and overflow sessions on the shared Redis, then the caller's settings. */
    static WebServer start(Path keyFile, WaferRedis.Builder redisBuilder, StoreFailure onFailure,
                           UnaryOperator<WebSessions.Builder> settings) throws Exception {
        WaferRedis redis = redisBuilder.build();
        ReloadingSealer sealer = ReloadingSealer.watch(keyFile, null, keys -> CookieSealer.builder(keys).build(), null);
        try {
            WebSessions sessions = settings.apply(WebSessions.builder(sealer)
                    .revocationStore(redis.revocationStore(), onFailure)
                    .sessionStore(redis.sessionStore(), SessionStore.Mode.OVERFLOW)).build();
            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("jetty-" + keyFile.getFileName());
            Server jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
            context.setContextPath("/");
            context.addFilter(new FilterHolder(new WaferSessionFilter(sessions)), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new App()), "/*");
            jetty.setHandler(context);
            jetty.start();
            return new WebServer(redis, sealer, sessions, jetty, connector.getLocalPort());
        } catch (Exception | Error e) {
            sealer.close();
            redis.close();
            throw e;
        }
    }

    /** A deterministic string of n characters, and its hash, so that a reader can check what a writer wrote. */
    static String blob(int n, long seed) {
        StringBuilder b = new StringBuilder(n);
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b.append((char) ('a' + (int) ((x >>> 33) % 26)));
        }
        return b.toString();
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pages. */
    static final class App extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            SessionHandle web = WaferSessions.of(req);
            String path = req.getRequestURI();
            if (path.equals("/login")) {
                web.login(req.getParameter("user"), "1".equals(req.getParameter("remember")));
                answer(res, 200, "ok");
                return;
            }
            String user = web.user().orElse(null);
            if (user == null) {
                answer(res, 401, "anonymous");
                return;
            }
            WebSession session = web.session().orElseThrow();
            switch (path) {
                case "/me":
                    answer(res, 200, "user:" + user);
                    return;
                case "/visit": {
                    Long visits = (Long) session.getAttribute("visits");
                    long next = visits == null ? 1 : visits + 1;
                    session.setAttribute("visits", next);
                    answer(res, 200, "visits:" + next);
                    return;
                }
                case "/put": {
                    String blob = blob(Integer.parseInt(req.getParameter("bytes")), Long.parseLong(req.getParameter("seed")));
                    session.setAttribute("blob", blob);
                    answer(res, 200, "blob:" + hash(blob));
                    return;
                }
                case "/get": {
                    Object blob = session.getAttribute("blob");
                    answer(res, 200, "blob:" + (blob == null ? "none" : hash((String) blob)));
                    return;
                }
                case "/logout":
                    web.logout();
                    answer(res, 200, "ok");
                    return;
                case "/logout-everywhere":
                    web.logoutEverywhere();
                    answer(res, 200, "ok");
                    return;
                default:
                    answer(res, 404, "not found");
            }
        }

        private static void answer(HttpServletResponse res, int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            res.setStatus(status);
            res.setContentType("text/plain;charset=UTF-8");
            res.setContentLength(b.length);
            res.getOutputStream().write(b);
        }
    }

    /** Stops Jetty and this server's connection to Redis, as a server that shuts down. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        } finally {
            sealer.close();
            redis.close();
        }
    }
}
