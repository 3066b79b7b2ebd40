package dev.wafer.stub;

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
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/** A provider without engines, for discovery tests (JJWT's StubService, SLF4J's NoProviderAssertionTest). */
public abstract class StubProvider implements WaferProvider {
    private final String name;
    private final int priority;
    private final Set<Algorithm> algorithms;

    protected StubProvider(String name, int priority, Set<Algorithm> algorithms) {
        this.name = name;
        this.priority = priority;
        this.algorithms = algorithms;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "stub";
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Set<Algorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    /** Priority 10, Ed25519 only. */
    public static final class Alpha extends StubProvider {
        public Alpha() {
            super("alpha", 10, Set.of(SigningAlgorithm.ED25519));
        }
    }

    /** Priority 10, like alpha: a tie that the name breaks. */
    public static final class Beta extends StubProvider {
        public Beta() {
            super("beta", 10, Set.of(SigningAlgorithm.ED25519, SealingAlgorithm.XAES_256_GCM));
        }

        /** Low overall, but the best at XAES-256-GCM. */
        @Override
        public int priority(Algorithm algorithm) {
            return algorithm == SealingAlgorithm.XAES_256_GCM ? 60 : priority();
        }
    }

    /** Priority 50: the default. */
    public static final class High extends StubProvider {
        public High() {
            super("high", 50, Set.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM));
        }
    }

    /** Fails in its constructor: discovery must log and skip it. */
    public static final class Broken extends StubProvider {
        public Broken() {
            super("broken", 99, Set.of());
            throw new IllegalStateException("broken on purpose");
        }
    }
}
