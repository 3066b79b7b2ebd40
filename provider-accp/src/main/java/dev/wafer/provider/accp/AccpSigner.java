package dev.wafer.provider.accp;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.SignerEngine;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signs with one ACCP {@link Signature} per thread: Ed25519 (RFC 8032 §5.1.6), RS256 and PS256
 * (RFC 8017 §8.2, §8.1). This class is thread-safe.
 */
final class AccpSigner implements SignerEngine {

    /** RFC 7518 §3.5: SHA-256, MGF1 with SHA-256, a salt as long as the hash, trailer field 1. */
    private static final PSSParameterSpec PS256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final SigningAlgorithm algorithm;
    private final PrivateKey key;
    private final Provider provider;
    private final ThreadLocal<Signature> perThread = new ThreadLocal<>();

    AccpSigner(SigningAlgorithm algorithm, PrivateKey key, Provider provider) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.key = key;
        this.provider = provider;
        signature(); // a key ACCP refuses fails here, not at the first token
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
        Signature s = signature();
        try {
            s.update(data, off, len);
            return s.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            perThread.remove(); // its state after a failure is unspecified: start afresh
            throw e;
        }
    }

    @Override
    public String toString() {
        return "AccpSigner[" + algorithm + "]";
    }

    private Signature signature() throws GeneralSecurityException {
        Signature s = perThread.get();
        if (s == null) {
            s = newSignature(algorithm, provider);
            s.initSign(key);
            perThread.set(s);
        }
        return s;
    }

    /** An ACCP signature for one of Wafer's signature algorithms, its parameters set. */
    static Signature newSignature(SigningAlgorithm algorithm, Provider provider) throws GeneralSecurityException {
        return switch (algorithm) {
            case ED25519 -> Signature.getInstance("Ed25519", provider);
            case RS256 -> Signature.getInstance("SHA256withRSA", provider);
            case PS256 -> {
                Signature s = Signature.getInstance("RSASSA-PSS", provider);
                s.setParameter(PS256);
                yield s;
            }
            default -> throw new NoSuchAlgorithmException(algorithm + " is not a signature algorithm");
        };
    }
}
