package dev.wafer;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Ed25519Encodings;
import dev.wafer.internal.Json;

/**
 * A public key that verifies tokens: Ed25519 (RFC 8037 {@code OKP}) or RSA (RFC 7518 §6.3), with
 * its key id and the one algorithm it verifies.
 *
 * <h2>Security</h2>
 * <p>The algorithm belongs to the key, so a token's header can never choose it (RFC 8725 §3.1).
 * Ed25519 keys that are not canonically encoded, not on the curve, or of small order are refused
 * here, whatever the provider (docs/format.md §2.1). RSA moduli below 2048 bits or above 16384
 * bits, and public exponents below 65537 or even, are
 * refused. Instances are immutable and thread-safe; public keys are not secret, and equality is
 * by value.
 *
 * @since 0.1
 */
public final class VerificationKey {
    static final int ED25519_KEY_BYTES = 32;
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 16384;
    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(65537);

    private final String keyId;
    private final Algorithm algorithm;
    private final byte[] ed25519;     // null for RSA
    private final BigInteger modulus; // null for Ed25519
    private final BigInteger exponent;

    private VerificationKey(String keyId, Algorithm algorithm, byte[] ed25519, BigInteger modulus, BigInteger exponent) {
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
     *     a point of small order (one signature would verify every message) or not a point of the
     *     curve, or if the key id is empty; the message names the key id
     * @since 0.1
     */
    public static VerificationKey ed25519(String keyId, byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        String problem = Ed25519Encodings.publicKeyProblem(publicKey);
        if (problem != null) {
            throw new KeyException(keyId == null ? problem : "key " + keyId + ": " + problem);
        }
        return new VerificationKey(checkKeyId(keyId), Algorithm.ED25519, publicKey.clone(), null, null);
    }

    /**
     * An RSA public key for {@link Algorithm#RS256} or {@link Algorithm#PS256}.
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param keyId the key id ({@code kid}), or {@code null} to use the RFC 7638 thumbprint
     * @param modulus the modulus n, at least 2048 bits
     * @param publicExponent the exponent e, odd and at least 65537
     * @return the key
     * @throws KeyException if the key is below the floor or malformed
     * @throws IllegalArgumentException if the algorithm is not an RSA algorithm
     * @since 0.1
     */
    public static VerificationKey rsa(Algorithm algorithm, String keyId, BigInteger modulus, BigInteger publicExponent) {
        checkRsa(algorithm, modulus, publicExponent);
        return new VerificationKey(checkKeyId(keyId), algorithm, null, modulus, publicExponent);
    }

    static void checkRsa(Algorithm algorithm, BigInteger n, BigInteger e) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(n, "modulus");
        Objects.requireNonNull(e, "publicExponent");
        if (algorithm != Algorithm.RS256 && algorithm != Algorithm.PS256) {
            throw new IllegalArgumentException(algorithm + " is not an RSA algorithm");
        }
        if (n.signum() <= 0 || n.bitLength() < MIN_RSA_BITS) {
            throw new KeyException("RSA keys must be at least " + MIN_RSA_BITS + " bits, not " + Math.max(0, n.bitLength()));
        }
        if (n.bitLength() > MAX_RSA_BITS) {
            throw new KeyException("RSA keys above " + MAX_RSA_BITS + " bits are refused, not " + n.bitLength());
        }
        if (!n.testBit(0)) {
            throw new KeyException("RSA modulus is even");
        }
        if (e.compareTo(MIN_RSA_EXPONENT) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw new KeyException("RSA public exponent must be odd, at least 65537 and below the modulus");
        }
    }

    static String checkKeyId(String keyId) {
        if (keyId != null && (keyId.isEmpty() || keyId.length() > 256)) {
            throw new KeyException("a key id must have 1 to 256 characters");
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
    public Algorithm algorithm() {
        return algorithm;
    }

    /**
     * The length of a valid signature under this key.
     *
     * @return 64 for Ed25519, the modulus length in bytes for RSA
     * @since 0.1
     */
    public int signatureLengthBytes() {
        return algorithm == Algorithm.ED25519 ? 64 : (modulus.bitLength() + 7) / 8;
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
        if (algorithm == Algorithm.ED25519) {
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
        if (algorithm == Algorithm.ED25519) {
            m.put("kty", "OKP");
            m.put("crv", "Ed25519");
        } else {
            m.put("kty", "RSA");
        }
        m.put("kid", keyId);
        m.put("alg", algorithm.jwkName());
        m.put("use", "sig");
        if (algorithm == Algorithm.ED25519) {
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

    VerificationKey withKeyId(String newKeyId) {
        return new VerificationKey(newKeyId, algorithm, ed25519, modulus, exponent);
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
