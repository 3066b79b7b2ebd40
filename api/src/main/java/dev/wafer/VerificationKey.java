package dev.wafer;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Ed25519Encodings;
import dev.wafer.internal.Json;
import dev.wafer.internal.RsaKeys;
import dev.wafer.internal.Text;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.PublicKeyMaterial;
import dev.wafer.spi.RsaPublicKeyMaterial;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A public key that verifies tokens: Ed25519 (RFC 8037 {@code OKP}) or RSA (RFC 7518 §6.3), with
 * its key id and the one algorithm it verifies.
 *
 * <h2>Security</h2>
 * <p>The algorithm belongs to the key, so a token's header can never choose it (RFC 8725 §3.1).
 * Every key is validated when it is made, whatever the provider (docs/format.md §2.1 for Ed25519, §3 for RSA):
 * Ed25519 keys in full (canonical, not of small order, on the curve, of order L); RSA keys as NIST
 * SP 800-89 §5.3.3 says (2048 to 8192 bits, an odd modulus that is neither prime nor a perfect
 * power and has no factor below 752, a public exponent odd and from 65537 to 2^32 − 1). Key ids
 * are 1 to 256 printable ASCII characters. Instances are immutable and thread-safe; public keys
 * are not secret, and equality is by value.
 *
 * @since 0.1
 */
public final class VerificationKey {
    static final int ED25519_KEY_BYTES = 32;
    /** The longest key id, in characters. */
    static final int MAX_KEY_ID_CHARS = 256;

    private final String keyId;
    private final SigningAlgorithm algorithm;
    private final byte[] ed25519;     // null for RSA
    private final BigInteger modulus; // null for Ed25519
    private final BigInteger exponent;

    private VerificationKey(String keyId, SigningAlgorithm algorithm, byte[] ed25519, BigInteger modulus,
                            BigInteger exponent) {
        this.algorithm = algorithm;
        this.ed25519 = ed25519;
        this.modulus = modulus;
        this.exponent = exponent;
        this.keyId = keyId != null ? keyId : thumbprint();
    }

    /**
     * An Ed25519 public key from its 32-byte encoding (RFC 8032 §5.1.2).
     *
     * @param keyId the key id ({@code kid}), or {@code null} to use the RFC 7638 thumbprint
     * @param publicKey the 32 bytes; copied
     * @return the key
     * @throws KeyException if the encoding is not 32 bytes, not canonical (y not below 2^255 - 19),
     *     a point of small order (one signature would verify every message), not a point of the
     *     curve or not of order L, or if the key id is empty, too long or not printable ASCII; the
     *     message names the key id
     * @since 0.1
     */
    public static VerificationKey ed25519(String keyId, byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        checkKeyId(keyId);
        String problem = Ed25519Encodings.publicKeyProblem(publicKey);
        if (problem != null) {
            throw new KeyException(keyId == null ? problem : "key " + keyId + ": " + problem);
        }
        return new VerificationKey(keyId, SigningAlgorithm.ED25519, publicKey.clone(), null, null);
    }

    /**
     * An RSA public key for {@link SigningAlgorithm#RS256} or {@link SigningAlgorithm#PS256}.
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param keyId the key id ({@code kid}), or {@code null} to use the RFC 7638 thumbprint
     * @param modulus the modulus n, 2048 to 8192 bits
     * @param publicExponent the exponent e, odd, from 65537 to 2^32 − 1
     * @return the key
     * @throws KeyException if the key fails NIST SP 800-89 §5.3.3 validation (above), or the key id
     *     is empty, too long or not printable ASCII; the message names the key id
     * @throws IllegalArgumentException if the algorithm is not an RSA algorithm
     * @since 0.1
     */
    public static VerificationKey rsa(SigningAlgorithm algorithm, String keyId, BigInteger modulus,
                                      BigInteger publicExponent) {
        checkRsa(algorithm, keyId, modulus, publicExponent);
        return new VerificationKey(keyId, algorithm, null, modulus, publicExponent);
    }

