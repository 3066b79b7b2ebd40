package dev.wafer.provider.jca;

import dev.wafer.conformance.CookieSealerConformance;
import dev.wafer.spi.WaferProvider;

/** The CookieSealer conformance suite on the JDK provider. */
class JcaCookieSealerTest extends CookieSealerConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }
}
