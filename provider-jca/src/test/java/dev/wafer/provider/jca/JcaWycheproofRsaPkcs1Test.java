package dev.wafer.provider.jca;

import dev.wafer.conformance.WycheproofRsaPkcs1Conformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's RSASSA-PKCS1-v1_5 (RS256) vectors on the JDK provider. */
class JcaWycheproofRsaPkcs1Test extends WycheproofRsaPkcs1Conformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }

    /**
     * SunRsaSign accepts the DigestInfo without NULL: when the encoding with NULL does not match,
     * its {@code RSASignature.engineVerify} tries again with the encoding that omits it (JDK 17.0.15,
     * tcId 8 of all three files). Wycheproof rates this acceptable; Tink rejects it.
     */
    @Override
    protected boolean acceptsPkcs1MissingNull() {
        return true;
    }
}
