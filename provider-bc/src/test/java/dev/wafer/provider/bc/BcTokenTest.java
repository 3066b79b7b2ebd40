package dev.wafer.provider.bc;

import dev.wafer.conformance.TokenConformance;
import dev.wafer.spi.WaferProvider;

/** The Token conformance suite on the BouncyCastle provider. */
class BcTokenTest extends TokenConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
