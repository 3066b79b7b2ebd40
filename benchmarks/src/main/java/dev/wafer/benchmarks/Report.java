package dev.wafer.benchmarks;

import dev.wafer.Algorithm;
import dev.wafer.ProviderInfo;
import dev.wafer.Wafer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks and writes {@code docs/benchmarks.md} and {@code docs/benchmarks.png}.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar quick|full [--dry-run] [--only=REGEX] [--out=DIR] [--jvm=PATH]
 *     [--also-jvm=PATH]
 * </pre>
 *
 * <p>{@code quick}: one fork, seconds per case, for development. {@code full}: the report's run.
 * {@code smoke} (the build's test): in process, one 10 ms iteration per method, to keep them compiling
 * and running. {@code --dry-run} prints the plan and its time estimate and stops; {@code --only} keeps
 * the benchmark classes whose name matches; {@code --jvm} runs the forks on another JDK;
 * {@code --also-jvm} then runs issue 14's cases again on a second JDK, for a column of their own.
 */
public final class Report {

    /** How long JMH takes per fork beyond its iterations: JVM start, handshake, {@code @Setup}. */
    static final double FORK_OVERHEAD_SECONDS = 1.0;

    /** JVM options of every fork: a fixed heap, and Wafer's slf4j-simple log at warn, not info. */
    static final List<String> FORK_JVM_ARGS =
            List.of("-Xms1g", "-Xmx1g", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    enum RunMode {
        /** In process, one short iteration: the build's check that every benchmark still runs. */
        SMOKE(0, 0, 0, 1, 10, 0),
        /** Seconds per case: for development. */
        QUICK(1, 1, 1000, 3, 500, 2),
        /** The report's run. */
        FULL(2, 3, 1000, 5, 1000, 8);

        final int forks;
        final int warmups;
        final long warmupMillis;
        final int iterations;
        final long iterationMillis;
        final int coldForks;

        RunMode(int forks, int warmups, long warmupMillis, int iterations, long iterationMillis, int coldForks) {
            this.forks = forks;
            this.warmups = warmups;
            this.warmupMillis = warmupMillis;
            this.iterations = iterations;
            this.iterationMillis = iterationMillis;
            this.coldForks = coldForks;
        }

        String describe() {
            if (this == SMOKE) {
                return "in process (no fork), no warmup, 1 iteration of " + iterationMillis + " ms";
            }
            return forks + " fork(s) × (" + warmups + " warmup × " + seconds(warmupMillis) + " + " + iterations
                    + " measurement × " + seconds(iterationMillis) + ") per case; cold start: " + coldForks
                    + " forks × 1 shot";
        }

        /** Seconds the plan should take, with {@link #FORK_OVERHEAD_SECONDS} per fork. */
        double estimateSeconds(List<Plan.Group> plan) {
            double s = 0;
            for (Plan.Group g : plan) {
                if (this == SMOKE) {
                    s += g.cases() * 0.2;
                } else if (g.singleShot()) {
                    s += g.cases() * coldForks * (FORK_OVERHEAD_SECONDS + 0.5);
                } else {
                    s += g.cases() * forks * (FORK_OVERHEAD_SECONDS
                            + (warmups * warmupMillis + iterations * iterationMillis) / 1000.0);
                }
            }
            return s;
        }

        private static String seconds(long millis) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        }
    }

    /** What to run and where to write. */
    record Config(RunMode mode, Path out, String jvm, String alsoJvm, String only, boolean dryRun, String command) {
        static Config parse(String... args) {
            RunMode mode = null;
            Path out = null;
            String jvm = null;
            String alsoJvm = null;
            String only = null;
            boolean dryRun = false;
            for (String a : args) {
                if (a.equals("quick") || a.equals("full") || a.equals("smoke")) {
                    mode = RunMode.valueOf(a.toUpperCase(Locale.ROOT));
                } else if (a.startsWith("--out=")) {
                    out = Paths.get(a.substring("--out=".length()));
                } else if (a.startsWith("--jvm=")) {
                    jvm = a.substring("--jvm=".length());
                } else if (a.startsWith("--also-jvm=")) {
                    alsoJvm = a.substring("--also-jvm=".length());
                } else if (a.startsWith("--only=")) {
                    only = a.substring("--only=".length());
                } else if (a.equals("--dry-run")) {
                    dryRun = true;
                } else {
                    throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (mode == null) {
                throw new IllegalArgumentException("say quick or full");
            }
            return new Config(mode, out != null ? out : defaultOut(), jvm, alsoJvm, only, dryRun,
                    "java -jar benchmarks/target/benchmarks.jar " + String.join(" ", args));
        }

        /** docs/ of the working tree: the current directory's, or its parent's when run from benchmarks/. */
        private static Path defaultOut() {
            Path here = Paths.get("docs");
            Path up = Paths.get("..", "docs");
            return !Files.isDirectory(here) && Files.isDirectory(up) ? up : here;
        }
    }

    /** What a run produced. */
    record Outcome(List<Measurement> results, List<String> incomplete, Path markdown, Path chart) {
    }

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("java.awt.headless", "true");
        Config config;
        try {
            config = Config.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar benchmarks/target/benchmarks.jar quick|full"
                    + " [--dry-run] [--only=REGEX] [--out=DIR] [--jvm=PATH] [--also-jvm=PATH]");
            System.exit(2);
            return;
        }
        Outcome o = run(config);
        if (o != null && !o.incomplete().isEmpty()) {
            System.exit(1);
        }
    }

    /** Runs {@code config}'s plan and writes the report; {@code null} on a dry run. */
    static Outcome run(Config config) throws RunnerException, IOException {
        Map<String, Set<Algorithm>> providers = installedProviders();
        List<Plan.Group> plan = Plan.of(providers, config.mode() == RunMode.SMOKE);
        if (config.only() != null) {
            plan = Plan.only(plan, config.only());
        }
        List<Plan.Group> secondPlan = config.alsoJvm() == null ? List.of()
                : Plan.secondJdk(providers, config.mode() == RunMode.SMOKE);
        double estimate = config.mode().estimateSeconds(plan) + config.mode().estimateSeconds(secondPlan);
        int cases = plan.stream().mapToInt(Plan.Group::cases).sum();
        System.out.printf(Locale.ROOT, "Wafer benchmarks, %s mode: %s%nProviders: %s%nPlan: %d JMH runs, %d cases%n%s%n"
                        + "Estimated time: %s (%.1f s per fork for start-up and setup assumed)%n",
                config.mode().name().toLowerCase(Locale.ROOT), config.mode().describe(), providers.keySet(),
                plan.size(), cases, Plan.describe(plan), minutes(estimate), FORK_OVERHEAD_SECONDS);
        if (!secondPlan.isEmpty()) {
            System.out.printf("Then on %s:%n%s%n", config.alsoJvm(), Plan.describe(secondPlan));
        }
        if (config.dryRun()) {
            return null;
        }

        Instant start = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<RunResult> raw = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Plan.Group g : plan) {
            Collection<RunResult> got = new Runner(options(config, g, config.jvm())).run();
            raw.addAll(got);
            if (got.size() < g.cases()) {
                incomplete.add(g + ": only " + got.size() + " produced a result (see the JMH log above)");
            }
        }
        List<RunResult> secondRaw = new ArrayList<>();
        for (Plan.Group g : secondPlan) {
            Collection<RunResult> got = new Runner(options(config, g, config.alsoJvm())).run();
            secondRaw.addAll(got);
            if (got.size() < g.cases()) {
                incomplete.add(g + " on " + config.alsoJvm() + ": only " + got.size() + " produced a result");
            }
        }
        Duration elapsed = Duration.between(start, Instant.now());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        List<Measurement> results = raw.stream().map(Measurement::of).collect(Collectors.toList());
        RunResult any = raw.isEmpty() ? null : raw.get(0);
        ReportWriter.Environment env = new ReportWriter.Environment(
                start.truncatedTo(ChronoUnit.SECONDS).toString(), config.mode().name().toLowerCase(Locale.ROOT),
                config.mode().describe(), config.command(),
                any == null ? System.getProperty("java.version") : any.getParams().getJdkVersion(),
                any == null ? System.getProperty("java.vm.name") : any.getParams().getVmName() + " "
                        + any.getParams().getVmVersion(),
                any == null ? "" : String.join(" ", any.getParams().getJvmArgs()),
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadBefore, loadAfter, minutes(estimate), minutes(elapsed.toMillis() / 1000.0),
                Wafer.providers().stream().map(p -> p.name() + " " + p.version()).collect(Collectors.toList()),
                incomplete, secondRaw.isEmpty() ? null : "JDK " + secondRaw.get(0).getParams().getJdkVersion() + " ("
                        + secondRaw.get(0).getParams().getVmName() + " " + secondRaw.get(0).getParams().getVmVersion() + ")");

        Files.createDirectories(config.out());
        Path png = config.out().resolve("benchmarks.png");
        Path md = config.out().resolve("benchmarks.md");
        Results r = new Results(results, List.copyOf(providers.keySet()), jdkHeading(any));
        Results second = secondRaw.isEmpty() ? null : new Results(secondRaw.stream().map(Measurement::of)
                .collect(Collectors.toList()), List.copyOf(providers.keySet()), jdkHeading(secondRaw.get(0)));
        boolean charted = ReportChart.write(r, png);
        String markdown = ReportWriter.markdown(r, second, env, charted ? png.getFileName().toString() : null);
        Files.writeString(md, markdown + sessionsSection(md), StandardCharsets.UTF_8);
        if (config.mode() != RunMode.SMOKE) {
            System.out.println();
            System.out.println(markdown);
        }
        System.out.println("Wrote " + md + (charted ? " and " + png : "") + " in " + minutes(elapsed.toMillis() / 1000.0)
                + " (estimated " + minutes(estimate) + ")");
        incomplete.forEach(i -> System.out.println("INCOMPLETE: " + i));
        return new Outcome(results, incomplete, md, charted ? png : null);
    }

    /** "JDK 17": the feature release the forks of a run ran on. */
    private static String jdkHeading(RunResult any) {
        String v = any == null ? System.getProperty("java.version") : any.getParams().getJdkVersion();
        return "JDK " + Runtime.Version.parse(v).feature();
    }

    /** The section {@link SessionReport} wrote into the page, from its own run, kept as it is; or nothing. */
    static String sessionsSection(Path page) throws IOException {
        if (!Files.exists(page)) {
            return "";
        }
        String before = Files.readString(page, StandardCharsets.UTF_8);
        int at = before.indexOf(SessionReport.MARKER);
        return at < 0 ? "" : "\n" + before.substring(at);
    }

    private static org.openjdk.jmh.runner.options.Options options(Config config, Plan.Group g, String jvm) {
        RunMode m = config.mode();
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(g.include())
                .threads(g.threads())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(m == RunMode.SMOKE)
                .verbosity(m == RunMode.SMOKE ? VerboseMode.SILENT : VerboseMode.NORMAL);
        g.params().forEach((k, v) -> b.param(k, v.toArray(new String[0])));
        if (g.singleShot()) {
            b.forks(m.coldForks).warmupIterations(0).measurementIterations(1).measurementBatchSize(1);
        } else {
            b.forks(m.forks)
                    .warmupIterations(m.warmups)
                    .warmupTime(TimeValue.milliseconds(Math.max(1, m.warmupMillis)))
                    .measurementIterations(m.iterations)
                    .measurementTime(TimeValue.milliseconds(m.iterationMillis));
        }
        if (m != RunMode.SMOKE) {
            b.jvmArgs(FORK_JVM_ARGS.toArray(new String[0]));
            if (jvm != null) {
                b.jvm(jvm);
            }
        }
        return b.build();
    }

    /** Installed providers in a stable order (jca, bc, tink, accp, then by name), with what each supports. */
    static Map<String, Set<Algorithm>> installedProviders() {
        List<String> order = List.of("jca", "bc", "tink", "accp");
        Map<String, Set<Algorithm>> m = new LinkedHashMap<>();
        Wafer.providers().stream()
                .sorted((a, b) -> {
                    int ia = order.indexOf(a.name());
                    int ib = order.indexOf(b.name());
                    ia = ia < 0 ? order.size() : ia;
                    ib = ib < 0 ? order.size() : ib;
                    return ia != ib ? Integer.compare(ia, ib) : a.name().compareTo(b.name());
                })
                .forEach((ProviderInfo p) -> m.put(p.name(), p.algorithms()));
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the report says so.
        }
        return "unknown CPU";
    }

    static String minutes(double seconds) {
        long s = Math.round(seconds);
        return s < 90 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
