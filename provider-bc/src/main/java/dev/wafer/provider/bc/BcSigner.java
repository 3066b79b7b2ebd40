package dev.wafer.provider.bc;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.SignerEngine;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * Signs with a BouncyCastle {@link Signer} per thread, initialised for every message: Ed25519
 * (RFC 8032 §5.1.6) on {@link Ed25519Signer}, RS256 (RFC 8017 §8.2) on {@link RSADigestSigner}
 * and PS256 (RFC 8017 §8.1) on {@link PSSSigner}, both over {@link RSABlindedEngine}, whose
 * blinding and salt come from the {@link java.security.SecureRandom} in the key parameters.
 * This class is thread-safe.
 */
final class BcSigner implements SignerEngine {

    /** RFC 7518 §3.5: a salt as long as the SHA-256 hash. */
    static final int PSS_SALT_BYTES = 32;

    private final SigningAlgorithm algorithm;
    /** Immutable BouncyCastle key parameters (with a SecureRandom for RSA), shared by the threads. */
    private final CipherParameters key;
    private final ThreadLocal<Signer> perThread;

    BcSigner(SigningAlgorithm algorithm, CipherParameters key) throws NoSuchAlgorithmException {
        this.algorithm = algorithm;
        this.key = key;
        newSigner(algorithm); // an algorithm without a signer fails here, not at the first token
        this.perThread = ThreadLocal.withInitial(() -> newSignerUnchecked(algorithm));
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
        Signer s = perThread.get();
        try {
            s.init(true, key); // resets the signer: nothing of an earlier message remains
            s.update(data, off, len);
            return s.generateSignature();
        } catch (CryptoException | DataLengthException | IllegalArgumentException | IllegalStateException e) {
            perThread.remove(); // its state after a failure is unspecified: start afresh
            throw new SignatureException(algorithm + " signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "BcSigner[" + algorithm + "]";
    }

    /**
     * A new BouncyCastle signer for one of Wafer's signature algorithms, with its parameters:
     * RS256 uses {@link RSADigestSigner}'s own engine, PKCS#1 v1.5 encoding over
     * {@link RSABlindedEngine}; PS256 is SHA-256, MGF1 with SHA-256, a 32-byte salt and the
     * trailer field 0xBC (RFC 7518 §3.5).
     */
    static Signer newSigner(SigningAlgorithm algorithm) throws NoSuchAlgorithmException {
        switch (algorithm) {
            case ED25519:
                return new Ed25519Signer();
            case RS256:
                return new RSADigestSigner(new SHA256Digest());
            case PS256:
                return new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), new SHA256Digest(),
                        PSS_SALT_BYTES, PSSSigner.TRAILER_IMPLICIT);
            default:
                throw new NoSuchAlgorithmException(algorithm + " is not a signature algorithm");
        }
    }

    static Signer newSignerUnchecked(SigningAlgorithm algorithm) {
        try {
            return newSigner(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // checked in the constructor
        }
    }
}
