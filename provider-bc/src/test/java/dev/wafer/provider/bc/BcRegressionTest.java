package dev.wafer.provider.bc;

import dev.wafer.conformance.RegressionConformance;
import dev.wafer.spi.WaferProvider;

/** The regression conformance suite (findings of issue 5) on the Bc provider. */
class BcRegressionTest extends RegressionConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
