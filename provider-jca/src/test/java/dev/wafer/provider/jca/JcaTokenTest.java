package dev.wafer.provider.jca;

import dev.wafer.conformance.TokenConformance;
import dev.wafer.spi.WaferProvider;

/** The Token conformance suite on the JDK provider. */
class JcaTokenTest extends TokenConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
