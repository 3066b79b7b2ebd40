package dev.wafer.provider.accp;

import dev.wafer.conformance.ProviderConformance;
import dev.wafer.spi.WaferProvider;
import dev.wafer.spi.support.XaesGcm.Parts;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** Every conformance suite of the api's test-jar, on the ACCP provider. */
class AccpConformanceTest extends ProviderConformance {
    @Override
    protected WaferProvider spi() {
        return new AccpProvider();
    }

    @Override
    protected String moduleName() {
        return "dev.wafer.provider.accp";
    }

    /** ACCP's explicit module name (the module-info.class of its jar). */
    @Override
    protected List<String> engineModules() {
        return List.of("com.amazon.corretto.crypto.provider");
    }

    /**
     * AWS-LC rejects the DigestInfo without NULL: its {@code RSA_verify} builds the one DER encoding
     * and compares (ACCP 2.5.0, AWS-LC v1.47.0, tcId 8 of all three files), as Tink does. Wycheproof
     * rates this acceptable; the JDK and BouncyCastle accept it.
     */
    @Override
    protected boolean acceptsPkcs1MissingNull() {
        return false;
    }

    @Override
    protected Optional<Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
        return Optional.of(new XaesGcm(key, Accp.system().provider()));
    }

    /** A fifth of the default count keeps the module's tests well under a minute. */
    @Override
    protected long valuesToSeal(long defaultCount) {
        return Long.getLong("wafer.concurrency.values", 2_000_000);
    }
}
