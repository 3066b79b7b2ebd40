package dev.wafer.provider.bc;

import dev.wafer.conformance.ProviderConformance;
import dev.wafer.spi.WaferProvider;
import dev.wafer.spi.support.XaesGcm.Parts;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** Every conformance suite of the api's test-jar, on the BouncyCastle provider. */
class BcConformanceTest extends ProviderConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }

    @Override
    protected String moduleName() {
        return "dev.wafer.provider.bc";
    }

    /** bcprov-jdk18on's explicit module name (its META-INF/versions/9/module-info.class). */
    @Override
    protected List<String> engineModules() {
        return List.of("org.bouncycastle.provider");
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

    @Override
    protected Optional<Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
        return Optional.of(new XaesGcm(key));
    }

    /** Pure-Java GCM: a quarter of the default count keeps the run short. */
    @Override
    protected long valuesToSeal(long defaultCount) {
        return Long.getLong("wafer.concurrency.values", 2_000_000);
    }
}
