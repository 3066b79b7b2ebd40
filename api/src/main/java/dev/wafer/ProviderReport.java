package dev.wafer;

import dev.wafer.internal.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is installed and what serves what: each provider's name, version, priorities, algorithms
 * and self-test results, and which provider's engine the default {@link Wafer#engines()} uses for
 * each algorithm. {@link Wafer#report()} builds it and never throws. {@link #toString()} renders it as text, for logs and the command line.
 *
 * @param providers every installed provider, in choice order
 * @param servedBy for each algorithm, the provider that serves it, or why none does
 * @param problems what is missing or broken, and why: no provider, a provider skipped (failed to
 *     load, built for another SPI), a {@code wafer.provider} property naming no installed provider,
 *     a failed self-test; empty when all is well
 * @since 0.1
 */
public record ProviderReport(List<Entry> providers, Map<Algorithm, String> servedBy, List<String> problems) {
    /**
     * Copies.
     *
     * @param providers the providers
     * @param servedBy the engine per algorithm
     * @param problems what is missing or broken, and why; empty when all is well
     */
    public ProviderReport {
        providers = List.copyOf(providers);
        servedBy = Collections.unmodifiableMap(new LinkedHashMap<>(servedBy));
        problems = List.copyOf(problems);
    }

    /**
     * One installed provider.
     *
     * @param info name, version, overall priority and algorithms
     * @param priorities the priority for each algorithm
     * @param selfTests for each algorithm, {@code passed in N us} or {@code FAILED: reason}
     * @since 0.1
     */
    public record Entry(ProviderInfo info, Map<Algorithm, Integer> priorities, Map<Algorithm, String> selfTests) {
        /**
         * Copies.
         *
         * @param info the provider
         * @param priorities its priorities
         * @param selfTests its self-test results
         */
        public Entry {
            Objects.requireNonNull(info, "info");
            priorities = Collections.unmodifiableMap(new LinkedHashMap<>(priorities));
            selfTests = Collections.unmodifiableMap(new LinkedHashMap<>(selfTests));
        }
    }

    /**
     * The report as text: one block per provider, then the engine of each algorithm.
     *
     * @return the text
     */
    @Override
    public String toString() {
        // Names, versions and messages come from the providers: control characters are escaped.
        StringBuilder b = new StringBuilder();
        for (Entry e : providers) {
            b.append(Text.escapeControls(e.info().name())).append(" (").append(Text.escapeControls(e.info().version()))
                    .append(", priority ").append(e.info().priority()).append(")\n");
            for (Algorithm a : Algorithm.all()) {
                if (e.info().algorithms().contains(a)) {
                    b.append(String.format("  %-16s priority %4d  self-test %s\n", a.jwkName(), e.priorities().get(a),
                            Text.escapeControls(String.valueOf(e.selfTests().get(a)))));
                }
            }
        }
        b.append("served by\n");
        for (Algorithm a : Algorithm.all()) {
            if (servedBy.containsKey(a)) {
                b.append(String.format("  %-16s %s\n", a.jwkName(), Text.escapeControls(servedBy.get(a))));
            }
        }
        if (!problems.isEmpty()) {
            b.append("problems\n");
            problems.forEach(p -> b.append("  ").append(Text.escapeControls(p)).append('\n'));
        }
        return b.toString();
    }
}
