package dev.wafer.provider.tink;

import dev.wafer.conformance.TokenConformance;
import dev.wafer.spi.WaferProvider;

/** The Token conformance suite on the Tink provider. */
class TinkTokenTest extends TokenConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
