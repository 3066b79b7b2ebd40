package dev.wafer;

import dev.wafer.internal.JdkEd25519;
import dev.wafer.internal.PemArmour;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports and exports signing keys as PEM (RFC 7468): private keys as PKCS#8 {@code PRIVATE KEY}
 * (RFC 5208, RFC 5958; Ed25519 as in RFC 8410 §7) and public keys as X.509 SubjectPublicKeyInfo
 * {@code PUBLIC KEY} (RFC 5280 §4.1.2.7; Ed25519 as in RFC 8410 §4), the files that
 * {@code openssl genpkey}, {@code openssl genrsa} and {@code openssl pkey -pubout} write.
 *
 * <pre>{@code
 * SigningKey key = Pem.readPrivateKey(Files.readString(path), SigningAlgorithm.ED25519, null);
 * String pem = Pem.writePublicKey(key.publicKey());
 * }</pre>
 *
 * <h2>What is read</h2>
 * <ul>
 * <li>Text around the PEM blocks is ignored (RFC 7468 §5.2); inside a block, the body must be
 *     strict base64 (white space allowed between characters, nothing else), and encapsulated
 *     headers such as OpenSSL's {@code Proc-Type} are refused.</li>
 * <li>The algorithm is the caller's: a PEM file does not say whether an RSA key is for
 *     {@code RS256} or {@code PS256}, and the algorithm belongs to the key (RFC 8725 §3.1). A key
 *     of another type than the algorithm's is refused.</li>
 * <li>An Ed25519 {@code PRIVATE KEY} of PKCS#8 version 1 (what {@code openssl genpkey} writes)
 *     does not carry its public key; Wafer derives it with the JDK's own Ed25519 key-pair
 *     generator from the private key, and checks that the generator did use it. A
 *     {@code PUBLIC KEY} block in the same text is accepted too; it must then match the private
 *     key. Where the JDK cannot derive the public key, that block is required.</li>
 * <li>Refused, each with a {@link KeyException} that says what to do instead: encrypted keys
 *     ({@code ENCRYPTED PRIVATE KEY}; Wafer seals whole key files at rest, see
 *     {@link KeyFiles}), PKCS#1 ({@code RSA PRIVATE KEY}, {@code RSA PUBLIC KEY}), OpenSSH keys,
 *     certificates, other key types (EC, X25519), RSA keys under 2048 bits, text over 64 KiB.</li>
 * </ul>
 *
 * <h2>Security</h2>
 * <p>A {@code PRIVATE KEY} PEM is a secret: store what {@link #writePrivateKey(SigningKey)} returns
 * as one. Error messages name the block and what is wrong with it, never key bytes or the input
 * text. Parsing and encoding use the JDK only ({@link KeyFactory}, {@link Base64}). This class is
 * stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7468">RFC 7468: Textual Encodings of PKIX, PKCS, and CMS Structures</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8410">RFC 8410: Algorithm Identifiers for Ed25519 in PKIX</a>
 * @since 0.1
 */
public final class Pem {
    /** The label of a PKCS#8 private key (RFC 7468 §10). */
    public static final String PRIVATE_KEY = PemArmour.PRIVATE_KEY;
    /** The label of a SubjectPublicKeyInfo public key (RFC 7468 §13). */
    public static final String PUBLIC_KEY = PemArmour.PUBLIC_KEY;
    /** The longest PEM text read, in characters: 64 KiB, far more than a 16384-bit RSA key needs. */
    public static final int MAX_PEM_CHARS = 64 * 1024;

    private static final int ED25519_BYTES = 32;
    /** The SubjectPublicKeyInfo of an Ed25519 key: a 12-byte prefix, then the 32-byte key (RFC 8410 §4). */
    private static final int ED25519_SPKI_BYTES = 44;
    private static final Map<String, String> HINTS = Map.of(
            "ENCRYPTED PRIVATE KEY", "is encrypted; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem), "
                    + "and seal key files at rest with a master key instead (KeyFiles)",
            "RSA PRIVATE KEY", "is PKCS#1 (OpenSSL's traditional format); convert it to PKCS#8: "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem",
            "RSA PUBLIC KEY", "is PKCS#1; convert it to SubjectPublicKeyInfo: "
                    + "openssl rsa -RSAPublicKey_in -in key.pem -pubout -out public.pem",
            "OPENSSH PRIVATE KEY", "is in OpenSSH's format; convert a copy to PKCS#8: ssh-keygen -p -m PKCS8 -f copy",
            "EC PRIVATE KEY", "is an EC key; Wafer signs with Ed25519 and RSA keys",
            "CERTIFICATE", "is a certificate; Wafer reads keys: openssl x509 -in cert.pem -pubkey -noout");

    private Pem() {
    }

    /**
     * Reads a signing key from a PKCS#8 {@code PRIVATE KEY} PEM block (RFC 5208, RFC 5958), for
     * example what {@code openssl genpkey -algorithm ed25519} or {@code openssl genrsa 3072} writes.
     * For Ed25519 the text may also hold the matching {@code PUBLIC KEY} block, which is then
     * checked against the private key.
     *
     * @param pem the PEM text: one {@code PRIVATE KEY} block and at most one {@code PUBLIC KEY} block
     * @param algorithm {@code ED25519} for an Ed25519 key; {@code RS256} or {@code PS256} for an
     *     RSA key, which the PEM cannot tell apart
     * @param keyId the key id ({@code kid}), or {@code null} for the RFC 7638 thumbprint
     * @return the key
     * @throws KeyException if the text holds no such block, an unknown or unsupported block, bad
     *     base64, a key of another type than the algorithm's, an RSA key under 2048 bits, or a
     *     public key that does not match
     * @throws IllegalArgumentException if the algorithm is not a signature algorithm
     * @see <a href="https://www.rfc-editor.org/rfc/rfc5958#section-2">RFC 5958 §2</a>
     * @since 0.1
     */
    public static SigningKey readPrivateKey(String pem, SigningAlgorithm algorithm, String keyId) {
        checkSigning(algorithm);
        List<PemArmour.Block> blocks = PemArmour.blocks(pem, MAX_PEM_CHARS, HINTS);
        PemArmour.Block priv = PemArmour.single(blocks, PRIVATE_KEY, true);
        PemArmour.Block pub = PemArmour.single(blocks, PUBLIC_KEY, false);
        try {
            PrivateKey key = parsePrivate(priv.der, algorithm);
            return algorithm == SigningAlgorithm.ED25519 ? ed25519Private(key, pub, keyId) : rsaPrivate(key, pub, algorithm, keyId);
        } finally {
            Arrays.fill(priv.der, (byte) 0);
        }
    }

    /**
     * Reads a public key from a SubjectPublicKeyInfo {@code PUBLIC KEY} PEM block (RFC 5280
     * §4.1.2.7), for example what {@code openssl pkey -pubout} writes.
     *
     * @param pem the PEM text: exactly one {@code PUBLIC KEY} block, and no private key
     * @param algorithm {@code ED25519} for an Ed25519 key; {@code RS256} or {@code PS256} for an RSA key
     * @param keyId the key id ({@code kid}), or {@code null} for the RFC 7638 thumbprint
     * @return the key
     * @throws KeyException if the text holds no {@code PUBLIC KEY} block, several, a private key,
     *     an unknown block, bad base64, a key of another type than the algorithm's, or an RSA key
     *     under 2048 bits
     * @throws IllegalArgumentException if the algorithm is not a signature algorithm
     * @see <a href="https://www.rfc-editor.org/rfc/rfc8410#section-4">RFC 8410 §4</a>
     * @since 0.1
     */
    public static VerificationKey readPublicKey(String pem, SigningAlgorithm algorithm, String keyId) {
        checkSigning(algorithm);
        List<PemArmour.Block> blocks = PemArmour.blocks(pem, MAX_PEM_CHARS, HINTS);
        if (blocks.stream().anyMatch(b -> b.label.equals(PRIVATE_KEY))) {
            throw new KeyException("the PEM text holds a PRIVATE KEY where a public key is expected; "
                    + "give its PUBLIC KEY (openssl pkey -in key.pem -pubout)");
        }
        return parsePublic(PemArmour.single(blocks, PUBLIC_KEY, true).der, algorithm, keyId);
    }

    /**
     * Writes a signing key as a PKCS#8 version 1 {@code PRIVATE KEY} PEM block, byte for byte what
     * OpenSSL writes for the same key; RSA keys carry their CRT parameters.
     *
     * @param key the key
     * @return the PEM text, lines of 64 characters, ending with a newline; it is a secret
     * @throws KeyException if the JDK refuses the key
     * @see <a href="https://www.rfc-editor.org/rfc/rfc8410#section-7">RFC 8410 §7</a>
     * @since 0.1
     */
    public static String writePrivateKey(SigningKey key) {
        Objects.requireNonNull(key, "key");
        byte[] der;
        try {
            if (key.algorithm() == SigningAlgorithm.ED25519) {
                byte[] seed = key.ed25519Seed();
                try {
                    der = KeyFactory.getInstance("Ed25519")
                            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)).getEncoded();
                } finally {
                    Arrays.fill(seed, (byte) 0);
                }
            } else {
                der = KeyFactory.getInstance("RSA").generatePrivate(key.rsaSpec()).getEncoded();
            }
        } catch (GeneralSecurityException e) {
            throw new KeyException(key + ": the JDK cannot encode this key as PKCS#8", e);
        }
        try {
            return PemArmour.armor(PRIVATE_KEY, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * Writes a public key as a SubjectPublicKeyInfo {@code PUBLIC KEY} PEM block, byte for byte
     * what {@code openssl pkey -pubout} writes for the same key.
     *
     * @param key the public key
     * @return the PEM text, lines of 64 characters, ending with a newline
     * @throws KeyException if the JDK refuses the key
     * @see <a href="https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.7">RFC 5280 §4.1.2.7</a>
     * @since 0.1
     */
    public static String writePublicKey(VerificationKey key) {
        Objects.requireNonNull(key, "key");
        try {
            PublicKey pub;
            if (key.algorithm() == SigningAlgorithm.ED25519) {
                pub = KeyFactory.getInstance("Ed25519")
                        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point(key.ed25519Bytes())));
            } else {
                pub = KeyFactory.getInstance("RSA").generatePublic(key.rsaSpec());
            }
            return PemArmour.armor(PUBLIC_KEY, pub.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new KeyException(key + ": the JDK cannot encode this key as SubjectPublicKeyInfo", e);
        }
    }

    // ---- keys ---------------------------------------------------------------------------------

    private static void checkSigning(SigningAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    private static String jdkName(SigningAlgorithm algorithm) {
        return algorithm == SigningAlgorithm.ED25519 ? "Ed25519" : "RSA";
    }

    private static PrivateKey parsePrivate(byte[] der, SigningAlgorithm algorithm) {
        try {
            return KeyFactory.getInstance(jdkName(algorithm)).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyException("the PRIVATE KEY is not a PKCS#8 " + jdkName(algorithm) + " key"
                    + otherType(algorithm, true, der), e);
        }
    }

    private static VerificationKey parsePublic(byte[] der, SigningAlgorithm algorithm, String keyId) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance(jdkName(algorithm)).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyException("the PUBLIC KEY is not a SubjectPublicKeyInfo " + jdkName(algorithm) + " key"
                    + otherType(algorithm, false, der), e);
        }
        if (algorithm == SigningAlgorithm.ED25519) {
            return VerificationKey.ed25519(keyId, ed25519FromSpki(key.getEncoded()));
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        return VerificationKey.rsa(algorithm, keyId, rsa.getModulus(), rsa.getPublicExponent());
    }

    /** Names the key type the block holds when it is the other one Wafer knows, to say which algorithm fits. */
    private static String otherType(SigningAlgorithm algorithm, boolean privateKey, byte[] der) {
        String other = algorithm == SigningAlgorithm.ED25519 ? "RSA" : "Ed25519";
        try {
            KeyFactory f = KeyFactory.getInstance(other);
            if (privateKey) {
                f.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else {
                f.generatePublic(new X509EncodedKeySpec(der));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return "; Wafer reads Ed25519 and RSA keys only";
        }
        return "; it holds an " + other + " key: use algorithm " + (algorithm == SigningAlgorithm.ED25519 ? "RS256 or PS256" : "ED25519");
    }

    private static SigningKey ed25519Private(PrivateKey key, PemArmour.Block pubBlock, String keyId) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new KeyException("the JDK does not reveal this Ed25519 private key"));
        try {
            if (seed.length != ED25519_BYTES) {
                throw new KeyException("an Ed25519 private key is 32 bytes, not " + seed.length);
            }
            Optional<byte[]> derived = JdkEd25519.derivePublicKey(seed);
            byte[] pub;
            if (pubBlock != null) {
                pub = parsePublic(pubBlock.der, SigningAlgorithm.ED25519, null).ed25519Bytes();
                if (derived.isPresent() && !MessageDigest.isEqual(derived.get(), pub)) {
                    throw new KeyException("the PUBLIC KEY in the PEM text does not belong to its PRIVATE KEY");
                }
            } else {
                pub = derived.orElseThrow(() -> new KeyException("this JDK cannot derive the public key of an Ed25519 "
                        + "PRIVATE KEY; append its PUBLIC KEY block (openssl pkey -in key.pem -pubout)"));
            }
            return SigningKey.ed25519(keyId, seed, pub);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static SigningKey rsaPrivate(PrivateKey key, PemArmour.Block pubBlock, SigningAlgorithm algorithm, String keyId) {
        if (!(key instanceof RSAPrivateCrtKey)) {
            throw new KeyException("the RSA PRIVATE KEY lacks its CRT parameters (p, q, dp, dq, qi)");
        }
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) key;
        SigningKey signing = SigningKey.rsa(algorithm, keyId, new RSAPrivateCrtKeySpec(k.getModulus(),
                k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(),
                k.getPrimeExponentQ(), k.getCrtCoefficient()));
        if (pubBlock != null) {
            VerificationKey pub = parsePublic(pubBlock.der, algorithm, null);
            if (!pub.rsaSpec().getModulus().equals(k.getModulus())
                    || !pub.rsaSpec().getPublicExponent().equals(k.getPublicExponent())) {
                throw new KeyException("the PUBLIC KEY in the PEM text does not belong to its PRIVATE KEY");
            }
        }
        return signing;
    }

    private static byte[] ed25519FromSpki(byte[] spki) {
        if (spki.length != ED25519_SPKI_BYTES) {
            throw new KeyException("the Ed25519 PUBLIC KEY has an unexpected encoding");
        }
        return Arrays.copyOfRange(spki, ED25519_SPKI_BYTES - ED25519_BYTES, ED25519_SPKI_BYTES);
    }

    /**
     * The point of an encoded Ed25519 public key, for the JDK's key spec (RFC 8032 §5.1.3, step 1):
     * the y coordinate little-endian, the top bit of the last byte the parity of x.
     */
    private static EdECPoint point(byte[] encoded) {
        boolean xOdd = (encoded[ED25519_BYTES - 1] & 0x80) != 0;
        byte[] bigEndian = new byte[ED25519_BYTES];
        for (int i = 0; i < ED25519_BYTES; i++) {
            bigEndian[i] = encoded[ED25519_BYTES - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new EdECPoint(xOdd, new BigInteger(1, bigEndian));
    }
}
