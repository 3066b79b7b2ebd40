package dev.wafer.stub;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
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
    public AeadEngine newAeadEngine(Algorithm algorithm, byte[] key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    @Override
    public SignerEngine newEd25519Signer(byte[] seed) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    @Override
    public VerifierEngine newEd25519Verifier(byte[] publicKey) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    @Override
    public SignerEngine newRsaSigner(Algorithm algorithm, RSAPrivateCrtKeySpec key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    @Override
    public VerifierEngine newRsaVerifier(Algorithm algorithm, RSAPublicKeySpec key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException("stub");
    }

    /** Priority 10, Ed25519 only. */
    public static final class Alpha extends StubProvider {
        public Alpha() {
            super("alpha", 10, Set.of(Algorithm.ED25519));
        }
    }

    /** Priority 10, like alpha: a tie that the name breaks. */
    public static final class Beta extends StubProvider {
        public Beta() {
            super("beta", 10, Set.of(Algorithm.ED25519, Algorithm.XAES_256_GCM));
        }

        /** Low overall, but the best at XAES-256-GCM. */
        @Override
        public int priority(Algorithm algorithm) {
            return algorithm == Algorithm.XAES_256_GCM ? 60 : priority();
        }
    }

    /** Priority 50: the default. */
    public static final class High extends StubProvider {
        public High() {
            super("high", 50, Set.of(Algorithm.XAES_256_GCM, Algorithm.AES_256_GCM));
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
