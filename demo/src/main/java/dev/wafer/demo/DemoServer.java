package dev.wafer.demo;

import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The web demo on embedded Jetty 12 (ee10, Servlet 6.0), on {@code 127.0.0.1} only.
 *
 * <pre>
 * mvn -B -q -pl demo -am -DskipTests package exec:java                     # http://127.0.0.1:8080/
 * java -cp ... dev.wafer.demo.DemoServer [port [working-directory]]
 * </pre>
 *
 * <p>Plain HTTP is enough on loopback: browsers treat {@code http://127.0.0.1} as secure, so they
 * keep and send the {@code Secure}, {@code __Host-} session cookie. Anywhere else, serve HTTPS.
 */
public final class DemoServer implements AutoCloseable {
    /** The working directory when none is given: the system property, else {@code wafer-demo}. */
    static final String DIR_PROPERTY = "wafer.demo.dir";

    private final DemoApp app;
    private final Server server;
    private final ServerConnector connector;

    private DemoServer(DemoApp app, Server server, ServerConnector connector) {
        this.app = app;
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the demo.
     *
     * @param port the port on 127.0.0.1; 0 for any free one
     * @param workDir the working directory, which holds the key file
     * @return the running server
     * @throws Exception if the key file cannot be made or read, or Jetty does not start
     */
    public static DemoServer start(int port, Path workDir) throws Exception {
        DemoApp app = DemoApp.open(workDir);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        // No container sessions at all: the session is the sealed cookie.
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(app.filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        app.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            } finally {
                app.close();
            }
            throw e;
        }
        return new DemoServer(app, server, connector);
    }

    /**
     * The base URL, without a trailing slash.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /**
     * The application it serves.
     *
     * @return the application
     */
    public DemoApp app() {
        return app;
    }

    /**
     * Stops Jetty and the key file's polling.
     *
     * @throws IllegalStateException if Jetty does not stop cleanly
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            app.close();
        }
    }

    /**
     * Runs the demo until the process ends.
     *
     * @param args the port (8080 by default; 0 for any free one), then the working directory
     * @throws Exception if it does not start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty(DIR_PROPERTY, "wafer-demo"));
        DemoServer demo = start(port, dir);
        System.out.println("Wafer web demo: " + demo.url() + "/  (key file " + demo.app.keyFile().toAbsolutePath()
                + "; Ctrl-C stops it)");
        demo.server.join();
    }
}
