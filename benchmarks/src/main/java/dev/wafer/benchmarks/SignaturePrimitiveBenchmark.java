package dev.wafer.benchmarks;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bare signature primitives under the tokens: sign and verify of a JWS signing input of the same
 * shape and length, with nothing around them (no JSON, no base64url, no claims check).
 *
 * <p>{@code jdk}: {@link Signature} (SunEC Ed25519, SunRsaSign SHA256withRSA and RSASSA-PSS),
 * initialised once per thread. {@code bc}: BouncyCastle's lightweight API, {@link Ed25519Signer},
 * {@link RSADigestSigner} and {@link PSSSigner} (salt 32, MGF1-SHA-256), one per thread. {@code accp}:
 * the same {@link Signature}s from the Amazon Corretto Crypto Provider object (AWS-LC), with the
 * JDK's keys, which ACCP translates once at init, as Wafer's accp provider does. RSA keys are
 * 2048 bits. The signing results of Wafer are divided by the faster of the two (for Ed25519 the issue
 * asks for BouncyCastle's).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignaturePrimitiveBenchmark {

    @Param({"jdk", "bc", "accp"})
    public String engine;

    @Param({"ED25519", "RS256", "PS256"})
    public String algorithm;

    private byte[] input;
    private byte[] signature;
    private Signature jdkSigner;
    private Signature jdkVerifier;
    private Signer bcSigner;
    private Signer bcVerifier;

    @Setup
    public void setup() throws GeneralSecurityException, CryptoException {
        input = Fixtures.signingInput(algorithm.equals("ED25519") ? "EdDSA" : algorithm);
        if (engine.equals("jdk") || engine.equals("accp")) {
            setUpJdk();
        } else if (engine.equals("bc")) {
            setUpBc();
        } else {
            throw new IllegalArgumentException("engine must be jdk, bc or accp, not " + engine);
        }
        signature = sign();
        if (!verify()) {
            throw new IllegalStateException(engine + " " + algorithm + " does not verify its own signature");
        }
    }

    private void setUpJdk() throws GeneralSecurityException {
        KeyPair pair = algorithm.equals("ED25519") ? Fixtures.ed25519KeyPair() : Fixtures.rsaKeyPair();
        jdkSigner = jdkSignature();
        jdkSigner.initSign(pair.getPrivate());
        jdkVerifier = jdkSignature();
        jdkVerifier.initVerify(pair.getPublic());
    }

    private Signature jdkSignature() throws GeneralSecurityException {
        Provider p = engine.equals("accp") ? AmazonCorrettoCryptoProvider.INSTANCE : null;
        switch (algorithm) {
            case "ED25519":
                return p == null ? Signature.getInstance("Ed25519") : Signature.getInstance("Ed25519", p);
            case "RS256":
                return p == null ? Signature.getInstance("SHA256withRSA") : Signature.getInstance("SHA256withRSA", p);
            case "PS256":
                Signature s = p == null ? Signature.getInstance("RSASSA-PSS") : Signature.getInstance("RSASSA-PSS", p);
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                return s;
            default:
                throw new IllegalArgumentException("not a signature algorithm: " + algorithm);
        }
    }

    private void setUpBc() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        if (algorithm.equals("ED25519")) {
            Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
            bcSigner = new Ed25519Signer();
            bcSigner.init(true, key);
            bcVerifier = new Ed25519Signer();
            bcVerifier.init(false, key.generatePublicKey());
            return;
        }
        KeyPair pair = Fixtures.rsaKeyPair();
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        RSAPrivateCrtKeyParameters priv = new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(),
                k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
                k.getCrtCoefficient());
        RSAPublicKey p = (RSAPublicKey) pair.getPublic();
        RSAKeyParameters pub = new RSAKeyParameters(false, p.getModulus(), p.getPublicExponent());
        switch (algorithm) {
            case "RS256":
                bcSigner = new RSADigestSigner(new SHA256Digest());
                bcVerifier = new RSADigestSigner(new SHA256Digest());
                break;
            case "PS256":
                bcSigner = new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), 32);
                bcVerifier = new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), 32);
                break;
            default:
                throw new IllegalArgumentException("not a signature algorithm: " + algorithm);
        }
        bcSigner.init(true, new ParametersWithRandom(priv, random));
        bcVerifier.init(false, pub);
    }

    @Benchmark
    public byte[] sign() throws SignatureException, CryptoException {
        if (jdkSigner != null) {
            jdkSigner.update(input);
            return jdkSigner.sign();
        }
        bcSigner.update(input, 0, input.length);
        return bcSigner.generateSignature();
    }

    @Benchmark
    public boolean verify() throws SignatureException {
        if (jdkVerifier != null) {
            jdkVerifier.update(input);
            return jdkVerifier.verify(signature);
        }
        bcVerifier.update(input, 0, input.length);
        return bcVerifier.verifySignature(signature);
    }
}
