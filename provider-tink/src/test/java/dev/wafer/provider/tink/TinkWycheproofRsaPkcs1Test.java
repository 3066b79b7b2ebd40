package dev.wafer.provider.tink;

import dev.wafer.conformance.WycheproofRsaPkcs1Conformance;
import dev.wafer.spi.WaferProvider;

/** Wycheproof's RSASSA-PKCS1-v1_5 (RS256) vectors on the Tink provider. */
class TinkWycheproofRsaPkcs1Test extends WycheproofRsaPkcs1Conformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }

    /**
     * Tink rejects the DigestInfo without NULL: {@code subtle.RsaSsaPkcs1VerifyJce} verifies (without
     * Conscrypt) in Tink's pure-Java {@code RsaSsaPkcs1PureJava}, which compares the recovered
     * encoded message with the single encoding RFC 8017 §9.2 builds, SHA-256's DigestInfo prefix
     * {@code 3031300d060960864801650304020105000420} with its NULL (Tink 1.24, tcId 8 of all three
     * files). Wycheproof rates the other form acceptable; the JDK accepts it.
     */
    @Override
    protected boolean acceptsPkcs1MissingNull() {
        return false;
    }
}
