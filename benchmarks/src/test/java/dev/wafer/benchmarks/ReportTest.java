package dev.wafer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The build's guard against rot: every JMH benchmark runs once, in process and very briefly, and the
 * report and its chart are written from the results (to target/, never to docs/).
 */
class ReportTest {

    @Test
    void runsEveryBenchmarkOnceAndWritesTheReport() throws Exception {
        Path out = Paths.get("target", "benchmark-smoke");
        // In process, so the second JDK is this one: what is checked is that its column is run and written.
        Report.Outcome o = Report.run(Report.Config.parse("smoke", "--out=" + out,
                "--also-jvm=" + Paths.get(System.getProperty("java.home"), "bin", "java")));

        Set<String> declared = declaredBenchmarks();
        Set<String> ran = o.results().stream().map(Measurement::benchmark).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, ran, "every @Benchmark method produces a result");
        assertTrue(o.incomplete().isEmpty(), () -> "incomplete runs: " + o.incomplete());
        assertTrue(o.results().stream().allMatch(m -> m.medianNs() > 0), "every case measured a positive time");
        assertTrue(o.results().stream().anyMatch(m -> m.threads() == 2), "the two-thread path ran");
        assertTrue(o.results().stream().filter(m -> !m.benchmark().startsWith("ColdStart"))
                .allMatch(m -> m.bytesPerOp() >= 0), "the GC profiler gave B/op for every iterated case");

        String md = Files.readString(o.markdown(), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Targets (issue 4)") && md.contains("## Targets (issue 14)") && md.contains("## Sealing") && md.contains("## Tokens"), md);
        String issue14 = md.substring(md.indexOf("## Targets (issue 14)"), md.indexOf("## Sealing"));
        assertTrue(issue14.contains("| target | measured | ratio, JDK " + Runtime.version().feature() + " | ratio, JDK "),
                "a column for the second JDK: " + issue14);
        assertTrue(issue14.contains("mix `servers`, jca (the default) ≤ 1.25× the floor") && issue14.contains("384 prefixes"),
                issue14);
        for (String target : List.of("jca (the default) ≤ 1.25× the floor", "AES-256-GCM, jca ≤ 1.15×", "AES-256-GCM, jca ≤ 1.10×",
            "Ed25519 JWT sign on accp ≤ 1.3×")) {
            String line = issue14.lines().filter(l -> l.contains(target)).findFirst().orElseThrow();
            assertTrue(line.matches(".*\\| [0-9.]+× (PASS|\\*\\*MISS\\*\\*) \\| [0-9.]+× (PASS|\\*\\*MISS\\*\\*) \\|"),
                    "judged on both JDKs: " + line);
        }
        byte[] png = Files.readAllBytes(o.chart());
        assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart");
    }

    @Test
    void planFiltersProvidersAndAlgorithmsOnTheRunnerSide() {
        List<Plan.Group> plan = Plan.of(Report.installedProviders(), false);
        for (Plan.Group g : plan) {
            List<String> providers = g.params().get("provider");
            if (providers != null && g.benchmark() != ColdStartBenchmark.class && g.params().containsKey("algorithm")) {
                assertEquals(1, providers.size(), "one provider per run, so that its algorithms can be filtered");
                assertTrue(Report.installedProviders().get(providers.get(0)).stream().map(a -> ((Enum<?>) a).name())
                        .collect(Collectors.toSet()).containsAll(g.params().get("algorithm")), g::toString);
            }
        }
        assertTrue(Report.RunMode.FULL.estimateSeconds(plan) < 65 * 60, "a full run stays near an hour");
    }

    private static Set<String> declaredBenchmarks() throws Exception {
        try (InputStream in = ReportTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername)
                    .map(u -> u.substring(u.lastIndexOf('.', u.lastIndexOf('.') - 1) + 1))
                    .filter(b -> !SessionReportTest.SESSION_BENCHMARKS.contains(b.substring(0, b.indexOf('.'))))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
