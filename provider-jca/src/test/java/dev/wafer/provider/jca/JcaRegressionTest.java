package dev.wafer.provider.jca;

import dev.wafer.conformance.RegressionConformance;
import dev.wafer.spi.WaferProvider;

/** The regression conformance suite (findings of issue 5) on the JDK provider. */
class JcaRegressionTest extends RegressionConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
