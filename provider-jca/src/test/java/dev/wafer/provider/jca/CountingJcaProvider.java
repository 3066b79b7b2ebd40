package dev.wafer.provider.jca;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK provider under another name and a higher priority, counting the AEAD engines it makes, so
 * that a test can tell these engines from the default ones. Found only through a class loader a test
 * gives it (no services file on the test class path names it).
 */
public final class CountingJcaProvider implements WaferProvider {
    static final AtomicInteger AEAD_ENGINES = new AtomicInteger();
    private final JcaProvider jca = new JcaProvider();

    @Override
    public String spiVersion() {
        return jca.spiVersion();
    }

    @Override
    public String name() {
        return "counting-jca";
    }

    @Override
    public String version() {
        return jca.version();
    }

    @Override
    public int priority() {
        return jca.priority() + 1000;
    }

    @Override
    public Set<Algorithm> algorithms() {
        return jca.algorithms();
    }

    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        AEAD_ENGINES.incrementAndGet();
        return jca.newAeadEngine(algorithm, key);
    }

    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        return jca.newSigner(algorithm, key);
    }

    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        return jca.newVerifier(algorithm, key);
    }
}
