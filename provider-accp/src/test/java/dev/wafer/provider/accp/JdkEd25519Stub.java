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
import dev.wafer.spi.support.EngineChecks;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * The next engine in line when ACCP cannot load: Ed25519 on the JDK, a low priority, for the tests
 * of the fallback only (the module's tests have no other provider on the class path).
 */
public final class JdkEd25519Stub implements WaferProvider {
    static final String NAME = "jdk-ed25519-stub";
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** For {@link java.util.ServiceLoader}. */
    public JdkEd25519Stub() {
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return NAME + " " + Runtime.version();
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Set<Algorithm> algorithms() {
        return Set.of(SigningAlgorithm.ED25519);
    }

    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        throw new NoSuchAlgorithmException(algorithm.jwkName());
    }

    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        byte[] seed = EngineChecks.ed25519Seed(key);
        var privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        Arrays.fill(seed, (byte) 0);
        return new SignerEngine() {
            @Override
            public SigningAlgorithm algorithm() {
                return SigningAlgorithm.ED25519;
            }

            @Override
            public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(privateKey);
                s.update(data, off, len);
                return s.sign();
            }
        };
    }

    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        byte[] point = EngineChecks.ed25519PublicKey(key);
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + point.length);
        System.arraycopy(point, 0, spki, SPKI_PREFIX.length, point.length);
        var publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        return new VerifierEngine() {
            @Override
            public SigningAlgorithm algorithm() {
                return SigningAlgorithm.ED25519;
            }

            @Override
            public void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(publicKey);
                s.update(data, off, len);
                if (!s.verify(signature)) {
                    throw new SignatureException("Ed25519 signature does not verify");
                }
            }
        };
    }
}
