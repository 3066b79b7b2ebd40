package dev.wafer.provider.tink;

import dev.wafer.conformance.WycheproofEd25519Conformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's Ed25519 vectors on the Tink provider. */
class TinkWycheproofEd25519Test extends WycheproofEd25519Conformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
