package dev.wafer.provider.tink;

import com.google.crypto.tink.PublicKeyVerify;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.VerifierEngine;
import java.security.GeneralSecurityException;
import java.security.SignatureException;

/**
 * Verifies with a Tink {@link PublicKeyVerify}: {@code subtle.Ed25519Verify} (RFC 8032 §5.1.7),
 * {@code subtle.RsaSsaPkcs1VerifyJce} (RFC 8017 §8.2.2) or {@code subtle.RsaSsaPssVerifyJce}
 * (RFC 8017 §8.1.2). Returns normally only for a valid signature. Thread-safe, as Tink's
 * primitives are.
 */
final class TinkVerifier implements VerifierEngine {

    private final SigningAlgorithm algorithm;
    private final PublicKeyVerify tink;

    TinkVerifier(SigningAlgorithm algorithm, PublicKeyVerify tink) {
        this.algorithm = algorithm;
        this.tink = tink;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException {
        try {
            tink.verify(signature, TinkSigner.slice(data, off, len));
        } catch (GeneralSecurityException e) {
            // Tink throws a plain GeneralSecurityException for a signature that does not verify;
            // the SPI asks for SignatureException. Tink's messages name no key material.
            throw new SignatureException(algorithm + " signature does not verify", e);
        }
    }

    @Override
    public String toString() {
        return "TinkVerifier[" + algorithm + "]";
    }
}
