package dev.wafer.spi;

import dev.wafer.SealingAlgorithm;
import java.security.GeneralSecurityException;

/**
 * Authenticated encryption with associated data under one key: AES-256-GCM, XAES-256-GCM or
 * AES-256-GCM-SIV, with a 16-byte tag appended to the ciphertext.
 *
 * <p>The api has checked every length before it calls an engine: the nonce is exactly
 * {@link SealingAlgorithm#nonceLengthBytes()} long and a ciphertext is at least 16 bytes. Input and
 * output may be the same array at the same offset (in-place); engines must support that.
 * Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface AeadEngine {

    /**
     * The algorithm of this engine's key.
     *
     * @return a sealing algorithm
     * @since 0.1
     */
    SealingAlgorithm algorithm();

    /**
     * Encrypts {@code in[inOff, inOff + inLen)} and writes ciphertext then tag, {@code inLen + 16}
     * bytes, at {@code out[outOff]}.
     *
     * @param nonce array holding the nonce at {@code nonceOff}; never reused with this key by the api
     *     (an engine may refuse to seal twice in a row under one key and nonce, as SunJCE's and
     *     BouncyCastle's GCM do, with {@link java.security.InvalidAlgorithmParameterException})
     * @param nonceOff offset of the nonce
     * @param aad array holding the associated data
     * @param aadOff offset of the associated data
     * @param aadLen length of the associated data
     * @param in array holding the plaintext
     * @param inOff offset of the plaintext
     * @param inLen length of the plaintext
     * @param out array receiving ciphertext and tag
     * @param outOff offset in {@code out}
     * @throws GeneralSecurityException if the engine fails
     * @since 0.1
     */
    void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
              byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException;

    /**
     * Verifies the tag of {@code in[inOff, inOff + inLen)} (ciphertext then tag) and writes the
     * plaintext, {@code inLen - 16} bytes, at {@code out[outOff]}. On failure the engine wipes
     * whatever it wrote to {@code out} (some ciphers, BouncyCastle's GCM among them, write
     * plaintext before they check the tag), and the api discards {@code out} as well.
     *
     * @param nonce array holding the nonce at {@code nonceOff}
     * @param nonceOff offset of the nonce
     * @param aad array holding the associated data
     * @param aadOff offset of the associated data
     * @param aadLen length of the associated data
     * @param in array holding ciphertext and tag
     * @param inOff offset of the ciphertext
     * @param inLen length of ciphertext and tag, at least 16
     * @param out array receiving the plaintext
     * @param outOff offset in {@code out}
     * @throws javax.crypto.AEADBadTagException if the tag does not verify
     * @throws GeneralSecurityException if the engine fails otherwise
     * @since 0.1
     */
    void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen,
              byte[] in, int inOff, int inLen, byte[] out, int outOff) throws GeneralSecurityException;
}
