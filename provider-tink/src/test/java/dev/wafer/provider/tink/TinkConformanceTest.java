package dev.wafer.provider.tink;

import dev.wafer.conformance.ProviderConformance;
import dev.wafer.spi.WaferProvider;
import dev.wafer.spi.support.XaesGcm.Parts;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** Every conformance suite of the api's test-jar, on the Tink provider. */
class TinkConformanceTest extends ProviderConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }

    @Override
    protected String moduleName() {
        return "dev.wafer.provider.tink";
    }

    /** Tink has no module-info: the automatic module name its manifest declares. */
    @Override
    protected List<String> engineModules() {
        return List.of("com.google.crypto.tink");
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

    @Override
    protected Optional<Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
        return Optional.of(new XaesGcm(key));
    }

    @Override
    protected long valuesToSeal(long defaultCount) {
        return Long.getLong("wafer.concurrency.values", 2_000_000);
    }
}
