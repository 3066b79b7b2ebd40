package dev.wafer.provider.bc;

import dev.wafer.conformance.WycheproofRsaPkcs1Conformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's RSASSA-PKCS1-v1_5 (RS256) vectors on the BouncyCastle provider. */
class BcWycheproofRsaPkcs1Test extends WycheproofRsaPkcs1Conformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }

    /**
     * BouncyCastle accepts the DigestInfo without NULL: when the decoded block is two bytes shorter
     * than the encoding with NULL, {@code RSADigestSigner.verifySignature} compares it against that
     * encoding with the NULL left out (bcprov-jdk18on 1.87, tcId 8 of all three files), unless the
     * system property {@code org.bouncycastle.pkcs1.strict_digestinfo} is {@code true}, which this
     * build does not set. Wycheproof rates this acceptable; the JDK accepts it too, Tink rejects it.
     */
    @Override
    protected boolean acceptsPkcs1MissingNull() {
        return true;
    }
}
