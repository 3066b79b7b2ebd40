package dev.wafer.provider.jca;

import dev.wafer.Algorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;

/**
 * Wafer's provider on the JDK alone: AES-GCM and XAES-256-GCM on SunJCE, Ed25519 on SunEC, RS256
 * and PS256 on SunRsaSign, each taken from the JCA by algorithm name.
 *
 * <h2>Security</h2>
 * <p>Only JDK primitives run here; XAES-256-GCM's key derivation is the C2SP specification's
 * composition of AES blocks. Every engine copies its key. AES-256-GCM-SIV (RFC 8452) is not in the
 * JDK, so this provider does not list it and refuses it with a
 * {@link NoSuchAlgorithmException}: add {@code wafer-provider-bc} for it. No message or
 * {@code toString} names key bytes. This class is thread-safe, and so is every engine it creates.
 *
 * <p>Found by {@link java.util.ServiceLoader}; applications never name this class.
 *
 * @see <a href="https://c2sp.org/XAES-256-GCM">C2SP XAES-256-GCM</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032#section-5.1">RFC 8032 §5.1 (Ed25519)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8017#section-8">RFC 8017 §8 (RSASSA-PSS, RSASSA-PKCS1-v1_5)</a>
 * @since 0.1
 */
public final class JcaProvider implements WaferProvider {

    private static final String VERSION = "wafer-provider-jca " + Runtime.version();
    private static final int ED25519_KEY_BYTES = 32;
    /** DER of SubjectPublicKeyInfo for Ed25519 (RFC 8410 §4), up to the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX =
            {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    /** Creates the provider; it does no work until an algorithm or engine is asked for. */
    public JcaProvider() {
    }

    /**
     * The name users choose this provider by.
     *
     * @return {@code jca}
     * @since 0.1
     */
    @Override
    public String name() {
        return "jca";
    }

    /**
     * This provider's version, with the JDK's, which decides its behaviour.
     *
     * @return for example {@code wafer-provider-jca 17.0.15+6}
     * @since 0.1
     */
    @Override
    public String version() {
        return VERSION;
    }

    /**
     * The priority of the JDK provider: the baseline, below providers that add algorithms.
     *
     * @return 100
     * @since 0.1
     */
    @Override
    public int priority() {
        return 100;
    }

    /**
     * The algorithms this JDK offers: XAES-256-GCM, AES-256-GCM, Ed25519, RS256 and PS256 on a
     * standard JDK 17, fewer where a restricted JDK (a FIPS configuration, a {@code jlink} image
     * without {@code jdk.crypto.ec}) lacks a JCA service. Never AES-256-GCM-SIV.
     *
     * @return an immutable set, probed once
     * @since 0.1
     */
    @Override
    public Set<Algorithm> algorithms() {
        return Available.ALGORITHMS;
    }

    /**
     * Creates an AES-256-GCM (NIST SP 800-38D) or XAES-256-GCM (C2SP) engine.
     *
     * @param algorithm {@link Algorithm#AES_256_GCM} or {@link Algorithm#XAES_256_GCM}
     * @param key the 32 key bytes; copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException for any other algorithm, AES-256-GCM-SIV included
     * @throws InvalidKeyException if the key is not 32 bytes
     * @throws GeneralSecurityException if the JDK fails otherwise
     * @since 0.1
     */
    @Override
    public AeadEngine newAeadEngine(Algorithm algorithm, byte[] key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        return switch (require(algorithm, Algorithm.Use.SEAL)) {
            case XAES_256_GCM -> new XaesGcm(key);
            case AES_256_GCM -> new AesGcm(key);
            default -> throw new IllegalStateException("unexpected " + algorithm);
        };
    }

