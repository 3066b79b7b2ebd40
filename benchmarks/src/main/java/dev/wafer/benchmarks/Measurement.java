package dev.wafer.benchmarks;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH case's result, in nanoseconds per operation whatever unit the benchmark reported in.
 *
 * @param benchmark   {@code SimpleClassName.method}
 * @param params      the JMH parameters of the case
 * @param threads     benchmark threads; times are per operation of one thread
 * @param medianNs    median of the measurement iterations (of every fork), what the ratios use
 * @param meanNs      JMH's score, the mean of the iterations
 * @param errorNs     half-width of JMH's 99.9% confidence interval of the mean; NaN with too few samples
 * @param samples     measurement iterations (single-shot: forks)
 * @param bytesPerOp  {@code gc.alloc.rate.norm} from JMH's GC profiler; NaN without it
 */
record Measurement(String benchmark, Map<String, String> params, int threads, double medianNs, double meanNs,
                   double errorNs, long samples, double bytesPerOp) {

    Measurement {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    static Measurement of(RunResult r) {
        BenchmarkParams bp = r.getParams();
        String full = bp.getBenchmark();
        int method = full.lastIndexOf('.');
        int cls = full.lastIndexOf('.', method - 1);
        Map<String, String> params = new TreeMap<>();
        for (String k : bp.getParamsKeys()) {
            params.put(k, bp.getParam(k));
        }
        Result<?> primary = r.getPrimaryResult();
        double toNs = nanosPer(primary.getScoreUnit());
        double bytes = Double.NaN;
        for (String label : r.getSecondaryResults().keySet()) {
            // "gc.alloc.rate.norm" (older JMH prefixed secondary labels with a middle dot).
            if (label.endsWith("gc.alloc.rate.norm")) {
                bytes = r.getSecondaryResults().get(label).getScore();
            }
        }
        return new Measurement(full.substring(cls + 1), params, bp.getThreads(),
                primary.getStatistics().getPercentile(50) * toNs, primary.getScore() * toNs,
                primary.getScoreError() * toNs, primary.getStatistics().getN(), bytes);
    }

    /** Nanoseconds in the time unit of a JMH score unit such as {@code ns/op} or {@code ms/op}. */
    static double nanosPer(String scoreUnit) {
        String unit = scoreUnit.substring(0, scoreUnit.indexOf('/'));
        TimeUnit tu;
        switch (unit) {
            case "ns":
                tu = TimeUnit.NANOSECONDS;
                break;
            case "us":
                tu = TimeUnit.MICROSECONDS;
                break;
            case "ms":
                tu = TimeUnit.MILLISECONDS;
                break;
            case "s":
                tu = TimeUnit.SECONDS;
                break;
            default:
                throw new IllegalArgumentException("not a time-per-operation unit: " + scoreUnit);
        }
        return tu.toNanos(1);
    }

    String param(String name) {
        return params.get(name);
    }

    /** Whether this is {@code benchmark} with every given parameter (name, value, name, value, ...). */
    boolean is(String benchmark, int threads, String... nameValues) {
        if (!this.benchmark.equals(benchmark) || this.threads != threads) {
            return false;
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            if (!nameValues[i + 1].equals(params.get(nameValues[i]))) {
                return false;
            }
        }
        return true;
    }
}
