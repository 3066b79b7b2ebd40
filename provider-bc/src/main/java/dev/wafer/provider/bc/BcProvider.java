package dev.wafer.provider.bc;

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
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * Wafer's provider on BouncyCastle's lightweight API ({@code org.bouncycastle.crypto}), never its
 * JCA provider: AES-256-GCM and XAES-256-GCM on {@code GCMBlockCipher}, AES-256-GCM-SIV (RFC 8452)
 * on {@code GCMSIVBlockCipher}, Ed25519 on {@code Ed25519Signer}, RS256 on {@code RSADigestSigner}
 * and PS256 on {@code PSSSigner}.
 *
 * <h2>Security</h2>
 * <p>Only BouncyCastle primitives run here; XAES-256-GCM's key derivation is the C2SP
 * specification's CMAC-AES-256 on BouncyCastle's {@code CMac}. Every engine copies its key. RSA
 * private-key operations are blinded ({@code RSABlindedEngine}). BouncyCastle's AES is pure Java,
 * table-based, without AES-NI: it is not constant-time the way the JDK's intrinsic AES is, one more
 * reason why {@link #priority(Algorithm)} ranks this provider's GCM below the JDK's. No message or
 * {@code toString} names key bytes. This class is thread-safe, and so is every engine it creates.
 *
 * <p>Found by {@link java.util.ServiceLoader}; applications never name this class.
 *
 * @see <a href="https://c2sp.org/XAES-256-GCM">C2SP XAES-256-GCM</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8452">RFC 8452 (AES-GCM-SIV)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032#section-5.1">RFC 8032 §5.1 (Ed25519)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8017#section-8">RFC 8017 §8 (RSASSA-PSS, RSASSA-PKCS1-v1_5)</a>
 * @since 0.1
 */
public final class BcProvider implements WaferProvider {

    /** Creates the provider; it does no work until an algorithm or engine is asked for. */
    public BcProvider() {
    }

    /**
     * The name users choose this provider by.
     *
     * @return {@code bc}
     * @since 0.1
     */
    @Override
    public String name() {
        return "bc";
    }

    /**
     * The SPI this provider was built for.
     *
     * @return {@link WaferProvider#SPI_VERSION} as compiled
     * @since 0.1
     */
    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    /**
     * This provider's version, with BouncyCastle's, which decides its behaviour: the
     * {@code Implementation-Version} of the {@code org.bouncycastle} package when its jar declares
     * one (bcprov-jdk18on 1.87 does not), else the bcprov version this artifact was built and tested
     * against, recorded at build time.
     *
     * @return for example {@code wafer-provider-bc 1.87}
     * @since 0.1
     */
    @Override
    public String version() {
        return Version.STRING;
    }

    /**
     * The priority of this provider overall: the JDK provider's baseline. It wins where it is
     * measurably better, through {@link #priority(Algorithm)}.
     *
     * @return 100
     * @since 0.1
     */
    @Override
    public int priority() {
        return 100;
    }

    /**
     * The priority of this provider for one algorithm, against the JDK provider's 100.
     *
     * @param algorithm an algorithm this provider lists
     * @return 300 for Ed25519 and AES-256-GCM-SIV, 50 for AES-256-GCM and XAES-256-GCM, 80 for
     *     RS256 and PS256
     * @since 0.1
     */
    @Override
    public int priority(Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == SigningAlgorithm.ED25519 || algorithm == SealingAlgorithm.AES_256_GCM_SIV) {
            return 300;
        }
        if (algorithm == SealingAlgorithm.AES_256_GCM || algorithm == SealingAlgorithm.XAES_256_GCM) {
            return 50;
        }
        if (algorithm == SigningAlgorithm.RS256 || algorithm == SigningAlgorithm.PS256) {
            return 80;
        }
        return priority();
        // Measured figures on the development machine (JDK 17 and 25 alike), to be confirmed by
        // the JMH benchmarks in benchmarks/: BouncyCastle's Ed25519 signs about 18x faster than
        // the JDK's; its pure-Java GCM runs about 6x slower than the JDK's AES-NI GCM, and XAES is
        // that GCM plus two AES blocks; GCM-SIV only this provider has. RSA: no faster than the
        // JDK's (whose modular arithmetic has intrinsics), so below jca's 100 rather than tied
        // with it (a tie would go to "bc" by name).
    }

    /**
     * The algorithms this provider implements: all six of Wafer's, whenever BouncyCastle's
     * lightweight classes load (none, if bcprov is missing or too old).
     *
     * @return an immutable set, probed once
     * @since 0.1
     */
    @Override
    public Set<Algorithm> algorithms() {
        return Available.ALGORITHMS;
    }

    /**
     * Creates an AES-256-GCM (NIST SP 800-38D), XAES-256-GCM (C2SP) or AES-256-GCM-SIV (RFC 8452)
     * engine.
     *
     * @param algorithm the algorithm
     * @param key the 32 key bytes; copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if BouncyCastle did not load
     * @throws InvalidKeyException if the key is not 32 bytes
     * @throws GeneralSecurityException if BouncyCastle fails otherwise
     * @since 0.1
     */
    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        switch (EngineChecks.require(algorithm, algorithms(), name())) {
            case XAES_256_GCM:
                return XaesGcm.engine(key);
            case AES_256_GCM:
                return new AesGcm(key);
            case AES_256_GCM_SIV:
                return new AesGcmSiv(key);
            default:
                throw new NoSuchAlgorithmException(algorithm.jwkName() + " is not implemented here");
        }
    }

    /**
     * Creates an Ed25519 signer (RFC 8032 §5.1.6), BouncyCastle deriving the public key from the
     * seed, once, here; or an RS256 (RSASSA-PKCS1-v1_5, RFC 8017 §8.2) or PS256 (RSASSA-PSS,
     * RFC 8017 §8.1) signer, blinded, with a {@link SecureRandom} for the blinding and the PSS salt.
     *
     * @param algorithm the algorithm
     * @param key the 32-byte seed, or the RSA private key in CRT form
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if BouncyCastle did not load
     * @throws InvalidKeyException if the key is not of the algorithm's type, or BouncyCastle refuses it
     * @since 0.1
     */
    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        EngineChecks.require(algorithm, algorithms(), name());
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] seed = EngineChecks.ed25519Seed(key);
            try {
                Ed25519PrivateKeyParameters k = new Ed25519PrivateKeyParameters(seed); // copies the seed
                k.generatePublicKey(); // cached in the key, before the engine is shared between threads
                return new BcSigner(algorithm, k);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        RSAPrivateCrtKeySpec spec = EngineChecks.rsaPrivateKey(algorithm, key).spec();
        RSAPrivateCrtKeyParameters params;
        try {
            params = new RSAPrivateCrtKeyParameters(spec.getModulus(), spec.getPublicExponent(),
                    spec.getPrivateExponent(), spec.getPrimeP(), spec.getPrimeQ(), spec.getPrimeExponentP(),
                    spec.getPrimeExponentQ(), spec.getCrtCoefficient());
        } catch (IllegalArgumentException e) {
            // BouncyCastle's messages name the failed check ("RSA modulus is even"), not the key.
            throw new InvalidKeyException("RSA private key refused: " + e.getMessage());
        }
        return new BcSigner(algorithm, new ParametersWithRandom(params, Random.SECURE));
    }

    /**
     * Creates an Ed25519 (RFC 8032 §5.1.7), RS256 (RFC 8017 §8.2.2) or PS256 (RFC 8017 §8.1.2)
     * verifier.
     *
     * @param algorithm the algorithm
     * @param key the 32-byte encoded point, or the RSA public key
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if BouncyCastle did not load
     * @throws InvalidKeyException if the key is not of the algorithm's type, or BouncyCastle refuses it
     * @since 0.1
     */
    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        EngineChecks.require(algorithm, algorithms(), name());
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] encoded = EngineChecks.ed25519PublicKey(key);
            try {
                return new BcVerifier(algorithm, new Ed25519PublicKeyParameters(encoded)); // keeps no reference
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyException("Ed25519 public key does not decode to a curve point");
            }
        }
        RSAPublicKeySpec spec = EngineChecks.rsaPublicKey(algorithm, key).spec();
        RSAKeyParameters params;
        try {
            params = new RSAKeyParameters(false, spec.getModulus(), spec.getPublicExponent());
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("RSA public key refused: " + e.getMessage());
        }
        return new BcVerifier(algorithm, params);
    }

    @Override
    public String toString() {
        return "BcProvider[" + Version.STRING + "]";
    }

    /** Probed on first use, once: whether bcprov's lightweight classes load on this class path. */
    private static final class Available {
        static final Set<Algorithm> ALGORITHMS = probe();

        private static Set<Algorithm> probe() {
            try {
                // The very classes the engines use, so a listed algorithm cannot fail for want of one.
                AesGcm.newGcm();
                AesGcmSiv.newGcmSiv();
                new CMac(AESEngine.newInstance());
                for (SigningAlgorithm a : SigningAlgorithm.values()) {
                    BcSigner.newSigner(a);
                }
                return Set.copyOf(Algorithm.all());
            } catch (LinkageError | GeneralSecurityException | RuntimeException absent) {
                // bcprov missing, or older than the API used here: nothing is listed, all is refused
                return Collections.emptySet();
            }
        }

        private Available() {
        }
    }

    /** One {@link SecureRandom} for RSA blinding and PSS salts: SecureRandom is thread-safe. */
    private static final class Random {
        static final SecureRandom SECURE = new SecureRandom();

        private Random() {
        }
    }

    /** "wafer-provider-bc " and BouncyCastle's version, read once. */
    private static final class Version {
        static final String STRING = "wafer-provider-bc " + bouncyCastle();

        private static String bouncyCastle() {
            try {
                String declared = org.bouncycastle.LICENSE.class.getPackage().getImplementationVersion();
                if (declared != null) {
                    return declared;
                }
            } catch (LinkageError absent) {
                return "(bcprov-jdk18on not found)";
            }
            Properties built = new Properties();
            try (InputStream in = BcProvider.class.getResourceAsStream("bc-version.properties")) {
                if (in != null) {
                    built.load(in);
                }
            } catch (IOException unreadable) {
                // reported as unknown below
            }
            return built.getProperty("bouncycastle.version", "(unknown)");
        }

        private Version() {
        }
    }
}
