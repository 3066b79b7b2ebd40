package dev.wafer.provider.jca;

import dev.wafer.conformance.WycheproofAesGcmConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's AES-GCM vectors on the JDK provider. */
class JcaWycheproofAesGcmTest extends WycheproofAesGcmConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
