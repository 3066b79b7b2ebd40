package dev.wafer.provider.tink;

import dev.wafer.conformance.LimitsConformance;
import dev.wafer.spi.WaferProvider;

/** The limits conformance suite on the Tink provider. */
class TinkLimitsTest extends LimitsConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
