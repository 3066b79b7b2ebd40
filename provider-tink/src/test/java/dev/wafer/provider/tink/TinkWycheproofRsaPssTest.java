package dev.wafer.provider.tink;

import dev.wafer.conformance.WycheproofRsaPssConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's RSASSA-PSS (PS256) vectors on the Tink provider. */
class TinkWycheproofRsaPssTest extends WycheproofRsaPssConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
