package dev.wafer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is installed and what serves what: each provider's name, version, priorities, algorithms
 * and self-test results, and which provider's engine the default {@link Wafer#provider()} uses for
 * each algorithm. {@link #toString()} renders it as text, for logs and the command line.
 *
 * @param providers every installed provider, in choice order
 * @param servedBy for each algorithm, the provider that serves it, or why none does
 * @since 0.1
 */
public record ProviderReport(List<Entry> providers, Map<Algorithm, String> servedBy) {
    /**
     * Copies.
     *
     * @param providers the providers
     * @param servedBy the engine per algorithm
     */
    public ProviderReport {
        providers = List.copyOf(providers);
        servedBy = Map.copyOf(servedBy);
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
            priorities = Map.copyOf(priorities);
            selfTests = Map.copyOf(selfTests);
        }
    }

    /**
     * The report as text: one block per provider, then the engine of each algorithm.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Entry e : providers) {
            b.append(e.info().name()).append(" (").append(e.info().version()).append(", priority ")
                    .append(e.info().priority()).append(")\n");
            for (Algorithm a : Algorithm.values()) {
                if (e.info().algorithms().contains(a)) {
                    b.append(String.format("  %-16s priority %4d  self-test %s%n", a.jwkName(), e.priorities().get(a),
                            e.selfTests().get(a)));
                }
            }
        }
        b.append("served by\n");
        for (Algorithm a : Algorithm.values()) {
            if (servedBy.containsKey(a)) {
                b.append(String.format("  %-16s %s%n", a.jwkName(), servedBy.get(a)));
            }
        }
        return b.toString();
    }
}
