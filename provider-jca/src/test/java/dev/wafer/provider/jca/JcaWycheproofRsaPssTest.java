package dev.wafer.provider.jca;

import dev.wafer.conformance.WycheproofRsaPssConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's RSASSA-PSS (PS256) vectors on the JDK provider. */
class JcaWycheproofRsaPssTest extends WycheproofRsaPssConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
