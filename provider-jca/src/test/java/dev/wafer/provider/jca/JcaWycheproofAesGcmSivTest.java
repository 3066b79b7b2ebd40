package dev.wafer.provider.jca;

import dev.wafer.conformance.WycheproofAesGcmSivConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's AES-GCM-SIV vectors on the JDK provider, which lacks the algorithm and must refuse it. */
class JcaWycheproofAesGcmSivTest extends WycheproofAesGcmSivConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
