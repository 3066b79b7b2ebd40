package dev.wafer.spi.support;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.PrivateKeyMaterial;
import dev.wafer.spi.PublicKeyMaterial;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import dev.wafer.spi.RsaPublicKeyMaterial;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Set;

/**
 * The argument checks every provider makes before it builds an engine, with one wording, so that
 * every provider refuses alike. Messages name lengths and types, never key bytes.
 *
 * @since 0.1
 */
public final class EngineChecks {
    /** Bytes of an AES-256 key. */
    public static final int AES_256_KEY_BYTES = 32;
    /** Bytes of an encoded Ed25519 public key and of an Ed25519 seed (RFC 8032 §5.1.5). */
    public static final int ED25519_KEY_BYTES = 32;

    private EngineChecks() {
    }

    /**
     * The algorithm, if the provider lists it.
     *
     * @param <A> the algorithm's type
     * @param algorithm the algorithm asked for
     * @param provided the provider's {@code algorithms()}
     * @param providerName the provider's name, for the message
     * @return the algorithm
     * @throws NoSuchAlgorithmException if the provider does not list it
     * @since 0.1
     */
    public static <A extends Algorithm> A require(A algorithm, Set<Algorithm> provided, String providerName)
            throws NoSuchAlgorithmException {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!provided.contains(algorithm)) {
            throw new NoSuchAlgorithmException(algorithm.jwkName() + " is not available in provider '" + providerName
                    + "' on this runtime");
        }
        return algorithm;
    }

    /**
     * A 256-bit key's bytes, checked; not copied.
     *
     * @param key the key
     * @param algorithm what it is for, for the message
     * @return the key
     * @throws InvalidKeyException if it is not 32 bytes
     * @since 0.1
     */
    public static byte[] aes256Key(byte[] key, SealingAlgorithm algorithm) throws InvalidKeyException {
        Objects.requireNonNull(key, "key");
        if (key.length != AES_256_KEY_BYTES) {
            throw new InvalidKeyException(algorithm.jwkName() + " key must be " + AES_256_KEY_BYTES + " bytes, got "
                    + key.length);
        }
        return key;
    }

    /**
     * An Ed25519 seed, checked.
     *
     * @param key the private key material
     * @return its 32 bytes, a copy the caller wipes
     * @throws InvalidKeyException if it is not an {@link EncodedPrivateKey} of 32 bytes
     * @since 0.1
     */
    public static byte[] ed25519Seed(PrivateKeyMaterial key) throws InvalidKeyException {
        if (!(key instanceof EncodedPrivateKey) || ((EncodedPrivateKey) key).length() != ED25519_KEY_BYTES) {
            throw new InvalidKeyException("an Ed25519 private key is a 32-byte seed, not " + describe(key));
        }
        return ((EncodedPrivateKey) key).encoded();
    }

    /**
     * An encoded Ed25519 public key, checked for its length (the api has validated the point).
     *
     * @param key the public key material
     * @return its 32 bytes, a copy
     * @throws InvalidKeyException if it is not an {@link EncodedPublicKey} of 32 bytes
     * @since 0.1
     */
    public static byte[] ed25519PublicKey(PublicKeyMaterial key) throws InvalidKeyException {
        if (!(key instanceof EncodedPublicKey) || ((EncodedPublicKey) key).length() != ED25519_KEY_BYTES) {
            throw new InvalidKeyException("an Ed25519 public key is 32 bytes, not " + describe(key));
        }
        return ((EncodedPublicKey) key).encoded();
    }

    /**
     * An RSA private key, checked for its type.
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param key the private key material
     * @return the key
     * @throws NoSuchAlgorithmException if the algorithm is not an RSA algorithm
     * @throws InvalidKeyException if the key is not an {@link RsaPrivateKeyMaterial}
     * @since 0.1
     */
    public static RsaPrivateKeyMaterial rsaPrivateKey(SigningAlgorithm algorithm, PrivateKeyMaterial key)
            throws NoSuchAlgorithmException, InvalidKeyException {
        requireRsa(algorithm);
        if (!(key instanceof RsaPrivateKeyMaterial)) {
            throw new InvalidKeyException(algorithm.jwsName() + " takes an RSA private key, not " + describe(key));
        }
        return (RsaPrivateKeyMaterial) key;
    }

    /**
     * An RSA public key, checked for its type.
     *
     * @param algorithm {@code RS256} or {@code PS256}
     * @param key the public key material
     * @return the key
     * @throws NoSuchAlgorithmException if the algorithm is not an RSA algorithm
     * @throws InvalidKeyException if the key is not an {@link RsaPublicKeyMaterial}
     * @since 0.1
     */
    public static RsaPublicKeyMaterial rsaPublicKey(SigningAlgorithm algorithm, PublicKeyMaterial key)
            throws NoSuchAlgorithmException, InvalidKeyException {
        requireRsa(algorithm);
        if (!(key instanceof RsaPublicKeyMaterial)) {
            throw new InvalidKeyException(algorithm.jwsName() + " takes an RSA public key, not " + describe(key));
        }
        return (RsaPublicKeyMaterial) key;
    }

    private static void requireRsa(SigningAlgorithm algorithm) throws NoSuchAlgorithmException {
        if (!Objects.requireNonNull(algorithm, "algorithm").isRsa()) {
            throw new NoSuchAlgorithmException(algorithm.jwsName() + " is not an RSA algorithm");
        }
    }

    private static String describe(Object key) {
        return key == null ? "null" : key.toString();
    }
}
