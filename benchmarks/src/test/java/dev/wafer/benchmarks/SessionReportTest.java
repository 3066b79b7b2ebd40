package dev.wafer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * The session benchmarks' guard against rot, as {@link ReportTest} is the others': every case runs
 * once in process for 10 ms (a real redis-server and Jetty started, Spring Session included), and
 * the section is written into a page (in target/, never docs/) that already has Report's part, which
 * it keeps; and Report keeps the section when it rewrites its own part.
 */
class SessionReportTest {
    /** The benchmark classes that {@link SessionReport} runs, and {@link Report} does not. */
    static final Set<String> SESSION_BENCHMARKS =
            Set.of("WebSessionBenchmark", "ContainerSessionBenchmark", "SessionServerBenchmark");

    @Test
    void runsEverySessionCaseOnceAndWritesItsSection() throws Exception {
        Path out = Paths.get("target", "session-smoke");
        Files.createDirectories(out);
        Path page = out.resolve("benchmarks.md");
        Files.writeString(page, "# Wafer benchmarks\n\nReport's part.\n", StandardCharsets.UTF_8);

        List<Measurement> results = SessionReport.run(SessionReport.SMOKE, out, "smoke");
        assertNotNull(results, "every session benchmark produced a result");
        Set<String> ran = results.stream().map(Measurement::benchmark).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared(), ran, "every session @Benchmark method produces a result");
        assertEquals(2 * 11 + 3 * 2 + 4 * 2, results.size(), "every case: algorithms, sessions and kinds");
        assertTrue(results.stream().allMatch(m -> m.medianNs() > 0), "every case measured a positive time");

        String md = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Wafer benchmarks\n\nReport's part.\n"), md);
        assertTrue(md.contains(SessionReport.MARKER) && md.contains("### Issue 11") && md.contains("### Issue 12"), md);
        assertTrue(Report.sessionsSection(page).startsWith("\n" + SessionReport.MARKER), "Report keeps the section");

        SessionReport.writeSection(page, SessionReport.MARKER + "\n\nsmoke again\n");
        String again = Files.readString(page, StandardCharsets.UTF_8);
        assertEquals(1, again.split(SessionReport.MARKER, -1).length - 1, "a second run replaces the section");
        assertTrue(again.contains("smoke again"), again);
    }

    private static Set<String> declared() throws Exception {
        try (InputStream in = SessionReportTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername)
                    .map(u -> u.substring(u.lastIndexOf('.', u.lastIndexOf('.') - 1) + 1))
                    .filter(b -> SESSION_BENCHMARKS.contains(b.substring(0, b.indexOf('.'))))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
