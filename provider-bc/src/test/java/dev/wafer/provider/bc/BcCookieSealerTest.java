package dev.wafer.provider.bc;

import dev.wafer.conformance.CookieSealerConformance;
import dev.wafer.spi.WaferProvider;

/** The CookieSealer conformance suite on the BouncyCastle provider. */
class BcCookieSealerTest extends CookieSealerConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
