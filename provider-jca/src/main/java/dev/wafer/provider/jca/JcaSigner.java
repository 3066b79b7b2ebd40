package dev.wafer.provider.jca;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.SignerEngine;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signs with a JCA {@link Signature} per thread: Ed25519 (RFC 8032 §5.1.6) on SunEC, RS256 and
 * PS256 (RFC 8017 §8.2, §8.1) on SunRsaSign. This class is thread-safe.
 */
final class JcaSigner implements SignerEngine {

    /** RFC 7518 §3.5: SHA-256, MGF1 with SHA-256, a salt as long as the hash, trailer field 1. */
    private static final PSSParameterSpec PS256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final SigningAlgorithm algorithm;
    private final PrivateKey key;
    private final ThreadLocal<Signature> perThread = new ThreadLocal<>();

    JcaSigner(SigningAlgorithm algorithm, PrivateKey key) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.key = key;
        signature(); // a key the JDK refuses fails here, not at the first token
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
        return "JcaSigner[" + algorithm + "]";
    }

    private Signature signature() throws GeneralSecurityException {
        Signature s = perThread.get();
        if (s == null) {
            s = newSignature(algorithm);
            s.initSign(key);
            perThread.set(s);
        }
        return s;
    }

    /** A JCA signature for one of Wafer's signature algorithms, its parameters set. */
    static Signature newSignature(SigningAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case ED25519 -> Signature.getInstance("Ed25519");
            case RS256 -> Signature.getInstance("SHA256withRSA");
            case PS256 -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(PS256);
                yield s;
            }
            default -> throw new NoSuchAlgorithmException(algorithm + " is not a signature algorithm");
        };
    }
}
