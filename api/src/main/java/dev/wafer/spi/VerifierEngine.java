package dev.wafer.spi;

import dev.wafer.SigningAlgorithm;
import java.security.GeneralSecurityException;

/**
 * Verifies signatures under one public key (Ed25519, RS256 or PS256). Returns normally only for
 * a valid signature: there is no {@code boolean} to forget to check. Implementations are thread-safe.
 *
 * <p>The api has checked that the signature has the exact length of the algorithm (64 bytes for
 * Ed25519, the modulus length for RSA) before it calls an engine.
 *
 * @since 0.1
 */
public interface VerifierEngine {

    /**
     * The algorithm of this engine's key.
     *
     * @return a signature algorithm
     * @since 0.1
     */
    SigningAlgorithm algorithm();

    /**
     * Verifies {@code signature} over {@code data[off, off + len)}.
     *
     * @param signature the signature bytes
     * @param data array holding the message
     * @param off offset of the message
     * @param len length of the message
     * @throws java.security.SignatureException if the signature is not valid
     * @throws GeneralSecurityException if the engine fails otherwise
     * @since 0.1
     */
    void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException;
}
