package dev.wafer.provider.bc;

import dev.wafer.conformance.Rfc7515AppendixA2Conformance;
import dev.wafer.spi.WaferProvider;

/** RFC 7515 Appendix A.2 (RS256 JWS) on the BouncyCastle provider. */
class BcRfc7515AppendixA2Test extends Rfc7515AppendixA2Conformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
