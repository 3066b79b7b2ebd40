package dev.wafer.spi.support;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Objects;

/**
 * Signer and verifier engines on any JCA {@link Signature} provider, one {@code Signature} per
 * thread and engine: Ed25519 (RFC 8032 §5.1.6, §5.1.7), RS256 (RSASSA-PKCS1-v1_5 with SHA-256,
 * RFC 8017 §8.2) and PS256 (RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt, RFC 8017
 * §8.1, RFC 7518 §3.5). The JDK provider passes SunEC's and SunRsaSign's services, the ACCP
 * provider ACCP's; what differs between them is only where the {@code Signature} comes from.
 *
 * <p>Security: the engines check nothing about the key beyond what the JCA provider's
 * {@code initSign}/{@code initVerify} checks; the api's key checks (for example the Ed25519
 * small-order points) run before a key reaches a provider. A verifier returns normally only for a
 * valid signature. A {@code Signature} whose call failed is dropped, not reused. The engines print
 * no key material. Thread-safe.
 *
 * @since 0.1
 */
public final class JceSignatures {

    /** RFC 7518 §3.5: SHA-256, MGF1 with SHA-256, a salt as long as the hash, trailer field 1. */
    private static final PSSParameterSpec PS256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    /**
     * Where a provider's {@code Signature} objects come from.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface SignatureFactory {
        /**
         * A new, uninitialised signature.
         *
         * @param algorithm the JCA standard name: {@code Ed25519}, {@code SHA256withRSA} or
         *     {@code RSASSA-PSS}
         * @return the signature
         * @throws GeneralSecurityException if the provider does not have it
         */
        Signature newSignature(String algorithm) throws GeneralSecurityException;
    }

    private JceSignatures() {
    }

    /**
     * A {@code Signature} for one of Wafer's signature algorithms, its parameters set (PS256's PSS
     * parameters), not yet initialised.
     *
     * @param algorithm Ed25519, RS256 or PS256
     * @param factory where it comes from
     * @return the signature
     * @throws NoSuchAlgorithmException if {@code algorithm} is not one of the three, or the
     *     provider lacks it
     * @throws GeneralSecurityException if the provider refuses the parameters
     */
    public static Signature newSignature(SigningAlgorithm algorithm, SignatureFactory factory)
            throws GeneralSecurityException {
        return switch (algorithm) {
            case ED25519 -> factory.newSignature("Ed25519");
            case RS256 -> factory.newSignature("SHA256withRSA");
            case PS256 -> {
                Signature s = factory.newSignature("RSASSA-PSS");
                s.setParameter(PS256);
                yield s;
            }
            default -> throw new NoSuchAlgorithmException(algorithm + " is not a signature algorithm");
        };
    }

    /**
     * A signer engine. The first {@code Signature} is made and initialised here, so a key the
     * provider refuses fails now, not at the first token.
     *
     * @param algorithm Ed25519, RS256 or PS256
     * @param key the private key, of the provider's kind
     * @param factory where the signatures come from
     * @param providerName the provider's name, for {@code toString}
     * @return the engine
     * @throws GeneralSecurityException if the provider refuses the algorithm or the key
     */
    public static SignerEngine signer(SigningAlgorithm algorithm, PrivateKey key, SignatureFactory factory,
                                      String providerName) throws GeneralSecurityException {
        return new Signer(algorithm, key, factory, providerName);
    }

    /**
     * A verifier engine. The first {@code Signature} is made and initialised here (SunEC decodes an
     * Ed25519 point only in {@code initVerify}), so a key the provider cannot use fails now.
     *
     * @param algorithm Ed25519, RS256 or PS256
     * @param key the public key, of the provider's kind
     * @param factory where the signatures come from
     * @param providerName the provider's name, for {@code toString}
     * @return the engine
     * @throws GeneralSecurityException if the provider refuses the algorithm or the key
     */
    public static VerifierEngine verifier(SigningAlgorithm algorithm, PublicKey key, SignatureFactory factory,
                                          String providerName) throws GeneralSecurityException {
        return new Verifier(algorithm, key, factory, providerName);
    }

    /** One {@code Signature} per thread, made by the factory and initialised once. */
    private abstract static class PerThread {
        final SigningAlgorithm algorithm;
        private final SignatureFactory factory;
        private final String name;
        private final ThreadLocal<Signature> perThread = new ThreadLocal<>();

        PerThread(String kind, SigningAlgorithm algorithm, SignatureFactory factory, String providerName) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            this.factory = Objects.requireNonNull(factory, "factory");
            this.name = kind + "[" + providerName + ", " + algorithm + "]";
        }

        abstract void init(Signature s) throws GeneralSecurityException;

        final Signature signature() throws GeneralSecurityException {
            Signature s = perThread.get();
            if (s == null) {
                s = newSignature(algorithm, factory);
                init(s);
                perThread.set(s);
            }
            return s;
        }

        /** Its state after a failure is unspecified: the thread's next call starts afresh. */
        final void drop() {
            perThread.remove();
        }

        public final SigningAlgorithm algorithm() {
            return algorithm;
        }

        /** The class, provider and algorithm; never key material. */
        @Override
        public final String toString() {
            return name;
        }
    }

    private static final class Signer extends PerThread implements SignerEngine {
        private final PrivateKey key;

        Signer(SigningAlgorithm algorithm, PrivateKey key, SignatureFactory factory, String providerName)
                throws GeneralSecurityException {
            super("JceSigner", algorithm, factory, providerName);
            this.key = Objects.requireNonNull(key, "key");
            signature();
        }

        @Override
        void init(Signature s) throws GeneralSecurityException {
            s.initSign(key);
        }

        @Override
        public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
            Signature s = signature();
            try {
                s.update(data, off, len);
                return s.sign();
            } catch (GeneralSecurityException | RuntimeException e) {
                drop();
                throw e;
            }
        }
    }

    private static final class Verifier extends PerThread implements VerifierEngine {
        private final PublicKey key;

        Verifier(SigningAlgorithm algorithm, PublicKey key, SignatureFactory factory, String providerName)
                throws GeneralSecurityException {
            super("JceVerifier", algorithm, factory, providerName);
            this.key = Objects.requireNonNull(key, "key");
            signature();
        }

        @Override
        void init(Signature s) throws GeneralSecurityException {
            s.initVerify(key);
        }

        @Override
        public void verify(byte[] signature, byte[] data, int off, int len) throws GeneralSecurityException {
            Signature s = signature();
            boolean valid;
            try {
                s.update(data, off, len);
                valid = s.verify(signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                drop();
                throw e;
            }
            if (!valid) {
                throw new SignatureException(algorithm + " signature does not verify");
            }
        }
    }
}
