package dev.wafer.spi;

import dev.wafer.SigningAlgorithm;
import java.security.GeneralSecurityException;

/**
 * Signs messages under one private key (Ed25519, RS256 or PS256). Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface SignerEngine {

    /**
     * The algorithm of this engine's key.
     *
     * @return a signature algorithm
     * @since 0.1
     */
    SigningAlgorithm algorithm();

    /**
     * Signs {@code data[off, off + len)}.
     *
     * @param data array holding the message (for a JWS, the ASCII signing input, RFC 7515 §5.1)
     * @param off offset of the message
     * @param len length of the message
     * @return the signature: 64 bytes for Ed25519, the modulus length for RSA
     * @throws GeneralSecurityException if the engine fails
     * @since 0.1
     */
    byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException;
}
