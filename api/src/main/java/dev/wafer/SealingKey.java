package dev.wafer;

import dev.wafer.internal.Text;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One 256-bit key for sealing cookie values, with its key id and its algorithm.
 *
 * <p>The key id is 4 bytes in every sealed value and 8 lowercase hex digits everywhere a person
 * sees it: key files ({@code kid}), the command line, {@link #toString()}, and this api, which
 * takes and returns it as that text ({@code "0a1b2c3d"}).
 *
 * <h2>Security</h2>
 * <p>The key bytes never leave this object except into a provider's engine and into a private
 * JWK Set ({@link SealingKeySet#toJwkSet()}). {@link #toString()} shows the key id and the
 * algorithm only; {@link #equals(Object)} compares in constant time and {@link #hashCode()} uses
 * the key id, never key bytes. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SealingKey {
    static final int KEY_BYTES = 32;

    private final int keyId;
    private final SealingAlgorithm algorithm;
    private final byte[] key;

    private SealingKey(int keyId, SealingAlgorithm algorithm, byte[] key) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.key = key;
    }

    /**
     * Generates a new key from {@link SecureRandom}, with a random key id.
     *
     * @param algorithm the algorithm
     * @return the key
     * @since 0.1
     */
    public static SealingKey generate(SealingAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        SecureRandom random = Randomness.secureRandom();
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return new SealingKey(random.nextInt(), algorithm, bytes);
    }

    /**
     * Imports raw key bytes, for example from a secrets manager.
     *
     * @param algorithm the algorithm
     * @param keyId the key id, 8 hex digits (upper case is read as lower case), written into every
     *     value this key seals
     * @param keyBytes exactly 32 bytes; copied
     * @return the key
     * @throws KeyException if the key is not 256 bits or the key id is not 8 hex digits
     * @since 0.1
     */
    public static SealingKey of(SealingAlgorithm algorithm, String keyId, byte[] keyBytes) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyBytes, "keyBytes");
        int id = parseKeyId(keyId);
        if (keyBytes.length != KEY_BYTES) {
            throw new KeyException("a " + algorithm.jwkName() + " key must be 256 bits, not " + keyBytes.length * 8);
        }
        return new SealingKey(id, algorithm, keyBytes.clone());
    }

    /** A key from an id already in its 4-byte form, for the key-file formats. */
    static SealingKey ofId(SealingAlgorithm algorithm, int keyId, byte[] keyBytes) {
        return of(algorithm, hex(keyId), keyBytes);
    }

    /**
     * The 4-byte form of a key id.
     *
     * @throws KeyException if it is not 8 hex digits; the message shows it escaped
     */
    static int parseKeyId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (!keyId.matches("[0-9a-fA-F]{8}")) {
            throw new KeyException("a sealing key id is 8 hex digits, not " + Text.quote(keyId));
        }
        return Integer.parseUnsignedInt(keyId, 16);
    }

    /**
     * The key id, written in clear in every sealed value.
     *
     * @return 8 lowercase hex digits, for example {@code 0a1b2c3d}
     * @since 0.1
     */
    public String keyId() {
        return hex(keyId);
    }

    /** The key id as the sealed-value format writes it. */
    int keyIdBits() {
        return keyId;
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /**
     * The algorithm this key seals with.
     *
     * @return the algorithm
     * @since 0.1
     */
    public SealingAlgorithm algorithm() {
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
        return "SealingKey[kid=" + keyId() + ", alg=" + algorithm.jwkName() + "]";
    }

    static byte[] wipe(byte[] b) {
        Arrays.fill(b, (byte) 0);
        return b;
    }
}
