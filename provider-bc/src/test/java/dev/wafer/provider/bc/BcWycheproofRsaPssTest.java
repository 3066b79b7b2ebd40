package dev.wafer.provider.bc;

import dev.wafer.conformance.WycheproofRsaPssConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's RSASSA-PSS (PS256) vectors on the BouncyCastle provider. */
class BcWycheproofRsaPssTest extends WycheproofRsaPssConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
