package dev.wafer.benchmarks;

import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The application every session benchmark serves, on embedded Jetty 12 (ee10), whatever keeps its
 * sessions: a filter in front (wafer-web's, Spring Session's) or Jetty's own {@code HttpSession}.
 * It only uses the Servlet API, so that the same code runs over every kind of session.
 *
 * <pre>
 * /login?user=U   signs U in: the user and five attributes      200 ok
 * /read           reads the user and the five attributes         200 ok, or 401
 * /write          the same, then counts a visit (a session write) 200 ok, or 401
 * </pre>
 */
final class SessionApp extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANONYMOUS = "anonymous".getBytes(StandardCharsets.US_ASCII);

    /** The baseline: pages answer without looking for a session. */
    private final boolean sessionless;

    private SessionApp(boolean sessionless) {
        this.sessionless = sessionless;
    }

    /** A started Jetty and how to reach it. */
    record Running(Server server, int port, LocalConnector local) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /**
     * Jetty serving this application behind {@code filter} (none if null), with Jetty's own
     * in-memory sessions if {@code containerSessions}; on a loopback port, or in process
     * ({@link LocalConnector}, no socket) if {@code local}. With neither a filter nor container
     * sessions, the pages answer 200 without asking for a session: the baseline.
     */
    static Running start(Filter filter, boolean containerSessions, boolean local) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("bench-jetty");
        Server server = new Server(threads);
        Connector connector = local ? new LocalConnector(server) : new ServerConnector(server);
        if (connector instanceof ServerConnector sc) {
            sc.setHost("127.0.0.1");
            sc.setPort(0);
        }
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(
                containerSessions ? ServletContextHandler.SESSIONS : ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new SessionApp(filter == null && !containerSessions)), "/*");
        server.setHandler(context);
        server.start();
        return new Running(server, connector instanceof ServerConnector sc ? sc.getLocalPort() : -1,
                local ? (LocalConnector) connector : null);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI();
        if (sessionless) {
            answer(res, 200, OK);
            return;
        }
        if (path.equals("/login")) {
            String user = req.getParameter("user");
            HttpSession session;
            if (req.getAttribute(WaferSessions.ATTRIBUTE) != null) {
                WaferSessions.of(req).login(user, false); // the user is the sealed session's own
                session = req.getSession();
            } else {
                session = req.getSession(true);
                req.changeSessionId();
                session.setAttribute("user", user);
            }
            session.setAttribute("visits", 41L);
            session.setAttribute("displayName", "Alice Example");
            session.setAttribute("roles", List.of("reader", "editor"));
            session.setAttribute("prefs", Map.of("theme", "dark", "lang", "en-GB"));
            session.setAttribute("beta", Boolean.TRUE);
            answer(res, 200, OK);
            return;
        }
        HttpSession session = req.getSession(false);
        String user = session == null ? null : req.getRemoteUser() != null ? req.getRemoteUser()
                : (String) session.getAttribute("user");
        if (user == null) {
            answer(res, 401, ANONYMOUS);
            return;
        }
        WebSessionBenchmark.read(session.getAttribute("visits"), session.getAttribute("displayName"),
                session.getAttribute("roles"), session.getAttribute("prefs"), session.getAttribute("beta"));
        if (path.equals("/write")) {
            session.setAttribute("visits", ((Number) session.getAttribute("visits")).longValue() + 1);
        } else if (!path.equals("/read")) {
            answer(res, 404, ANONYMOUS);
            return;
        }
        answer(res, 200, OK);
    }

    private static void answer(HttpServletResponse res, int status, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain;charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
