package dev.wafer.provider.jca;

import dev.wafer.conformance.ProviderConformance;
import dev.wafer.spi.WaferProvider;
import dev.wafer.spi.support.XaesGcm.Parts;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** Every conformance suite of the api's test-jar, on the JDK provider. */
class JcaConformanceTest extends ProviderConformance {
    @Override
    protected WaferProvider spi() {
        return new JcaProvider();
    }

    @Override
    protected String moduleName() {
        return "dev.wafer.provider.jca";
    }

    @Override
    protected List<String> engineModules() {
        return List.of();
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

    @Override
    protected Optional<Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
        return Optional.of(new XaesGcm(key));
    }
}
