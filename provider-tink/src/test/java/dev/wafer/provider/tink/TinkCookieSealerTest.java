package dev.wafer.provider.tink;

import dev.wafer.conformance.CookieSealerConformance;
import dev.wafer.spi.WaferProvider;

/** The CookieSealer conformance suite on the Tink provider. */
class TinkCookieSealerTest extends CookieSealerConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }
}
