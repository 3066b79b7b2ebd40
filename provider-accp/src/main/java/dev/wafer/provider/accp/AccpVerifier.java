package dev.wafer.provider.accp;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.VerifierEngine;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Verifies with one ACCP {@link Signature} per thread: Ed25519 (RFC 8032 §5.1.7), RS256 and PS256
 * (RFC 8017 §8.2.2, §8.1.2). Returns normally only for a valid signature. This class is thread-safe.
 */
final class AccpVerifier implements VerifierEngine {

    private final SigningAlgorithm algorithm;
    private final PublicKey key;
    private final Provider provider;
    private final ThreadLocal<Signature> perThread = new ThreadLocal<>();

    AccpVerifier(SigningAlgorithm algorithm, PublicKey key, Provider provider) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.key = key;
        this.provider = provider;
        signature(); // a key ACCP cannot decode fails here, not at the first token
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException {
        Signature s = signature();
        boolean valid;
        try {
            s.update(data, off, len);
            valid = s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            perThread.remove(); // its state after a failure is unspecified: start afresh
            throw e;
        }
        if (!valid) {
            throw new SignatureException(algorithm + " signature does not verify");
        }
    }

    @Override
    public String toString() {
        return "AccpVerifier[" + algorithm + "]";
    }

    private Signature signature() throws GeneralSecurityException {
        Signature s = perThread.get();
        if (s == null) {
            s = AccpSigner.newSignature(algorithm, provider);
            s.initVerify(key);
            perThread.set(s);
        }
        return s;
    }
}
