package dev.wafer.provider.bc;

import dev.wafer.conformance.Rfc8032Section71Conformance;
import dev.wafer.spi.WaferProvider;

/** RFC 8032 §7.1 Ed25519 vectors on the BouncyCastle provider. */
class BcRfc8032Section71Test extends Rfc8032Section71Conformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }
}
