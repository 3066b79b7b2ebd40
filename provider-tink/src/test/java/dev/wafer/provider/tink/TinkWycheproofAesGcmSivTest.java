package dev.wafer.provider.tink;

import dev.wafer.conformance.WycheproofAesGcmSivConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's AES-GCM-SIV vectors on the Tink provider without a JCE provider that offers GCM-SIV: it must refuse the algorithm. */
class TinkWycheproofAesGcmSivTest extends WycheproofAesGcmSivConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
