package dev.wafer;

import dev.wafer.internal.JdkEd25519;
import dev.wafer.internal.RsaKeys;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.PrivateKeyMaterial;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A private key that signs tokens, Ed25519 or RSA, with its public half, key id and algorithm.
 *
 * <h2>Security</h2>
 * <p>Private key bytes never leave this object except into a provider's engine and into a private
 * JWK Set ({@link SigningKeySet#toJwkSet()}). A key is checked against its public half when it is
 * made: an Ed25519 public key must be the one the JDK derives from the seed, and an RSA key's
 * primes, private exponent and CRT values must agree with each other and with the public key
 * (RFC 8017 §3.2), so that {@link SigningKeySet#publicKeys()} never publishes a key no signer
 * holds. When a signer is built, Wafer also signs and verifies a test message. {@link #toString()}
 * shows key id and algorithm only; {@link #equals(Object)} compares private parts in constant
 * time; {@link #hashCode()} never reads them. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SigningKey {
    private static final int ED25519_SEED_BYTES = 32;
    private static final int DEFAULT_RSA_BITS = 3072;

    private final VerificationKey publicKey;
    private final byte[] seed;                  // Ed25519
    private final RSAPrivateCrtKeySpec rsa;     // RSA

    private SigningKey(VerificationKey publicKey, byte[] seed, RSAPrivateCrtKeySpec rsa) {
        this.publicKey = publicKey;
        this.seed = seed;
        this.rsa = rsa;
    }

    /**
     * Generates a key with the JDK's generator, whatever the provider: Ed25519, or RSA of 3072
     * bits (NIST SP 800-57: 128-bit security) with public exponent 65537. The key id is its
     * RFC 7638 thumbprint.
     *
     * @param algorithm the algorithm
     * @return the key
     * @since 0.1
     */
    public static SigningKey generate(SigningAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == SigningAlgorithm.ED25519) {
            return generateEd25519();
        }
        return generateRsa(algorithm, DEFAULT_RSA_BITS);
    }

    /**
     * Generates an RSA key of a chosen size, public exponent 65537, with the JDK's generator.
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param modulusBits 2048 to 8192
     * @return the key
     * @throws KeyException if the size is below 2048 or above 8192 bits
     * @throws IllegalArgumentException if the algorithm is not an RSA algorithm
     * @since 0.1
     */
    public static SigningKey generateRsa(SigningAlgorithm algorithm, int modulusBits) {
        if (!Objects.requireNonNull(algorithm, "algorithm").isRsa()) {
            throw new IllegalArgumentException(algorithm + " is not an RSA algorithm");
        }
        if (modulusBits < RsaKeys.MIN_MODULUS_BITS || modulusBits > RsaKeys.MAX_MODULUS_BITS) {
            throw new KeyException("RSA keys must be " + RsaKeys.MIN_MODULUS_BITS + " to " + RsaKeys.MAX_MODULUS_BITS
                    + " bits, not " + modulusBits);
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(modulusBits, RSAKeyGenParameterSpec.F4), Randomness.secureRandom());
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
            return rsa(algorithm, null, new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(),
                    k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(),
                    k.getPrimeExponentQ(), k.getCrtCoefficient()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate RSA keys", e);
        }
    }

    private static SigningKey generateEd25519() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, Randomness.secureRandom());
            KeyPair pair = g.generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK hid the Ed25519 seed"));
            byte[] spki = pair.getPublic().getEncoded();
            // The X.509 SubjectPublicKeyInfo of an Ed25519 key ends with the 32-byte key (RFC 8410 §4).
            byte[] pub = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            try {
                return ed25519(null, seed, pub);
            } finally {
                SealingKey.wipe(seed);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate Ed25519 keys", e);
        }
    }

    /**
     * Imports an Ed25519 key from its seed; the JDK derives the public key (RFC 8032 §5.1.5).
     *
     * @param keyId the key id, or {@code null} for the RFC 7638 thumbprint
     * @param seed the 32-byte private key; copied
     * @return the key
     * @throws KeyException if the seed is not 32 bytes, or this runtime's JDK cannot derive the
     *     public key (then give it: {@link #ed25519(String, byte[], byte[])})
     * @since 0.1
     */
    public static SigningKey ed25519(String keyId, byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        checkSeed(seed);
        byte[] pub = JdkEd25519.derivePublicKey(seed).orElseThrow(() -> new KeyException(
                "this JDK cannot derive an Ed25519 public key; give it with the seed"));
        return new SigningKey(VerificationKey.ed25519(keyId, pub), seed.clone(), null);
    }

    /**
     * Imports an Ed25519 key pair from its raw encodings (RFC 8032 §5.1.5, RFC 8037 §2). The
     * public key must be the seed's: the JDK derives it and compares.
     *
     * @param keyId the key id, or {@code null} for the RFC 7638 thumbprint
     * @param seed the 32-byte private key; copied
     * @param publicKey the 32-byte public key; copied
     * @return the key
     * @throws KeyException if a length is wrong, the public key is refused (see
     *     {@link VerificationKey#ed25519(String, byte[])}) or is not the seed's
     * @since 0.1
     */
    public static SigningKey ed25519(String keyId, byte[] seed, byte[] publicKey) {
        Objects.requireNonNull(seed, "seed");
        checkSeed(seed);
        VerificationKey pub = VerificationKey.ed25519(keyId, publicKey);
        Optional<byte[]> derived = JdkEd25519.derivePublicKey(seed);
        // Where the JDK cannot derive it, the pairwise test when a signer is built still catches a mismatch.
        if (derived.isPresent() && !MessageDigest.isEqual(derived.get(), publicKey)) {
            throw new KeyException((keyId == null ? "" : "key " + keyId + ": ")
                    + "the Ed25519 public key (x) is not the public key of the private key (d)");
        }
        return new SigningKey(pub, seed.clone(), null);
    }

    private static void checkSeed(byte[] seed) {
        if (seed.length != ED25519_SEED_BYTES) {
            throw new KeyException("an Ed25519 private key is 32 bytes, not " + seed.length);
        }
    }

    /**
     * Imports an RSA private key in CRT form, checked in full: the public key as
     * {@link VerificationKey#rsa} checks it, p and q prime with p·q = n, d the inverse of e, and
     * dp, dq and qi the CRT values of d, p and q (RFC 8017 §3.2).
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param keyId the key id, or {@code null} for the RFC 7638 thumbprint
     * @param key the private key
     * @return the key
     * @throws KeyException if the key is below the floor, fails validation, or its parts do not fit
     *     together; the message names the key id, never a part of the key
     * @throws IllegalArgumentException if the algorithm is not an RSA algorithm
     * @since 0.1
     */
    public static SigningKey rsa(SigningAlgorithm algorithm, String keyId, RSAPrivateCrtKeySpec key) {
        Objects.requireNonNull(key, "key");
        VerificationKey pub = VerificationKey.rsa(algorithm, keyId, key.getModulus(), key.getPublicExponent());
        BigInteger[] parts = {key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
            key.getPrimeExponentQ(), key.getCrtCoefficient()};
        for (BigInteger part : parts) {
            if (part == null) {
                throw new KeyException("an RSA private key needs d, p, q, dp, dq and qi");
            }
        }
        String problem = RsaKeys.privateKeyProblem(key.getModulus(), key.getPublicExponent(), parts[0], parts[1],
                parts[2], parts[3], parts[4], parts[5]);
        if (problem != null) {
            throw new KeyException(keyId == null ? problem : "key " + keyId + ": " + problem);
        }
        return new SigningKey(pub, null, key);
    }

    /**
     * The key id, written as the JWS {@code kid} header of every token this key signs.
     *
     * @return the key id
     * @since 0.1
     */
    public String keyId() {
        return publicKey.keyId();
    }

    /**
     * The one algorithm this key signs with.
     *
     * @return {@code ED25519}, {@code RS256} or {@code PS256}
     * @since 0.1
     */
    public SigningAlgorithm algorithm() {
        return publicKey.algorithm();
    }

    /**
     * The public half, to verify what this key signs.
     *
     * @return the public key
     * @since 0.1
     */
    public VerificationKey publicKey() {
        return publicKey;
    }

    byte[] ed25519Seed() {
        return seed.clone();
    }

    RSAPrivateCrtKeySpec rsaSpec() {
        return rsa;
    }

    /** The key as a provider receives it; an encoded seed is a copy the caller wipes. */
    PrivateKeyMaterial material() {
        return seed != null ? new EncodedPrivateKey(seed) : new RsaPrivateKeyMaterial(rsa);
    }

    /**
     * Equal when the public halves are equal and the private parts are, compared in constant time.
     *
     * @param o another object
     * @return whether both are the same key
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SigningKey)) {
            return false;
        }
        SigningKey k = (SigningKey) o;
        if (!publicKey.equals(k.publicKey)) {
            return false;
        }
        if (seed != null) {
            return MessageDigest.isEqual(seed, k.seed);
        }
        return MessageDigest.isEqual(rsa.getPrivateExponent().toByteArray(), k.rsa.getPrivateExponent().toByteArray());
    }

    /**
     * The public key's hash; never reads private parts.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    /**
     * Key id and algorithm; never key material.
     *
     * @return for example {@code SigningKey[kid=..., alg=EdDSA]}
     */
    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId() + ", alg=" + algorithm().jwkName() + "]";
    }
}
