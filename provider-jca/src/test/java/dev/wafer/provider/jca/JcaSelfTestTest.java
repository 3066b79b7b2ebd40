package dev.wafer.provider.jca;

import dev.wafer.conformance.SelfTestConformance;
import dev.wafer.spi.WaferProvider;

/** The SelfTest conformance suite on the JDK provider. */
class JcaSelfTestTest extends SelfTestConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
