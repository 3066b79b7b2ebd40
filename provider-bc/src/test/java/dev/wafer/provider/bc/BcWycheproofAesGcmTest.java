package dev.wafer.provider.bc;

import dev.wafer.conformance.WycheproofAesGcmConformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's AES-GCM vectors on the BouncyCastle provider. */
class BcWycheproofAesGcmTest extends WycheproofAesGcmConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
