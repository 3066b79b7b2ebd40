package dev.wafer.provider.jca;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.VerifierEngine;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Verifies with a JCA {@link Signature} per thread: Ed25519 (RFC 8032 §5.1.7), RS256 and PS256
 * (RFC 8017 §8.2.2, §8.1.2). Returns normally only for a valid signature. This class is thread-safe.
 */
final class JcaVerifier implements VerifierEngine {

    private final SigningAlgorithm algorithm;
    private final PublicKey key;
    private final ThreadLocal<Signature> perThread = new ThreadLocal<>();

    JcaVerifier(SigningAlgorithm algorithm, PublicKey key) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.key = key;
        // SunEC decodes an Ed25519 point only in initVerify: an invalid key fails here, not later.
        signature();
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
        return "JcaVerifier[" + algorithm + "]";
    }

    private Signature signature() throws GeneralSecurityException {
        Signature s = perThread.get();
        if (s == null) {
            s = JcaSigner.newSignature(algorithm);
            s.initVerify(key);
            perThread.set(s);
        }
        return s;
    }
}
