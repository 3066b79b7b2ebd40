package dev.wafer.provider.tink;

import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.google.crypto.tink.subtle.EngineFactory;
import com.google.crypto.tink.subtle.Enums;
import com.google.crypto.tink.subtle.PrfAesCmac;
import com.google.crypto.tink.subtle.RsaSsaPkcs1SignJce;
import com.google.crypto.tink.subtle.RsaSsaPkcs1VerifyJce;
import com.google.crypto.tink.subtle.RsaSsaPssSignJce;
import com.google.crypto.tink.subtle.RsaSsaPssVerifyJce;
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
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Wafer's provider on Google Tink 1.24's public API: Ed25519, RS256 and PS256 on Tink's
 * {@code subtle} signature primitives; AES-256-GCM, XAES-256-GCM and (where the runtime offers it)
 * AES-256-GCM-SIV on the ciphers Tink's {@code subtle.EngineFactory} chooses, with XAES-256-GCM's
 * key derivation on Tink's {@code subtle.PrfAesCmac}.
 *
 * <h2>Which Tink classes, and why</h2>
 * <p>Only public Tink packages are used: {@code com.google.crypto.tink}, whose {@code subtle}
 * package is Tink's public low-level API, and never {@code aead.internal}, {@code internal} or
 * {@code signature.internal}, which Tink may change in any release.
 * <ul>
 * <li><b>Ed25519</b>: {@code subtle.Ed25519Sign(seed)}, which derives the public key from the seed,
 *     and {@code subtle.Ed25519Verify(publicKey)}: Tink's own pure-Java Ed25519, not the JDK's
 *     (Tink's {@code create(Ed25519PrivateKey)} factories would prefer the JDK's when present).</li>
 * <li><b>RS256</b>: {@code subtle.RsaSsaPkcs1SignJce} and {@code subtle.RsaSsaPkcs1VerifyJce} with
 *     SHA-256. Tink signs with the JCA's {@code SHA256withRSA} and verifies its own signature
 *     before it returns it; it verifies in pure Java against the one DigestInfo encoding with the
 *     NULL parameter, so it rejects Wycheproof's {@code MissingNull} signatures, which the JDK
 *     accepts. It refuses public exponents below 65537, even ones, and ones above 2^256.</li>
 * <li><b>PS256</b>: {@code subtle.RsaSsaPssSignJce} and {@code subtle.RsaSsaPssVerifyJce} with
 *     SHA-256, MGF1-SHA-256 and a 32-byte salt: Tink's EMSA-PSS over the JCA's raw RSA.</li>
 * <li><b>AES-256-GCM</b>: Tink's public AEADs ({@code subtle.AesGcmJce}, {@code Aead}) draw their
 *     own random IV and prepend it, so they cannot seal under the nonce that Wafer's format
 *     carries. The one Tink class that takes a caller's nonce, {@code aead.internal.InsecureNonceAesGcmJce},
 *     is internal, and it returns new arrays (no offsets, no in-place). It is a thin layer over the
 *     {@code AES/GCM/NoPadding} cipher of Tink's public {@code subtle.EngineFactory}; this provider
 *     uses that cipher directly, the same way, with a {@code GCMParameterSpec} per message.
 *     Trade-off: the bytes are Tink's (Tink's AES-GCM is that cipher), but on a plain JDK the cipher
 *     is SunJCE's, as in the JDK provider; with Conscrypt installed it is Conscrypt's.</li>
 * <li><b>XAES-256-GCM</b>: Tink 1.24 has X-AES-GCM ({@code aead.XAesGcmKey},
 *     {@code aead.subtle.XAesGcmAead}); with 12-byte salts and no prefix its output is
 *     {@code nonce || ciphertext || tag}, byte for byte the C2SP specification's (the tests run the
 *     C2SP vectors and the 10 000-iteration accumulated test through it). But it too draws its own
 *     nonce, so it can open Wafer's values yet not seal them. This provider therefore builds
 *     XAES-256-GCM from Tink's parts exactly as Tink's X-AES-GCM does: the per-message key from
 *     {@code subtle.PrfAesCmac} (NIST SP 800-108r1 with CMAC), then the AES-GCM above.</li>
 * <li><b>AES-256-GCM-SIV</b>: Tink has no GCM-SIV of its own; {@code aead.subtle.AesGcmSiv} needs a
 *     JCE provider with {@code AES/GCM-SIV/NoPadding} (Conscrypt). Listed only when
 *     {@code subtle.EngineFactory} finds such a cipher and it passes the RFC 8452 known answer;
 *     otherwise refused with a {@link NoSuchAlgorithmException} that says why.</li>
 * </ul>
 *
 * <h2>Security</h2>
 * <p>Every engine copies its key. No message or {@code toString} names key bytes. In Tink's
 * FIPS-only mode, {@code EngineFactory} hands out only the ciphers of Conscrypt-type providers and
 * Tink's primitives refuse what FIPS does not allow (Ed25519, AES-CMAC and so XAES-256-GCM, RSA
 * without BoringCrypto); the probe behind {@link #algorithms()} then leaves those out. This class
 * is thread-safe, and so is every engine it creates.
 *
 * <p>Found by {@link java.util.ServiceLoader}; applications never name this class.
 *
 * @see <a href="https://developers.google.com/tink">Google Tink</a>
 * @see <a href="https://c2sp.org/XAES-256-GCM">C2SP XAES-256-GCM</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8452">RFC 8452 (AES-GCM-SIV)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032#section-5.1">RFC 8032 §5.1 (Ed25519)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8017#section-8">RFC 8017 §8 (RSASSA-PSS, RSASSA-PKCS1-v1_5)</a>
 * @since 0.1
 */
public final class TinkProvider implements WaferProvider {

    private static final String VERSION = "wafer-provider-tink " + tinkVersion();
    private static final int PS256_SALT_BYTES = 32;
    /** What Tink's pure-Java Ed25519 says when a public key is no curve point (Tink 1.24). */
    private static final String TINK_NOT_A_POINT = "Cannot convert given bytes to extended projective coordinates";

    /** This runtime's algorithms, probed on first use: GCM-SIV depends on the installed JCE providers. */
    private volatile Probed probed;

    /** Creates the provider; it does no work until an algorithm or engine is asked for. */
    public TinkProvider() {
    }

    /**
     * The name users choose this provider by.
     *
     * @return {@code tink}
     * @since 0.1
     */
    @Override
    public String name() {
        return "tink";
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
     * This provider's version, with the version of the Tink jar on the class path.
     *
     * @return for example {@code wafer-provider-tink 1.24.0}
     * @since 0.1
     */
    @Override
    public String version() {
        return VERSION;
    }

    /**
     * The priority of the Tink provider overall: below the JDK's (100), so that with nothing else
     * to decide, the provider with no dependencies wins.
     *
     * @return 90
     * @since 0.1
     */
    @Override
    public int priority() {
        return 90;
    }

    /**
     * The priority of the Tink provider for one algorithm.
     *
     * @param algorithm an algorithm this provider lists
     * @return 150 for Ed25519, 100 for AES-256-GCM, 80 for XAES-256-GCM, RS256 and PS256,
     *     {@link #priority()} otherwise
     * @since 0.1
     */
    @Override
    public int priority(Algorithm algorithm) {
        // From single-thread measurements on the shared dev machine, to be settled by benchmarks/:
        // Tink's pure-Java Ed25519 signs ~4.5x faster than the JDK's (BouncyCastle's is faster
        // still); its AES-GCM is SunJCE's cipher, as jca's (a tie, broken by name); its XAES
        // re-keys AES-CMAC twice a message (~2x slower than jca's); its RSA signers verify every
        // signature they make (fault-attack defence, up to 2x slower).
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == SigningAlgorithm.ED25519) {
            return 150;
        }
        if (algorithm == SealingAlgorithm.AES_256_GCM) {
            return 100;
        }
        if (algorithm == SealingAlgorithm.XAES_256_GCM || algorithm == SigningAlgorithm.RS256
                || algorithm == SigningAlgorithm.PS256) {
            return 80;
        }
        return priority();
    }

    /**
     * The algorithms Tink offers on this runtime: XAES-256-GCM, AES-256-GCM, Ed25519, RS256 and PS256
     * on a standard JDK 17, and AES-256-GCM-SIV only where a JCE provider (Conscrypt) offers a
     * cipher that passes the RFC 8452 known answer. Fewer where Tink's FIPS-only mode or a
     * restricted JDK lacks what an engine needs.
     *
     * @return an immutable set, probed once per instance
     * @since 0.1
     */
    @Override
    public Set<Algorithm> algorithms() {
        return probed().algorithms;
    }

    /**
     * Creates an AES-256-GCM (NIST SP 800-38D), XAES-256-GCM (C2SP) or AES-256-GCM-SIV (RFC 8452) engine.
     *
     * @param algorithm a sealing algorithm this provider lists
     * @param key the 32 key bytes; copied
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException for AES-256-GCM-SIV where the runtime lacks it (the message
     *     says why)
     * @throws InvalidKeyException if the key is not 32 bytes
     * @throws GeneralSecurityException if Tink fails otherwise
     * @since 0.1
     */
    @Override
    public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        return switch (require(algorithm)) {
            case XAES_256_GCM -> XaesGcm.engine(key);
            case AES_256_GCM -> JceAesGcm.create(key, EngineFactory.CIPHER::getInstance, name());
            case AES_256_GCM_SIV -> new AesGcmSiv(key);
        };
    }

    /**
     * Creates an Ed25519 signer (RFC 8032 §5.1.6) on Tink's {@code subtle.Ed25519Sign}, which
     * derives the public key from the seed; an RS256 signer on {@code subtle.RsaSsaPkcs1SignJce}
     * (RFC 8017 §8.2); or a PS256 signer on {@code subtle.RsaSsaPssSignJce} (RFC 8017 §8.1:
     * SHA-256, MGF1-SHA-256, 32-byte salt).
     *
     * @param algorithm the algorithm
     * @param key the 32-byte seed, or the RSA private key in CRT form
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if Tink cannot run the algorithm here (FIPS-only mode)
     * @throws InvalidKeyException if the key is not of the algorithm's type
     * @throws GeneralSecurityException if Tink refuses the key otherwise
     * @since 0.1
     */
    @Override
    public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
        require(algorithm);
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] seed = EngineChecks.ed25519Seed(key);
            try {
                // Tink keeps the hashed scalar and public key it computes, not the seed array itself.
                return new TinkSigner(algorithm, new Ed25519Sign(seed));
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) rsaKeyFactory().generatePrivate(
                EngineChecks.rsaPrivateKey(algorithm, key).spec());
        return new TinkSigner(algorithm, algorithm == SigningAlgorithm.RS256
                ? new RsaSsaPkcs1SignJce(k, Enums.HashType.SHA256)
                : new RsaSsaPssSignJce(k, Enums.HashType.SHA256, Enums.HashType.SHA256, PS256_SALT_BYTES));
    }

    /**
     * Creates an Ed25519 verifier (RFC 8032 §5.1.7) on Tink's {@code subtle.Ed25519Verify}; an
     * RS256 verifier on {@code subtle.RsaSsaPkcs1VerifyJce} (RFC 8017 §8.2.2); or a PS256 verifier
     * on {@code subtle.RsaSsaPssVerifyJce} (RFC 8017 §8.1.2).
     *
     * @param algorithm the algorithm
     * @param key the 32-byte encoded point, or the RSA public key
     * @return a thread-safe engine
     * @throws NoSuchAlgorithmException if Tink cannot run the algorithm here
     * @throws InvalidKeyException if the key is not of the algorithm's type or does not decode
     * @throws GeneralSecurityException if Tink refuses the key otherwise
     * @since 0.1
     */
    @Override
    public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
        require(algorithm);
        if (algorithm == SigningAlgorithm.ED25519) {
            byte[] encoded = EngineChecks.ed25519PublicKey(key);
            PublicKeyVerify tink = new Ed25519Verify(encoded); // clones the key
            // Tink decodes the point only when it verifies, so a key that is no point would fail every
            // signature: refuse it now, as the SPI asks. Verifying a zero signature over nothing makes
            // Tink decode the key; any other failure is the expected "Signature check failed."
            try {
                tink.verify(new byte[2 * EngineChecks.ED25519_KEY_BYTES], new byte[0]);
            } catch (GeneralSecurityException e) {
                if (String.valueOf(e.getMessage()).startsWith(TINK_NOT_A_POINT)) {
                    throw new InvalidKeyException("Ed25519 public key does not decode to a curve point (RFC 8032 §5.1.3)");
                }
            }
            return new TinkVerifier(algorithm, tink);
        }
        RSAPublicKey k = (RSAPublicKey) rsaKeyFactory().generatePublic(EngineChecks.rsaPublicKey(algorithm, key).spec());
        return new TinkVerifier(algorithm, algorithm == SigningAlgorithm.RS256
                ? new RsaSsaPkcs1VerifyJce(k, Enums.HashType.SHA256)
                : new RsaSsaPssVerifyJce(k, Enums.HashType.SHA256, Enums.HashType.SHA256, PS256_SALT_BYTES));
    }

    @Override
    public String toString() {
        return "TinkProvider[" + VERSION + "]";
    }

    private Probed probed() {
        Probed p = probed;
        if (p == null) {
            // A race probes twice and keeps either answer: both describe the same runtime.
            p = new Probed(AesGcmSiv.unavailableBecause());
            probed = p;
        }
        return p;
    }

    private <A extends Algorithm> A require(A algorithm) throws NoSuchAlgorithmException {
        Objects.requireNonNull(algorithm, "algorithm");
        Probed p = probed();
        if (algorithm == SealingAlgorithm.AES_256_GCM_SIV && p.gcmSivUnavailable.isPresent()) {
            throw new NoSuchAlgorithmException(p.gcmSivUnavailable.get());
        }
        if (!p.algorithms.contains(algorithm)) {
            throw new NoSuchAlgorithmException(algorithm.jwkName() + " is not available in the Tink provider on"
                    + " this runtime (Tink " + tinkVersion() + ", Java " + Runtime.version() + ")");
        }
        return algorithm;
    }

    private static KeyFactory rsaKeyFactory() throws GeneralSecurityException {
        return EngineFactory.KEY_FACTORY.getInstance("RSA"); // the factory Tink's RSA primitives use
    }

    /**
     * The Tink jar's version, read at run time: {@code Version.TINK_VERSION} is a compile-time
     * constant, which javac would copy into this class, so a different Tink jar on the class path
     * would go unreported. Tink's manifest has no {@code Implementation-Version}.
     */
    private static String tinkVersion() {
        try {
            return String.valueOf(com.google.crypto.tink.Version.class.getField("TINK_VERSION").get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The algorithms of this runtime, with the reason GCM-SIV is missing if it is. */
    private static final class Probed {
        final Set<Algorithm> algorithms;
        final Optional<String> gcmSivUnavailable;

        Probed(Optional<String> gcmSivUnavailable) {
            this.gcmSivUnavailable = gcmSivUnavailable;
            Set<Algorithm> found = new LinkedHashSet<>(Fixed.ALGORITHMS);
            if (gcmSivUnavailable.isEmpty()) {
                found.add(SealingAlgorithm.AES_256_GCM_SIV);
            }
            this.algorithms = Collections.unmodifiableSet(found);
        }
    }

    /** The algorithms that do not depend on optional JCE providers, probed once per JVM. */
    private static final class Fixed {
        static final Set<Algorithm> ALGORITHMS = probe();

        private static Set<Algorithm> probe() {
            Set<Algorithm> found = new LinkedHashSet<>();
            for (Algorithm a : List.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM,
                    SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256)) {
                try {
                    // The very services and Tink classes the engines take, so a listed algorithm
                    // cannot fail for want of one.
                    if (a == SealingAlgorithm.XAES_256_GCM) {
                        EngineFactory.CIPHER.getInstance(JceAesGcm.TRANSFORMATION);
                        new PrfAesCmac(new byte[EngineChecks.AES_256_KEY_BYTES]);
                    } else if (a == SealingAlgorithm.AES_256_GCM) {
                        EngineFactory.CIPHER.getInstance(JceAesGcm.TRANSFORMATION);
                    } else if (a == SigningAlgorithm.ED25519) {
                        new Ed25519Verify(new byte[EngineChecks.ED25519_KEY_BYTES]);
                    } else if (a == SigningAlgorithm.RS256) {
                        rsaKeyFactory();
                        EngineFactory.SIGNATURE.getInstance("SHA256withRSA");
                        EngineFactory.MESSAGE_DIGEST.getInstance("SHA-256");
                    } else {
                        rsaKeyFactory();
                        EngineFactory.CIPHER.getInstance("RSA/ECB/NoPadding");
                        EngineFactory.MESSAGE_DIGEST.getInstance("SHA-256");
                    }
                    found.add(a);
                } catch (GeneralSecurityException | IllegalStateException absent) {
                    // not on this runtime (Tink's FIPS-only mode throws IllegalStateException from
                    // Ed25519Verify): left out of the list, refused by require()
                }
            }
            return Collections.unmodifiableSet(found);
        }

        private Fixed() {
        }
    }
}
