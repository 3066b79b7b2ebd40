package dev.wafer.provider.bc;

import dev.wafer.conformance.Ed25519EdgeCaseConformance;
import dev.wafer.spi.WaferProvider;

/** Wafer's Ed25519 edge cases on the BouncyCastle provider. */
class BcEd25519EdgeCaseTest extends Ed25519EdgeCaseConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
