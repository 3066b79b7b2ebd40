package dev.wafer.provider.bc;

import dev.wafer.conformance.KeyHygieneConformance;
import dev.wafer.spi.WaferProvider;

/** The key-hygiene conformance suite on the Bc provider. */
class BcKeyHygieneTest extends KeyHygieneConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
