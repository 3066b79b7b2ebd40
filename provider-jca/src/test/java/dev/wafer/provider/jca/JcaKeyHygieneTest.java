package dev.wafer.provider.jca;

import dev.wafer.conformance.KeyHygieneConformance;
import dev.wafer.spi.WaferProvider;

/** The key-hygiene conformance suite on the JDK provider. */
class JcaKeyHygieneTest extends KeyHygieneConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
