package dev.wafer.provider.tink;

import dev.wafer.conformance.SelfTestConformance;
import dev.wafer.spi.WaferProvider;

/** The SelfTest conformance suite on the Tink provider. */
class TinkSelfTestTest extends SelfTestConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
