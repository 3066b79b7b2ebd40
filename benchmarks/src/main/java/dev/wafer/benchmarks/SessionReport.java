package dev.wafer.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the session benchmarks of issues 11 and 12 ({@link WebSessionBenchmark},
 * {@link ContainerSessionBenchmark}, {@link SessionServerBenchmark}) and writes their section of
 * {@code docs/benchmarks.md}: everything from {@link #MARKER} to the end, which {@link Report}
 * keeps when it rewrites the rest of the page.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar dev.wafer.benchmarks.SessionReport quick|full [--out=DIR]
 * </pre>
 *
 * <p>{@code quick}: 1 fork × (3 warmup + 5 measurement iterations of 1 s) per case, about 8 minutes on
 * 2 cores. {@code full}: 2 forks, about 15 minutes. {@code smoke} (the build's test): in process, one
 * 10 ms iteration per case, to keep the benchmarks running.
 */
public final class SessionReport {
    /** Where the sessions' section of docs/benchmarks.md begins; it runs to the end of the page. */
    static final String MARKER = "<!-- sessions: from here to the end, written by dev.wafer.benchmarks.SessionReport -->";
    /** Clients of the throughput runs of {@link SessionServerBenchmark}. */
    static final int CLIENTS = 4;

    record Mode(String name, int forks, int warmups, int iterations, long iterationMillis) {
    }

    static final Mode SMOKE = new Mode("smoke", 0, 0, 1, 10);
    static final Mode QUICK = new Mode("quick", 1, 3, 5, 1000);
    static final Mode FULL = new Mode("full", 2, 3, 5, 1000);

    record Run(Class<?> benchmark, int threads) {
    }

    private SessionReport() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Mode mode = null;
        Path out = null;
        for (String a : args) {
            if (a.equals("quick") || a.equals("full")) {
                mode = a.equals("quick") ? QUICK : FULL;
            } else if (a.startsWith("--out=")) {
                out = Paths.get(a.substring(6));
            } else {
                mode = null;
                break;
            }
        }
        if (mode == null) {
            System.err.println("usage: java -cp benchmarks/target/benchmarks.jar dev.wafer.benchmarks.SessionReport "
                    + "quick|full [--out=DIR]");
            System.exit(2);
            return;
        }
        if (out == null) {
            out = !Files.isDirectory(Paths.get("docs")) && Files.isDirectory(Paths.get("..", "docs")) ? Paths.get("..", "docs")
                    : Paths.get("docs");
        }
        List<Measurement> results = run(mode, out, "java -cp benchmarks/target/benchmarks.jar "
                + SessionReport.class.getName() + " " + String.join(" ", args));
        System.exit(results == null ? 1 : 0);
    }

    static List<Run> plan(Mode mode) {
        List<Run> runs = new ArrayList<>(List.of(new Run(WebSessionBenchmark.class, 1),
                new Run(ContainerSessionBenchmark.class, 1), new Run(SessionServerBenchmark.class, 1)));
        if (mode != SMOKE) {
            runs.add(new Run(SessionServerBenchmark.class, CLIENTS));
        }
        return runs;
    }

    /** Runs every case and writes the section into {@code out/benchmarks.md}; null if a case produced nothing. */
    static List<Measurement> run(Mode mode, Path out, String command) throws RunnerException, IOException {
        Instant start = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Measurement> results = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        String jdk = System.getProperty("java.version");
        for (Run r : plan(mode)) {
            ChainedOptionsBuilder b = new OptionsBuilder()
                    .include("^" + r.benchmark().getName().replace(".", "\\.") + "\\.")
                    .threads(r.threads())
                    .addProfiler(GCProfiler.class)
                    .forks(mode.forks())
                    .warmupIterations(mode.warmups())
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(mode.iterations())
                    .measurementTime(TimeValue.milliseconds(mode.iterationMillis()))
                    .shouldFailOnError(mode == SMOKE)
                    .verbosity(mode == SMOKE ? VerboseMode.SILENT : VerboseMode.NORMAL);
            if (mode != SMOKE) {
                b.jvmArgs(Report.FORK_JVM_ARGS.toArray(new String[0]));
            }
            Collection<RunResult> got = new Runner(b.build()).run();
            if (got.isEmpty()) {
                incomplete.add(r.benchmark().getSimpleName() + " threads=" + r.threads());
            }
            for (RunResult rr : got) {
                results.add(Measurement.of(rr));
                jdk = rr.getParams().getJdkVersion() + " (" + rr.getParams().getVmName() + " " + rr.getParams().getVmVersion() + ")";
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String md = markdown(results, mode, command, start, Duration.between(start, Instant.now()), loadBefore, loadAfter, jdk,
                incomplete);
        Files.createDirectories(out);
        Path page = out.resolve("benchmarks.md");
        writeSection(page, md);
        if (mode != SMOKE) {
            System.out.println(md);
        }
        System.out.println("Wrote the sessions' section of " + page + " in " + Report.minutes(
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
        incomplete.forEach(i -> System.out.println("INCOMPLETE: " + i));
        return incomplete.isEmpty() ? results : null;
    }

    /** Replaces the page's section (from {@link #MARKER} to the end) with {@code section}, or appends it. */
    static void writeSection(Path page, String section) throws IOException {
        String before = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        int at = before.indexOf(MARKER);
        String head = at >= 0 ? before.substring(0, at) : before.isEmpty() ? "" : before.stripTrailing() + "\n\n";
        Files.writeString(page, head + section, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ markdown

    static String markdown(List<Measurement> r, Mode mode, String command, Instant start, Duration elapsed,
                           double loadBefore, double loadAfter, String jdk, List<String> incomplete) {
        StringBuilder md = new StringBuilder();
        md.append(MARKER).append("\n\n");
        md.append("## Sessions per request (issues 11 and 12)\n\n");
        md.append("Written by `dev.wafer.benchmarks.SessionReport` ([benchmarks/README.md](../benchmarks/README.md)),"
                + " in a run of its own; the sections above are `Report`'s, from their own run.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date (UTC) | ").append(start.truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
        md.append("| mode | ").append(mode.name()).append(": ").append(mode.forks()).append(" fork(s) × (")
                .append(mode.warmups()).append(" warmup × 1 s + ").append(mode.iterations()).append(" measurement × ")
                .append(mode.iterationMillis() / 1000.0 == Math.rint(mode.iterationMillis() / 1000.0)
                        ? mode.iterationMillis() / 1000 + " s" : mode.iterationMillis() + " ms")
                .append(") per case, GC profiler on |\n");
        md.append("| command | `mvn -B -q -pl benchmarks -am -DskipTests package && ").append(command).append("` |\n");
        md.append("| JDK | ").append(jdk).append(" |\n");
        md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(" |\n");
        md.append(String.format(Locale.ROOT, "| load average | %.2f before, %.2f after%s |%n", loadBefore, loadAfter,
                Math.max(loadBefore, loadAfter) > 0.5 ? " (**the machine was shared and busy**: other builds ran on its"
                        + " 2 cores; times are slower and noisier than on an idle machine, ratios less so)" : ""));
        md.append("| duration | ").append(Report.minutes(elapsed.toMillis() / 1000.0)).append(" |\n\n");
        if (!incomplete.isEmpty()) {
            md.append("**Incomplete:** ").append(String.join("; ", incomplete)).append("\n\n");
        }
        md.append("Every ratio divides two medians of this one run. median: of the measurement iterations;"
                + " ± : half-width of JMH's 99.9% confidence interval of the mean (wide: a noisy run); B/op: bytes"
                + " allocated per request (GC profiler). Why a target is missed, with profiles:"
                + " [benchmarks-analysis.md](benchmarks-analysis.md#sessions-per-request-issues-11-and-12).\n\n");
        issue11(md, r);
        container(md, r);
        issue12(md, r);
        return md.toString();
    }

    private static final String WEB = "WebSessionBenchmark.";

    private static Optional<Measurement> find(List<Measurement> r, String benchmark, int threads, String... kv) {
        return r.stream().filter(m -> m.is(benchmark, threads, kv)).findFirst();
    }

    private static void issue11(StringBuilder md, List<Measurement> r) {
        md.append("### Issue 11: the session layer's cost per request, in process\n\n");
        md.append("A request with a `Cookie` header of four cookies, one of them the session (a signed-in user and five"
                + " attributes); the handler reads the five attributes, and for a reissue changes one (resealed, one"
                + " `Set-Cookie`). **core**: `WebSessions.begin(request)` … `commit()`; **filter**: the real"
                + " `WaferSessionFilter` with light request and response objects; **open**: `CookieSealer.open` of the"
                + " same cookie value; **open + seal**: that and a seal of the same plaintext; **floor**: the bare JDK's"
                + " AES-256-GCM open of a value as long (no header, AAD or expiry). Provider jca; the revocation check is"
                + " the default in-memory store's. [WebSessionBenchmark](../benchmarks/src/main/java/dev/wafer/benchmarks/"
                + "WebSessionBenchmark.java).\n\n");
        md.append("| target (issue 11) | algorithm | measured | ratio | result |\n|---|---|---|--:|---|\n");
        for (String alg : List.of("AES_256_GCM", "XAES_256_GCM")) {
            Optional<Measurement> open = find(r, WEB + "open", 1, "algorithm", alg);
            Optional<Measurement> openSeal = find(r, WEB + "openSeal", 1, "algorithm", alg);
            for (String how : List.of("core", "filter")) {
                target(md, "no reissue: " + how + " ≤ 1.5× open", ReportWriter.label(alg),
                        how + " " + ns(find(r, WEB + how + "Read", 1, "algorithm", alg)) + " ÷ open " + ns(open),
                        ratio(find(r, WEB + how + "Read", 1, "algorithm", alg), open), 1.5);
                target(md, "reissue: " + how + " ≤ 1.5× (open + seal)", ReportWriter.label(alg),
                        how + " " + ns(find(r, WEB + how + "Reissue", 1, "algorithm", alg)) + " ÷ open + seal "
                                + ns(openSeal),
                        ratio(find(r, WEB + how + "Reissue", 1, "algorithm", alg), openSeal), 1.5);
            }
        }
        md.append("\n| algorithm | case | median ns | ± | B/op | × open | × floor |\n|---|---|--:|--:|--:|--:|--:|\n");
        String[][] cases = {{"floorOpen", "floor: bare JDK AES-256-GCM open"}, {"open", "open"},
            {"openSeal", "open + seal"}, {"coreRead", "core, no reissue"}, {"filterRead", "filter, no reissue"},
            {"coreReissue", "core, reissue"}, {"filterReissue", "filter, reissue"},
            {"coreReadNoCheck", "diagnostic: core, no reissue, no revocation check"},
            {"coreReadRedisCheck", "core, no reissue, revocation check on Redis (local cache)"},
            {"cookieParse", "diagnostic: the Cookie header parsed"},
            {"revocationHashes", "diagnostic: the revocation check's two SHA-256 hashes"}};
        for (String alg : List.of("AES_256_GCM", "XAES_256_GCM")) {
            Optional<Measurement> open = find(r, WEB + "open", 1, "algorithm", alg);
            Optional<Measurement> floor = find(r, WEB + "floorOpen", 1, "algorithm", alg);
            for (String[] c : cases) {
                if (!alg.equals("AES_256_GCM") && List.of("floorOpen", "cookieParse", "revocationHashes").contains(c[0])) {
                    continue; // the same work in every algorithm's run: shown once
                }
                Optional<Measurement> m = find(r, WEB + c[0], 1, "algorithm", alg);
                md.append("| ").append(ReportWriter.label(alg)).append(" | ").append(c[1]).append(" | ")
                        .append(time(m, 1)).append(" | ").append(error(m, 1)).append(" | ").append(bytes(m)).append(" | ")
                        .append(ratioText(m, open)).append(" | ").append(ratioText(m, floor)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void container(StringBuilder md, List<Measurement> r) {
        md.append("### Issue 11: beside a container's own `HttpSession`\n\n");
        md.append("The same request served whole by embedded Jetty 12.1.14 (ee10) in process, through its"
                + " `LocalConnector` (raw request bytes in, response out: Jetty's HTTP parsing, handlers, the servlet;"
                + " no socket): with wafer-web's filter; with Jetty's own in-memory sessions (`SessionHandler`,"
                + " `DefaultSessionCache`, `NullSessionDataStore`: the container's default, the session found by its"
                + " `JSESSIONID` cookie); and with no session at all (the page answers at once), the baseline both add to."
                + " read: the user and five attributes; write: also a visit counted (wafer-web reseals its cookie)."
                + " [ContainerSessionBenchmark](../benchmarks/src/main/java/dev/wafer/benchmarks/"
                + "ContainerSessionBenchmark.java).\n\n");
        md.append("| request | session | median µs | ± | B/op | − no session, µs |\n|---|---|--:|--:|--:|--:|\n");
        String b = "ContainerSessionBenchmark.";
        for (String op : List.of("read", "write")) {
            Optional<Measurement> none = find(r, b + op, 1, "session", "none");
            for (String[] s : new String[][] {{"none", "none (baseline)"}, {"wafer", "wafer-web filter, sealed cookie"},
                {"jetty", "Jetty's in-memory HttpSession"}}) {
                Optional<Measurement> m = find(r, b + op, 1, "session", s[0]);
                md.append("| ").append(op).append(" | ").append(s[1]).append(" | ").append(time(m, 1000)).append(" | ")
                        .append(error(m, 1000)).append(" | ").append(bytes(m)).append(" | ")
                        .append(s[0].equals("none") || m.isEmpty() || none.isEmpty() ? "—"
                                : ReportWriter.fmt((m.get().medianNs() - none.get().medianNs()) / 1000, 1))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void issue12(StringBuilder md, List<Measurement> r) {
        md.append("### Issue 12: per request over HTTP, against Spring Session\n\n");
        md.append("Embedded Jetty 12.1.14 on a loopback port, the same application for each kind of session, and a real"
                + " `redis-server` on loopback started by the benchmark (one per trial, the same configuration); the"
                + " clients are in the same JVM, each with a keep-alive connection and its own signed-in session. **cookie**:"
                + " a sealed-cookie session without a revocation check; **cookie + revocation**: the same checked against"
                + " wafer-redis's revocation store with its local cache (500 ms, invalidated over pub/sub); **wafer-redis**:"
                + " a server-side session in Redis (`Mode.ALWAYS`), with the same revocation store; **Spring Session**:"
                + " Spring Session Data Redis 4.0.4 (`RedisSessionRepository`, `SessionRepositoryFilter`, as"
                + " `@EnableRedisHttpSession` sets them up) on Lettuce 7.7.0. Latency: one client; throughput: "
                + CLIENTS + " clients at once, requests per second = " + CLIENTS + " ÷ time per request."
                + " [SessionServerBenchmark](../benchmarks/src/main/java/dev/wafer/benchmarks/"
                + "SessionServerBenchmark.java).\n\n");
        String b = "SessionServerBenchmark.";
        md.append("| target (issue 12) | request | measured | ratio | result |\n|---|---|---|--:|---|\n");
        for (String op : List.of("read", "write")) {
            Optional<Measurement> cookie = find(r, b + op, 1, "session", "cookie");
            Optional<Measurement> rev = find(r, b + op, 1, "session", "cookie-revocation");
            Optional<Measurement> wr = find(r, b + op, 1, "session", "wafer-redis");
            Optional<Measurement> spring = find(r, b + op, 1, "session", "spring-session");
            target(md, "the revocation check adds ≤ 10 % to a cookie session (latency)", op,
                    "cookie + revocation " + us(rev) + " ÷ cookie " + us(cookie), ratio(rev, cookie), 1.10);
            target(md, "wafer-redis at least as fast as Spring Session (latency)", op,
                    "wafer-redis " + us(wr) + " ÷ Spring Session " + us(spring), ratio(wr, spring), 1.0);
            Optional<Measurement> rev4 = find(r, b + op, CLIENTS, "session", "cookie-revocation");
            Optional<Measurement> cookie4 = find(r, b + op, CLIENTS, "session", "cookie");
            Optional<Measurement> wr4 = find(r, b + op, CLIENTS, "session", "wafer-redis");
            Optional<Measurement> spring4 = find(r, b + op, CLIENTS, "session", "spring-session");
            if (cookie4.isPresent()) {
                target(md, "the revocation check adds ≤ 10 % (" + CLIENTS + " clients, time per request)", op,
                        "cookie + revocation " + us(rev4) + " ÷ cookie " + us(cookie4), ratio(rev4, cookie4), 1.10);
                target(md, "wafer-redis at least as fast as Spring Session (" + CLIENTS + " clients)", op,
                        "wafer-redis " + us(wr4) + " ÷ Spring Session " + us(spring4), ratio(wr4, spring4), 1.0);
            }
        }
        for (String alg : List.of("AES_256_GCM", "XAES_256_GCM")) {
            Optional<Measurement> with = find(r, WEB + "coreReadRedisCheck", 1, "algorithm", alg);
            Optional<Measurement> without = find(r, WEB + "coreReadNoCheck", 1, "algorithm", alg);
            Optional<Measurement> cookie = find(r, b + "read", 1, "session", "cookie");
            if (with.isPresent() && without.isPresent() && cookie.isPresent() && alg.equals("XAES_256_GCM")) {
                double added = with.get().medianNs() - without.get().medianNs();
                target(md, "the revocation check adds ≤ 10 %: its in-process cost ÷ the HTTP cookie request", "read",
                        "(core with Redis check " + ns(with) + " − core without " + ns(without) + ") ÷ cookie " + us(cookie)
                                + " (XAES-256-GCM, the default)", 1 + added / cookie.get().medianNs(), 1.10);
            }
        }
        md.append("\n| request | session | latency: median µs | ± | B/op | × cookie | throughput, " + CLIENTS
                + " clients: req/s (median) | ± µs per request | × cookie's req/s |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (String op : List.of("read", "write")) {
            Optional<Measurement> cookie = find(r, b + op, 1, "session", "cookie");
            Optional<Measurement> cookie4 = find(r, b + op, CLIENTS, "session", "cookie");
            for (String[] s : new String[][] {{"cookie", "cookie"}, {"cookie-revocation", "cookie + revocation (Redis)"},
                {"wafer-redis", "wafer-redis session"}, {"spring-session", "Spring Session Data Redis 4.0.4"}}) {
                Optional<Measurement> m = find(r, b + op, 1, "session", s[0]);
                Optional<Measurement> m4 = find(r, b + op, CLIENTS, "session", s[0]);
                md.append("| ").append(op).append(" | ").append(s[1]).append(" | ").append(time(m, 1000)).append(" | ")
                        .append(error(m, 1000)).append(" | ").append(bytes(m)).append(" | ").append(ratioText(m, cookie))
                        .append(" | ").append(m4.map(x -> ReportWriter.fmt(CLIENTS * 1e9 / x.medianNs(), 0)).orElse("—"))
                        .append(" | ").append(error(m4, 1000)).append(" | ").append(ratioText(cookie4, m4)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void target(StringBuilder md, String goal, String what, String measured, double value, double limit) {
        md.append("| ").append(goal).append(" | ").append(what).append(" | ").append(measured).append(" | ")
                .append(Double.isNaN(value) ? "—" : ReportWriter.fmt(value, 2) + "×").append(" | ")
                .append(Double.isNaN(value) ? "n/a (not measured)" : value <= limit ? "PASS" : "**MISS**").append(" |\n");
    }

    private static double ratio(Optional<Measurement> a, Optional<Measurement> b) {
        return a.isPresent() && b.isPresent() ? a.get().medianNs() / b.get().medianNs() : Double.NaN;
    }

    private static String ratioText(Optional<Measurement> a, Optional<Measurement> b) {
        double v = ratio(a, b);
        return Double.isNaN(v) ? "—" : ReportWriter.fmt(v, 2);
    }

    private static String ns(Optional<Measurement> m) {
        return m.map(x -> ReportWriter.fmt(x.medianNs(), 0) + " ns").orElse("—");
    }

    private static String us(Optional<Measurement> m) {
        return m.map(x -> ReportWriter.fmt(x.medianNs() / 1000, 1) + " µs").orElse("—");
    }

    private static String time(Optional<Measurement> m, double nsPerUnit) {
        return m.map(x -> ReportWriter.fmt(x.medianNs() / nsPerUnit, nsPerUnit == 1 ? 0 : 1)).orElse("—");
    }

    private static String error(Optional<Measurement> m, double nsPerUnit) {
        return m.filter(x -> !Double.isNaN(x.errorNs()))
                .map(x -> ReportWriter.fmt(x.errorNs() / nsPerUnit, nsPerUnit == 1 ? 0 : 1)).orElse("—");
    }

    private static String bytes(Optional<Measurement> m) {
        return m.filter(x -> !Double.isNaN(x.bytesPerOp())).map(x -> ReportWriter.fmt(x.bytesPerOp(), 0)).orElse("—");
    }
}
