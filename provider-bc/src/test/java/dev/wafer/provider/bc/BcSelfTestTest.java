package dev.wafer.provider.bc;

import dev.wafer.conformance.SelfTestConformance;
import dev.wafer.spi.WaferProvider;

/** The SelfTest conformance suite on the BouncyCastle provider. */
class BcSelfTestTest extends SelfTestConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
