package dev.wafer.provider.tink;

import dev.wafer.conformance.Ed25519EdgeCaseConformance;
import dev.wafer.spi.WaferProvider;

/** Wafer's Ed25519 edge cases on the Tink provider. */
class TinkEd25519EdgeCaseTest extends Ed25519EdgeCaseConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
