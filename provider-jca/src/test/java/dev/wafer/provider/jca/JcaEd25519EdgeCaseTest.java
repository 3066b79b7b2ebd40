package dev.wafer.provider.jca;

import dev.wafer.conformance.Ed25519EdgeCaseConformance;
import dev.wafer.spi.WaferProvider;

/** Wafer's Ed25519 edge cases on the JDK provider. */
class JcaEd25519EdgeCaseTest extends Ed25519EdgeCaseConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
