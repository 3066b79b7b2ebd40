package dev.wafer.provider.tink;

import dev.wafer.conformance.KeyHygieneConformance;
import dev.wafer.spi.WaferProvider;

/** The key-hygiene conformance suite on the Tink provider. */
class TinkKeyHygieneTest extends KeyHygieneConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