    /**
     * Creates an Ed25519 signer (RFC 8032 §5.1.6); SunEC derives the public key from the seed.
     *
     * @param seed the 32-byte private key (RFC 8032 §5.1.5); copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if this JDK lacks Ed25519
     * @throws InvalidKeyException if the seed is not 32 bytes
     * @throws GeneralSecurityException if the JDK refuses the key otherwise
     * @since 0.1
     */
    @Override
    public SignerEngine newEd25519Signer(byte[] seed) throws GeneralSecurityException {
        Objects.requireNonNull(seed, "seed");
        require(Algorithm.ED25519, Algorithm.Use.SIGN);
        checkEd25519Length(seed, "private");
        // EdECPrivateKeySpec clones the seed, and the key SunEC makes from it holds its own copy.
        return new JcaSigner(Algorithm.ED25519, KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
    }

    /**
     * Creates an Ed25519 verifier (RFC 8032 §5.1.7).
     *
     * @param publicKey the 32-byte encoded public key (RFC 8032 §5.1.2); copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if this JDK lacks Ed25519
     * @throws InvalidKeyException if the key is not 32 bytes or does not decode to a curve point
     * @throws GeneralSecurityException if the JDK refuses the key otherwise
     * @since 0.1
     */
    @Override
    public VerifierEngine newEd25519Verifier(byte[] publicKey) throws GeneralSecurityException {
        Objects.requireNonNull(publicKey, "publicKey");
        require(Algorithm.ED25519, Algorithm.Use.SIGN);
        checkEd25519Length(publicKey, "public");
        // The JCA reads raw Ed25519 public keys only as SubjectPublicKeyInfo (RFC 8410 §4).
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES);
        System.arraycopy(publicKey, 0, spki, ED25519_SPKI_PREFIX.length, ED25519_KEY_BYTES);
        return new JcaVerifier(Algorithm.ED25519,
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
    }

    /**
     * Creates an RS256 (RSASSA-PKCS1-v1_5, RFC 8017 §8.2) or PS256 (RSASSA-PSS, RFC 8017 §8.1)
     * signer.
     *
     * @param algorithm {@link Algorithm#RS256} or {@link Algorithm#PS256}
     * @param key the private key in CRT form
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException for any other algorithm
     * @throws GeneralSecurityException if the JDK refuses the key
     * @since 0.1
     */
    @Override
    public SignerEngine newRsaSigner(Algorithm algorithm, RSAPrivateCrtKeySpec key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        return new JcaSigner(requireRsa(algorithm), KeyFactory.getInstance("RSA").generatePrivate(key));
    }

    /**
     * Creates an RS256 (RFC 8017 §8.2.2) or PS256 (RFC 8017 §8.1.2) verifier.
     *
     * @param algorithm {@link Algorithm#RS256} or {@link Algorithm#PS256}
     * @param key the public key
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException for any other algorithm
     * @throws GeneralSecurityException if the JDK refuses the key
     * @since 0.1
     */
    @Override
    public VerifierEngine newRsaVerifier(Algorithm algorithm, RSAPublicKeySpec key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        return new JcaVerifier(requireRsa(algorithm), KeyFactory.getInstance("RSA").generatePublic(key));
    }

    @Override
    public String toString() {
        return "JcaProvider[" + VERSION + "]";
    }

    private static Algorithm requireRsa(Algorithm algorithm) throws NoSuchAlgorithmException {
        if (require(algorithm, Algorithm.Use.SIGN) == Algorithm.ED25519) {
            throw new NoSuchAlgorithmException("RSA engines take RS256 or PS256, not " + algorithm);
        }
        return algorithm;
    }

    private static Algorithm require(Algorithm algorithm, Algorithm.Use use) throws NoSuchAlgorithmException {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == Algorithm.AES_256_GCM_SIV) {
            throw new NoSuchAlgorithmException(
                    "AES-256-GCM-SIV is not available in the JDK provider; add wafer-provider-bc");
        }
        if (algorithm.use() != use) {
            throw new NoSuchAlgorithmException(algorithm + " is not a "
                    + (use == Algorithm.Use.SEAL ? "sealing" : "signature") + " algorithm");
        }
        if (!Available.ALGORITHMS.contains(algorithm)) {
            throw new NoSuchAlgorithmException(algorithm.jwkName() + " is not available on this JDK ("
                    + Runtime.version() + ")");
        }
        return algorithm;
    }

    private static void checkEd25519Length(byte[] key, String which) throws InvalidKeyException {
        if (key.length != ED25519_KEY_BYTES) {
            throw new InvalidKeyException("Ed25519 " + which + " key must be " + ED25519_KEY_BYTES
                    + " bytes, got " + key.length);
        }
    }

    /** Probed on first use, once: the JCA's services are fixed for the life of the JVM in practice. */
    private static final class Available {
        static final Set<Algorithm> ALGORITHMS = probe();

        private static Set<Algorithm> probe() {
            Set<Algorithm> found = EnumSet.noneOf(Algorithm.class);
            for (Algorithm a : EnumSet.of(Algorithm.XAES_256_GCM, Algorithm.AES_256_GCM,
                    Algorithm.ED25519, Algorithm.RS256, Algorithm.PS256)) {
                try {
                    // The very services the engines get, so a listed algorithm cannot fail for want of one.
                    if (a.use() == Algorithm.Use.SEAL) {
                        Cipher.getInstance("AES/GCM/NoPadding");
                        if (a == Algorithm.XAES_256_GCM) {
                            Cipher.getInstance("AES/ECB/NoPadding");
                        }
                    } else {
                        KeyFactory.getInstance(a == Algorithm.ED25519 ? "Ed25519" : "RSA");
                        JcaSigner.newSignature(a);
                    }
                    found.add(a);
                } catch (GeneralSecurityException absent) {
                    // not on this runtime: left out of the list, refused by require()
                }
            }
            return Collections.unmodifiableSet(found);
        }

        private Available() {
        }
    }
}
