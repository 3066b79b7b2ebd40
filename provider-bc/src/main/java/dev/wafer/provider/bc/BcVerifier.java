package dev.wafer.provider.bc;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.VerifierEngine;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Signer;

/**
 * Verifies with a BouncyCastle {@link Signer} per thread, initialised for every message: Ed25519
 * (RFC 8032 §5.1.7), RS256 and PS256 (RFC 8017 §8.2.2, §8.1.2). BouncyCastle answers with a
 * {@code boolean}; this engine turns {@code false} into a {@link SignatureException}, so it returns
 * normally only for a valid signature. This class is thread-safe.
 */
final class BcVerifier implements VerifierEngine {

    private final SigningAlgorithm algorithm;
    /** Immutable BouncyCastle public key parameters, shared by the threads. */
    private final CipherParameters key;
    private final ThreadLocal<Signer> perThread;

    BcVerifier(SigningAlgorithm algorithm, CipherParameters key) throws NoSuchAlgorithmException {
        this.algorithm = algorithm;
        this.key = key;
        BcSigner.newSigner(algorithm);
        this.perThread = ThreadLocal.withInitial(() -> BcSigner.newSignerUnchecked(algorithm));
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException {
        Signer s = perThread.get();
        boolean valid;
        try {
            s.init(false, key);
            s.update(data, off, len);
            valid = s.verifySignature(signature);
        } catch (DataLengthException | IllegalArgumentException e) {
            // Hostile input (a signature not below the modulus, say) is an invalid signature.
            perThread.remove();
            valid = false;
        } catch (RuntimeException e) {
            perThread.remove(); // its state after a failure is unspecified: start afresh
            throw e;
        }
        if (!valid) {
            throw new SignatureException(algorithm + " signature does not verify");
        }
    }

    @Override
    public String toString() {
        return "BcVerifier[" + algorithm + "]";
    }
}
