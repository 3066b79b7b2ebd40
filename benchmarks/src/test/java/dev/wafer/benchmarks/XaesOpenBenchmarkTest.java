package dev.wafer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@link XaesOpenBenchmark} on the worst case too: {@link ReportTest}'s smoke run meets only the
 * realistic mix (one parameter combination per run), so this runs each method once, in process and
 * very briefly, on both; and the report's replay of the mix without cryptography finds the
 * benchmark's own prefix count.
 */
class XaesOpenBenchmarkTest {

    @Test
    void everyMethodRunsOnTheMixAndOnTheWorstCase() throws Exception {
        Options options = new OptionsBuilder()
                .include(XaesOpenBenchmark.class.getName() + "\\.")
                .param("provider", "jca")
                .param("mix", "servers", "distinct", "prefixes-16")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            ran.add(label.substring(label.lastIndexOf('.') + 1) + "/" + r.getParams().getParam("mix"));
            assertTrue(r.getPrimaryResult().getScore() > 0, label);
        }
        assertEquals(Set.of("floorOpen/distinct", "floorOpen/prefixes-16", "floorOpen/servers", "open/distinct",
                "open/prefixes-16", "open/servers"), ran);
    }

    @Test
    void theReportsReplayOfTheMixHasItsPrefixesAndAHitRate() {
        double[] mix = XaesOpenBenchmark.serversMixHitRates();
        assertEquals(384, (int) mix[0], "16 servers over 24 hours: 384 (server, hour) groups");
        assertEquals(1 - 384.0 / XaesOpenBenchmark.VALUES, mix[1], 1e-9, "first pass: one miss per prefix");
        assertEquals(1.0, mix[2], 1e-9, "after: the cache holds all 384");
    }
}
