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
import dev.wafer.spi.support.JceAesGcm;
import dev.wafer.spi.support.JceSignatures;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;

/**
 * Wafer's provider on the Amazon Corretto Crypto Provider (ACCP 2.5, AWS-LC through JNI): Ed25519,
 * RS256 and PS256 signatures, AES-256-GCM and XAES-256-GCM, for Linux x86_64 and aarch64.
 *
 * <h2>Security</h2>
 * <p>Only AWS-LC primitives run here, through ACCP's JCA services, which this provider asks for by
 * provider object: ACCP is never installed in {@link java.security.Security}, so nothing else in the
 * application changes. ACCP accepts an Ed25519 public key of small order (the identity point among
 * them) at the primitive level, as the JDK does; the api refuses such keys at import, before any
 * engine sees one; ACCP also leaves the decoding of the point to its first use, so
 * {@link #newVerifier} decodes it with the JDK's SunEC first and refuses a point off the curve with
 * an {@link InvalidKeyException}. AES-256-GCM-SIV is not offered (ACCP has none): it is refused with
 * a {@link NoSuchAlgorithmException}.
 *
 * <h2>Availability</h2>
 * <p>ACCP is loaded, and its own self-tests run, the first time this provider is asked for its
 * algorithms. Where its native library cannot load (another operating system or architecture, a
 * missing classifier jar, a {@code noexec} temporary directory), {@link #algorithms()} throws an
 * {@link IllegalStateException} that carries the loading error: Wafer then skips this provider, names
 * it and the error among the problems of {@code Wafer.report()}, and chooses among the others.
 * No message or {@code toString} names key bytes. This class is thread-safe, and so is every engine
 * it creates.
 *
 * <p>Found by {@link java.util.ServiceLoader}; applications never name this class.
 *
 * @see <a href="https://github.com/corretto/amazon-corretto-crypto-provider">Amazon Corretto Crypto Provider</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032#section-5.1">RFC 8032 §5.1 (Ed25519)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8017#section-8">RFC 8017 §8 (RSASSA-PSS, RSASSA-PKCS1-v1_5)</a>
 * @since 0.1
 */
public final class AccpProvider implements WaferProvider {

