/**
 * JMH benchmarks of Wafer's hot path, each beside the bare primitive it is built on and the peers that
 * do the same job (Nimbus JOSE+JWT, JJWT), run and reported by {@link dev.wafer.benchmarks.Report}.
 *
 * <p>Not published. Every benchmark builds what it uses once, in {@code @Setup}, and returns its result
 * so that JMH consumes it; what is measured is one call of the public API (or of the reference).
 */
package dev.wafer.benchmarks;
