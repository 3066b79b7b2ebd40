package dev.wafer.benchmarks;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.WaferSessionFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 11's comparison: the same request served by embedded Jetty 12 (ee10) with a session
 * from wafer-web's filter, or from Jetty's own in-memory {@code HttpSession} (its
 * {@code SessionHandler}, {@code DefaultSessionCache} over a {@code NullSessionDataStore}: the
 * container's default), or with no session at all, the baseline that the other two add to.
 *
 * <p>In process and without a socket: Jetty's {@code LocalConnector} takes the raw request bytes
 * and runs Jetty's whole path (HTTP parsing, the handler chain, the servlet, the response). The
 * request is that of {@link WebSessionBenchmark}: a {@code Cookie} header of four cookies, one the
 * session ({@code JSESSIONID} for Jetty's); {@code read} reads the user and five attributes,
 * {@code write} also counts a visit (which reseals wafer-web's cookie). Requests cycle through
 * {@link Fixtures#RING} sessions made by {@code /login} in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContainerSessionBenchmark {
    @Param({"none", "wafer", "jetty"})
    public String session;

    private SessionApp.Running jetty;
    private String[] reads;
    private String[] writes;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        boolean wafer = session.equals("wafer");
        WaferSessionFilter filter = null;
        if (wafer) {
            CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
            // A fixed clock: no read of a long run falls due for the one-minute touch reissue.
            filter = new WaferSessionFilter(WebSessions.builder(sealer).clock(Clock.fixed(Instant.now(), ZoneOffset.UTC))
                    .build());
        }
        jetty = SessionApp.start(filter, session.equals("jetty"), true);
        reads = new String[Fixtures.RING];
        writes = new String[Fixtures.RING];
        for (int i = 0; i < Fixtures.RING; i++) {
            String cookie = "";
            if (!session.equals("none")) {
                String login = jetty.local().getResponse(request("/login?user=user" + i, ""));
                cookie = sessionCookie(login);
            }
            String header = WebSessionBenchmark.OTHER_COOKIES_BEFORE + cookie + WebSessionBenchmark.OTHER_COOKIES_AFTER;
            reads[i] = request("/read", header);
            writes[i] = request("/write", header);
            String r = jetty.local().getResponse(reads[i]);
            if (!r.startsWith("HTTP/1.1 200") || r.contains("Set-Cookie")) {
                throw new IllegalStateException(session + ": a read answered " + r);
            }
        }
    }

    private static String request(String path, String cookieHeader) {
        return "GET " + path + " HTTP/1.1\r\nHost: app.example\r\n"
                + (cookieHeader.isEmpty() ? "" : "Cookie: " + cookieHeader + "\r\n") + "\r\n";
    }

    /** {@code name=value} of the session cookie a login set. */
    private static String sessionCookie(String response) {
        for (String line : response.split("\r\n")) {
            if (line.regionMatches(true, 0, "Set-Cookie: ", 0, 12)) {
                String pair = line.substring(12, line.indexOf(';') < 0 ? line.length() : line.indexOf(';'));
                if (pair.startsWith("__Host-session=") || pair.startsWith("JSESSIONID=")) {
                    return pair;
                }
            }
        }
        throw new IllegalStateException("no session cookie in " + response);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        jetty.close();
    }

    @Benchmark
    public String read(Cursor cursor) throws Exception {
        return jetty.local().getResponse(reads[cursor.next()]);
    }

    @Benchmark
    public String write(Cursor cursor) throws Exception {
        return jetty.local().getResponse(writes[cursor.next()]);
    }

}
