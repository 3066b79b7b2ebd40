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
 * {@link XaesOpenBenchmark}'s guard against rot: it runs outside {@link Report}'s plan (its own
 * command is in benchmarks/README.md), so the build runs each of its methods once, in process and
 * very briefly, on the realistic mix and on the worst case.
 */
class XaesOpenBenchmarkTest {
    /** Kept out of {@link ReportTest}'s list: {@link Report} does not run it. */
    static final String NAME = "XaesOpenBenchmark";

    @Test
    void everyMethodRunsOnTheMixAndOnTheWorstCase() throws Exception {
        Options options = new OptionsBuilder()
                .include(XaesOpenBenchmark.class.getName() + "\\.")
                .param("provider", "jca")
                .param("mix", "servers", "distinct")
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
        assertEquals(Set.of("floorOpen/distinct", "floorOpen/servers", "open/distinct", "open/servers"), ran);
    }
}
