package dev.wafer.provider.bc;

import dev.wafer.conformance.Rfc8037AppendixAConformance;
import dev.wafer.spi.WaferProvider;

/** RFC 8037 Appendix A (Ed25519 JWK and JWS) on the BouncyCastle provider. */
class BcRfc8037AppendixATest extends Rfc8037AppendixAConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
