package dev.wafer.provider.tink;

import dev.wafer.conformance.WycheproofAesGcmConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's AES-GCM vectors on the Tink provider. */
class TinkWycheproofAesGcmTest extends WycheproofAesGcmConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