    private static final Set<Algorithm> ALGORITHMS = Set.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM,
            SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256);
    /** DER of SubjectPublicKeyInfo for Ed25519 (RFC 8410 §4), up to the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX =
            {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final Accp accp;

    /** Creates the provider; ACCP is loaded when an algorithm or engine is first asked for. */
    public AccpProvider() {
        this(null);
    }

    /** For tests: a provider on the given ACCP, or on this JVM's when {@code null}. */
    AccpProvider(Accp accp) {
        this.accp = accp;
    }

    /**
     * The name users choose this provider by.
     *
     * @return {@code accp}
     * @since 0.1
     */
    @Override
    public String name() {
        return "accp";
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
     * This provider's version, with ACCP's and AWS-LC's, which decide its behaviour.
     *
     * @return for example {@code wafer-provider-accp on ACCP 2.5.0, AWS-LC v1.47.0}
     * @since 0.1
     */
    @Override
    public String version() {
        return "wafer-provider-accp on " + accp().version();
    }

    /**
     * The priority of this provider overall: the JDK provider's baseline. It wins where it is
     * measurably faster, through {@link #priority(Algorithm)}.
     *
     * @return 100
     * @since 0.1
     */
    @Override
    public int priority() {
        return 100;
    }

    /**
     * The priority of this provider for one algorithm, from the JMH measurements of
     * docs/benchmarks.md: above every other provider for the signatures, below the JDK's for
     * AES-256-GCM.
     *
     * @param algorithm an algorithm
     * @return 400 for Ed25519 (BouncyCastle has 300), 200 for RS256 and PS256 (the JDK has 100),
     *     90 for AES-256-GCM and XAES-256-GCM (the JDK has 100)
     * @since 0.1
     */
    @Override
    public int priority(Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == SigningAlgorithm.ED25519) {
            return 400; // signs about 4x faster than BouncyCastle, verifies about 2x
        }
        if (algorithm == SigningAlgorithm.RS256 || algorithm == SigningAlgorithm.PS256) {
            return 200; // signs about 4x faster than SunRsaSign, verifies about 2x
        }
        if (algorithm == SealingAlgorithm.AES_256_GCM || algorithm == SealingAlgorithm.XAES_256_GCM) {
            return 90; // no faster than SunJCE's AES-NI GCM on small values: the JDK's keeps it
        }
        return priority();
    }

    /**
     * The algorithms ACCP serves here: XAES-256-GCM, AES-256-GCM, Ed25519, RS256 and PS256; never
     * AES-256-GCM-SIV.
     *
     * @return an immutable set
     * @throws IllegalStateException if ACCP is unavailable on this platform, naming the loading error
     * @since 0.1
     */
    @Override
    public Set<Algorithm> algorithms() {
        accp().provider();
        return ALGORITHMS;
    }

    /**
     * Creates an AES-256-GCM (NIST SP 800-38D) or XAES-256-GCM (C2SP) engine on ACCP's
     * {@code AES/GCM/NoPadding} (and, for XAES's key derivation, its AES block).
     *
     * @param algorithm {@link SealingAlgorithm#AES_256_GCM} or {@link SealingAlgorithm#XAES_256_GCM}
     * @param key the 32 key bytes; copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException for any other algorithm, AES-256-GCM-SIV included, or if
     *     ACCP is unavailable here (with the loading error)
     * @throws InvalidKeyException if the key is not 32 bytes
     * @throws GeneralSecurityException if ACCP fails otherwise
     * @since 0.1
     */
    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == SealingAlgorithm.AES_256_GCM_SIV) {
            throw new NoSuchAlgorithmException("AES-256-GCM-SIV is not available in the ACCP provider; add wafer-provider-bc");
        }
        Provider p = provider();
        switch (EngineChecks.require(algorithm, ALGORITHMS, name())) {
            case XAES_256_GCM:
                return XaesGcm.engine(key, p);
            case AES_256_GCM:
                return JceAesGcm.create(key, transformation -> Cipher.getInstance(transformation, p), name());
            default:
                throw new NoSuchAlgorithmException(algorithm.jwkName() + " is not implemented here");
        }
    }

    /**
     * Creates an Ed25519 signer (RFC 8032 §5.1.6), or an RS256 (RSASSA-PKCS1-v1_5, RFC 8017 §8.2) or
     * PS256 (RSASSA-PSS, RFC 8017 §8.1) signer, on ACCP's signatures.
     *
     * @param algorithm the algorithm
     * @param key the 32-byte seed, or the RSA private key in CRT form
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if the algorithm is not a signature algorithm, or if ACCP is
     *     unavailable here (with the loading error)
     * @throws InvalidKeyException if the key is not of the algorithm's type
     * @throws GeneralSecurityException if ACCP refuses the key otherwise
     * @since 0.1
     */
    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        Provider p = provider();
        EngineChecks.require(algorithm, ALGORITHMS, name());
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] seed = EngineChecks.ed25519Seed(key);
            try {
                // ACCP 2.5 registers no Ed25519 key factory: the JDK's key, which ACCP's signature
                // translates into an AWS-LC key once, when a thread first initialises it.
                return JceSignatures.signer(algorithm, KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)), signatures(p), name());
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        return JceSignatures.signer(algorithm, KeyFactory.getInstance("RSA", p)
                .generatePrivate(EngineChecks.rsaPrivateKey(algorithm, key).spec()), signatures(p), name());
    }

    /**
     * Creates an Ed25519 (RFC 8032 §5.1.7), RS256 (RFC 8017 §8.2.2) or PS256 (RFC 8017 §8.1.2)
     * verifier on ACCP's signatures.
     *
     * @param algorithm the algorithm
     * @param key the 32-byte encoded point, or the RSA public key
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if the algorithm is not a signature algorithm, or if ACCP is
     *     unavailable here (with the loading error)
     * @throws InvalidKeyException if the key is not of the algorithm's type or does not decode
     * @throws GeneralSecurityException if ACCP refuses the key otherwise
     * @since 0.1
     */
    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        Provider p = provider();
        EngineChecks.require(algorithm, ALGORITHMS, name());
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] encoded = EngineChecks.ed25519PublicKey(key);
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + encoded.length);
            System.arraycopy(encoded, 0, spki, ED25519_SPKI_PREFIX.length, encoded.length);
            PublicKey point = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            // ACCP takes any 32 bytes here; SunEC decodes the point in initVerify, once per engine,
            // and throws InvalidKeyException for one that is not on the curve.
            Signature.getInstance("Ed25519").initVerify(point);
            return JceSignatures.verifier(algorithm, point, signatures(p), name());
        }
        return JceSignatures.verifier(algorithm, KeyFactory.getInstance("RSA", p)
                .generatePublic(EngineChecks.rsaPublicKey(algorithm, key).spec()), signatures(p), name());
    }

    /** ACCP's signatures, asked of the provider object itself (not by name: it may not be installed). */
    private static JceSignatures.SignatureFactory signatures(Provider p) {
        return algorithm -> Signature.getInstance(algorithm, p);
    }

    @Override
    public String toString() {
        return "AccpProvider[" + accp().version() + "]";
    }

    private Accp accp() {
        return accp == null ? Accp.system() : accp;
    }

    private Provider provider() throws NoSuchAlgorithmException {
        try {
            return accp().provider();
        } catch (IllegalStateException unavailable) {
            throw (NoSuchAlgorithmException) new NoSuchAlgorithmException(unavailable.getMessage()).initCause(unavailable);
        }
    }
}
