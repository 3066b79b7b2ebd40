package dev.wafer.provider.bc;

import dev.wafer.conformance.LimitsConformance;
import dev.wafer.spi.WaferProvider;

/** The limits conformance suite on the Bc provider. */
class BcLimitsTest extends LimitsConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
