package dev.wafer.provider.jca;

import dev.wafer.conformance.WycheproofEd25519Conformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's Ed25519 vectors on the JDK provider. */
class JcaWycheproofEd25519Test extends WycheproofEd25519Conformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
