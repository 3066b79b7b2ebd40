package dev.wafer.provider.bc;

import dev.wafer.conformance.WycheproofEd25519Conformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's Ed25519 vectors on the BouncyCastle provider. */
class BcWycheproofEd25519Test extends WycheproofEd25519Conformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
