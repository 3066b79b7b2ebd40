package dev.wafer;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One 256-bit key for sealing cookie values, with its 4-byte key id and its algorithm.
 *
 * <h2>Security</h2>
 * <p>The key bytes never leave this object except into a provider's engine and into a private
 * JWK Set ({@link SealingKeyring#toJwkSet()}). {@link #toString()} shows the key id and the
 * algorithm only; {@link #equals(Object)} compares in constant time and {@link #hashCode()} uses
 * the key id, never key bytes. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SealingKey {
    static final int KEY_BYTES = 32;

    private final int keyId;
    private final Algorithm algorithm;
    private final byte[] key;

    private SealingKey(int keyId, Algorithm algorithm, byte[] key) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.key = key;
    }

    /**
     * Generates a new key from {@link SecureRandom}, with a random key id.
     *
     * @param algorithm a sealing algorithm
     * @return the key
     * @throws IllegalArgumentException if the algorithm is not a sealing algorithm
     * @since 0.1
     */
    public static SealingKey generate(Algorithm algorithm) {
        checkSealing(algorithm);
        SecureRandom random = Randomness.secureRandom();
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return new SealingKey(random.nextInt(), algorithm, bytes);
    }

    /**
     * Imports raw key bytes, for example from a secrets manager.
     *
     * @param algorithm a sealing algorithm
     * @param keyId the 4-byte key id written into every value this key seals
     * @param keyBytes exactly 32 bytes; copied
     * @return the key
     * @throws KeyException if the key is not 256 bits
     * @throws IllegalArgumentException if the algorithm is not a sealing algorithm
     * @since 0.1
     */
    public static SealingKey of(Algorithm algorithm, int keyId, byte[] keyBytes) {
        checkSealing(algorithm);
        Objects.requireNonNull(keyBytes, "keyBytes");
        if (keyBytes.length != KEY_BYTES) {
            throw new KeyException("a " + algorithm.jwkName() + " key must be 256 bits, not " + keyBytes.length * 8);
        }
        return new SealingKey(keyId, algorithm, keyBytes.clone());
    }

    private static void checkSealing(Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm.use() != Algorithm.Use.SEAL) {
            throw new IllegalArgumentException(algorithm + " is not a sealing algorithm");
        }
    }

    /**
     * The key id, written in clear in every sealed value.
     *
     * @return the 4-byte key id
     * @since 0.1
     */
    public int keyId() {
        return keyId;
    }

    /**
     * The key id as 8 lowercase hex digits, as in key files ({@code kid}).
     *
     * @return the key id in hex
     * @since 0.1
     */
    public String keyIdHex() {
        return hex(keyId);
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /**
     * The algorithm this key seals with.
     *
     * @return a sealing algorithm
     * @since 0.1
     */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** A copy of the key bytes, for an engine or a key file; the caller owns it. */
    byte[] copyBytes() {
        return key.clone();
    }

    /**
     * Compares algorithm, key id and key bytes, the bytes in constant time.
     *
     * @param o another object
     * @return whether it is the same key
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SealingKey)) {
            return false;
        }
        SealingKey other = (SealingKey) o;
        return keyId == other.keyId && algorithm == other.algorithm && MessageDigest.isEqual(key, other.key);
    }

    /**
     * A hash of key id and algorithm only, never of key bytes.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm);
    }

    /**
     * Key id and algorithm; never key bytes.
     *
     * @return for example {@code SealingKey[kid=0a1b2c3d, alg=XAES-256-GCM]}
     */
    @Override
    public String toString() {
        return "SealingKey[kid=" + keyIdHex() + ", alg=" + algorithm.jwkName() + "]";
    }

    static byte[] wipe(byte[] b) {
        Arrays.fill(b, (byte) 0);
        return b;
    }
}
