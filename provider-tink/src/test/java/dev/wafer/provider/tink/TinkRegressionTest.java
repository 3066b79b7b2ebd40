package dev.wafer.provider.tink;

import dev.wafer.conformance.RegressionConformance;
import dev.wafer.spi.WaferProvider;

/** The regression conformance suite (findings of issue 5) on the Tink provider. */
class TinkRegressionTest extends RegressionConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