    static void checkRsa(SigningAlgorithm algorithm, String keyId, BigInteger n, BigInteger e) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(n, "modulus");
        Objects.requireNonNull(e, "publicExponent");
        if (!algorithm.isRsa()) {
            throw new IllegalArgumentException(algorithm + " is not an RSA algorithm");
        }
        checkKeyId(keyId);
        String problem = RsaKeys.publicKeyProblem(n, e);
        if (problem != null) {
            throw new KeyException(keyId == null ? problem : "key " + keyId + ": " + problem);
        }
    }

    /**
     * Checks a key id: 1 to 256 printable ASCII characters (U+0020 to U+007E), so that it can
     * appear in a message, a log line or a header as it is.
     *
     * @throws KeyException if it is not; the message shows it escaped
     */
    static String checkKeyId(String keyId) {
        if (keyId != null && (keyId.isEmpty() || keyId.length() > MAX_KEY_ID_CHARS || !Text.isPrintableAscii(keyId))) {
            throw new KeyException("a key id must be 1 to " + MAX_KEY_ID_CHARS + " printable ASCII characters, not "
                    + Text.quote(keyId));
        }
        return keyId;
    }

    /**
     * The key id: the JWS {@code kid} header selects this key (RFC 7515 §4.1.4).
     *
     * @return the key id
     * @since 0.1
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The one algorithm this key verifies.
     *
     * @return {@code ED25519}, {@code RS256} or {@code PS256}
     * @since 0.1
     */
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The length of a valid signature under this key.
     *
     * @return 64 for Ed25519, the modulus length in bytes for RSA
     * @since 0.1
     */
    public int signatureLengthBytes() {
        return algorithm == SigningAlgorithm.ED25519 ? 64 : (modulus.bitLength() + 7) / 8;
    }

    /**
     * The RFC 7638 JWK thumbprint (SHA-256, base64url), a stable name for this public key.
     *
     * @return the thumbprint
     * @see <a href="https://www.rfc-editor.org/rfc/rfc7638">RFC 7638</a>
     * @since 0.1
     */
    public String thumbprint() {
        // RFC 7638 §3.2: the required members only, in lexicographic order, no white space.
        Map<String, Object> m = new LinkedHashMap<>();
        if (algorithm == SigningAlgorithm.ED25519) {
            m.put("crv", "Ed25519");
            m.put("kty", "OKP");
            m.put("x", Base64Url.encode(ed25519));
        } else {
            m.put("e", Base64Url.encode(unsigned(exponent)));
            m.put("kty", "RSA");
            m.put("n", Base64Url.encode(unsigned(modulus)));
        }
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(Json.writeObject(m)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The public JWK members, in RFC order: kty, kid, alg, use, then the key. */
    Map<String, Object> jwkMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (algorithm == SigningAlgorithm.ED25519) {
            m.put("kty", "OKP");
            m.put("crv", "Ed25519");
        } else {
            m.put("kty", "RSA");
        }
        m.put("kid", keyId);
        m.put("alg", algorithm.jwkName());
        m.put("use", "sig");
        if (algorithm == SigningAlgorithm.ED25519) {
            m.put("x", Base64Url.encode(ed25519));
        } else {
            m.put("n", Base64Url.encode(unsigned(modulus)));
            m.put("e", Base64Url.encode(unsigned(exponent)));
        }
        return m;
    }

    /** Big-endian, without the sign octet, as JWK requires (RFC 7518 §6.3.1.1). */
    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    byte[] ed25519Bytes() {
        return ed25519.clone();
    }

    RSAPublicKeySpec rsaSpec() {
        return new RSAPublicKeySpec(modulus, exponent);
    }

    /** The key as a provider receives it. */
    PublicKeyMaterial material() {
        return algorithm == SigningAlgorithm.ED25519 ? new EncodedPublicKey(ed25519) : new RsaPublicKeyMaterial(rsaSpec());
    }

    VerificationKey withKeyId(String newKeyId) {
        return new VerificationKey(checkKeyId(Objects.requireNonNull(newKeyId, "keyId")), algorithm, ed25519, modulus,
                exponent);
    }

    /**
     * Equal when algorithm, key id and key are equal.
     *
     * @param o another object
     * @return whether both are the same public key
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VerificationKey)) {
            return false;
        }
        VerificationKey k = (VerificationKey) o;
        return algorithm == k.algorithm && keyId.equals(k.keyId) && Arrays.equals(ed25519, k.ed25519)
                && Objects.equals(modulus, k.modulus) && Objects.equals(exponent, k.exponent);
    }

    /**
     * A hash of key id and algorithm.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm);
    }

    /**
     * Key id, algorithm and, for RSA, the modulus size.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "VerificationKey[kid=" + keyId + ", alg=" + algorithm.jwkName()
                + (modulus != null ? ", bits=" + modulus.bitLength() : "") + "]";
    }
}
