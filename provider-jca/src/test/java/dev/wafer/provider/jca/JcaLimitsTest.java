package dev.wafer.provider.jca;

import dev.wafer.conformance.LimitsConformance;
import dev.wafer.spi.WaferProvider;

/** The limits conformance suite on the JDK provider. */
class JcaLimitsTest extends LimitsConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
