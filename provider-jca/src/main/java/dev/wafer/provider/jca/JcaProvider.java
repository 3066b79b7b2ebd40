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
import dev.wafer.spi.support.EngineChecks;
import dev.wafer.spi.support.JceAesGcm;
import dev.wafer.spi.support.JceSignatures;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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
     * Creates an AES-256-GCM (NIST SP 800-38D) or XAES-256-GCM (C2SP) engine on SunJCE.
     *
     * @param algorithm {@link SealingAlgorithm#AES_256_GCM} or {@link SealingAlgorithm#XAES_256_GCM}
     * @param key the 32 key bytes; copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException for any other algorithm, AES-256-GCM-SIV included
     * @throws InvalidKeyException if the key is not 32 bytes
     * @throws GeneralSecurityException if the JDK fails otherwise
     * @since 0.1
     */
    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        if (algorithm == SealingAlgorithm.AES_256_GCM_SIV) {
            throw new NoSuchAlgorithmException("AES-256-GCM-SIV is not available in the JDK provider; add wafer-provider-bc");
        }
        switch (EngineChecks.require(algorithm, algorithms(), name())) {
            case XAES_256_GCM:
                return XaesGcm.engine(key);
            case AES_256_GCM:
                return JceAesGcm.create(key, Cipher::getInstance, name());
            default:
                throw new NoSuchAlgorithmException(algorithm.jwkName() + " is not implemented here");
        }
    }

    /**
     * Creates an Ed25519 signer (RFC 8032 §5.1.6; SunEC derives the public key from the seed), or
     * an RS256 (RSASSA-PKCS1-v1_5, RFC 8017 §8.2) or PS256 (RSASSA-PSS, RFC 8017 §8.1) signer.
     *
     * @param algorithm the algorithm
     * @param key the 32-byte seed, or the RSA private key in CRT form
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if this JDK lacks the algorithm
     * @throws InvalidKeyException if the key is not of the algorithm's type
     * @throws GeneralSecurityException if the JDK refuses the key otherwise
     * @since 0.1
     */
    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        EngineChecks.require(algorithm, algorithms(), name());
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] seed = EngineChecks.ed25519Seed(key);
            try {
                // EdECPrivateKeySpec clones the seed, and the key SunEC makes from it holds its own copy.
                return JceSignatures.signer(algorithm, KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)), Signature::getInstance,
                        name());
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        return JceSignatures.signer(algorithm, KeyFactory.getInstance("RSA")
                .generatePrivate(EngineChecks.rsaPrivateKey(algorithm, key).spec()), Signature::getInstance, name());
    }

    /**
     * Creates an Ed25519 (RFC 8032 §5.1.7), RS256 (RFC 8017 §8.2.2) or PS256 (RFC 8017 §8.1.2)
     * verifier.
     *
     * @param algorithm the algorithm
     * @param key the 32-byte encoded point, or the RSA public key
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if this JDK lacks the algorithm
     * @throws InvalidKeyException if the key is not of the algorithm's type or does not decode
     * @throws GeneralSecurityException if the JDK refuses the key otherwise
     * @since 0.1
     */
    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        EngineChecks.require(algorithm, algorithms(), name());
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] encoded = EngineChecks.ed25519PublicKey(key);
            // The JCA reads raw Ed25519 public keys only as SubjectPublicKeyInfo (RFC 8410 §4).
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + encoded.length);
            System.arraycopy(encoded, 0, spki, ED25519_SPKI_PREFIX.length, encoded.length);
            return JceSignatures.verifier(algorithm, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)),
                    Signature::getInstance, name());
        }
        return JceSignatures.verifier(algorithm, KeyFactory.getInstance("RSA")
                .generatePublic(EngineChecks.rsaPublicKey(algorithm, key).spec()), Signature::getInstance, name());
    }

    @Override
    public String toString() {
        return "JcaProvider[" + VERSION + "]";
    }

    /** Probed on first use, once: the JCA's services are fixed for the life of the JVM in practice. */
    private static final class Available {
        static final Set<Algorithm> ALGORITHMS = probe();

        private static Set<Algorithm> probe() {
            Set<Algorithm> found = new LinkedHashSet<>();
            for (Algorithm a : List.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM,
                    SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256)) {
                try {
                    // The very services the engines get, so a listed algorithm cannot fail for want of one.
                    if (a instanceof SealingAlgorithm) {
                        Cipher.getInstance("AES/GCM/NoPadding");
                        if (a == SealingAlgorithm.XAES_256_GCM) {
                            Cipher.getInstance("AES/ECB/NoPadding");
                        }
                    } else {
                        KeyFactory.getInstance(a == SigningAlgorithm.ED25519 ? "Ed25519" : "RSA");
                        JceSignatures.newSignature((SigningAlgorithm) a, Signature::getInstance);
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
