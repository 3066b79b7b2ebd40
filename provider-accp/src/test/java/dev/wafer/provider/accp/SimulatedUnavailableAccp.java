package dev.wafer.provider.accp;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.PrivateKeyMaterial;
import dev.wafer.spi.PublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * The ACCP provider as it is where ACCP's native library failed to load, registered by
 * {@link AccpProviderTest} through {@link java.util.ServiceLoader}: every call goes to an
 * {@link AccpProvider} on an unavailable {@link Accp}.
 */
public final class SimulatedUnavailableAccp implements WaferProvider {
    static final String LOADING_ERROR = "java.lang.UnsatisfiedLinkError: /tmp/libamazonCorrettoCryptoProvider.so: "
            + "wrong ELF class (simulated)";

    private final AccpProvider provider = new AccpProvider(Accp.unavailable("its native library did not load: " + LOADING_ERROR));

    /** For {@link java.util.ServiceLoader}. */
    public SimulatedUnavailableAccp() {
    }

    @Override
    public String spiVersion() {
        return provider.spiVersion();
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public String version() {
        return provider.version();
    }

    @Override
    public int priority() {
        return provider.priority();
    }

    @Override
    public int priority(Algorithm algorithm) {
        return provider.priority(algorithm);
    }

    @Override
    public Set<Algorithm> algorithms() {
        return provider.algorithms();
    }

    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        return provider.newAeadEngine(algorithm, key);
    }

    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        return provider.newSigner(algorithm, key);
    }

    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        return provider.newVerifier(algorithm, key);
    }
}
