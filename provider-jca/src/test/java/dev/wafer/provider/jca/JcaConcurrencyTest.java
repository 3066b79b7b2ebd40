package dev.wafer.provider.jca;

import dev.wafer.conformance.ConcurrencyConformance;
import dev.wafer.spi.WaferProvider;

/**
 * The concurrency conformance suite on the JDK provider: ten million values sealed from four or
 * more threads (about a minute on two cores); {@code -Dwafer.concurrency.values=100000} for a quick run.
 */
class JcaConcurrencyTest extends ConcurrencyConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
