package dev.wafer.spi.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JCA signer and verifier that the jca and accp providers share, on the JDK's own services
 * (the providers' conformance suites run them through the api on each provider).
 */
class JceSignaturesTest {
    private static final byte[] INPUT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair keys(SigningAlgorithm a) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(a == SigningAlgorithm.ED25519 ? "Ed25519" : "RSA");
        if (a != SigningAlgorithm.ED25519) {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ED25519", "RS256", "PS256"})
    void signsWhatTheJdkVerifiesAndRefusesAnythingElse(SigningAlgorithm a) throws Exception {
        KeyPair kp = keys(a);
        SignerEngine signer = JceSignatures.signer(a, kp.getPrivate(), Signature::getInstance, "jdk");
        VerifierEngine verifier = JceSignatures.verifier(a, kp.getPublic(), Signature::getInstance, "jdk");
        byte[] framed = new byte[INPUT.length + 10];
        System.arraycopy(INPUT, 0, framed, 5, INPUT.length);
        byte[] sig = signer.sign(framed, 5, INPUT.length);

        Signature jdk = JceSignatures.newSignature(a, Signature::getInstance);
        jdk.initVerify(kp.getPublic());
        jdk.update(INPUT);
        assertEquals(true, jdk.verify(sig), "the JDK's own verifier accepts it: the offset and length were honoured");
        assertDoesNotThrow(() -> verifier.verify(sig, framed, 5, INPUT.length));
        assertEquals(a, signer.algorithm());
        assertEquals(a, verifier.algorithm());

        byte[] flipped = sig.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThrows(SignatureException.class, () -> verifier.verify(flipped, framed, 5, INPUT.length));
        assertThrows(SignatureException.class, () -> verifier.verify(sig, framed, 4, INPUT.length));
        // After a refusal the thread's Signature still verifies the genuine one.
        assertDoesNotThrow(() -> verifier.verify(sig, framed, 5, INPUT.length));
        if (a == SigningAlgorithm.ED25519) {
            assertArrayEquals(sig, signer.sign(INPUT, 0, INPUT.length), "Ed25519 is deterministic (RFC 8032)");
        }
    }

    @Test
    void ps256CarriesRfc7518sParameters() throws Exception {
        KeyPair kp = keys(SigningAlgorithm.PS256);
        byte[] sig = JceSignatures.signer(SigningAlgorithm.PS256, kp.getPrivate(), Signature::getInstance, "jdk")
                .sign(INPUT, 0, INPUT.length);
        Signature other = Signature.getInstance("RSASSA-PSS");
        other.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        other.initVerify(kp.getPublic());
        other.update(INPUT);
        assertEquals(true, other.verify(sig));
    }

    @Test
    void aKeyTheProviderRefusesFailsAtConstructionAndTheFactoryIsAskedByStandardName() throws Exception {
        KeyPair rsa = keys(SigningAlgorithm.RS256);
        assertThrows(InvalidKeyException.class,
                () -> JceSignatures.signer(SigningAlgorithm.ED25519, rsa.getPrivate(), Signature::getInstance, "jdk"));
        assertThrows(InvalidKeyException.class,
                () -> JceSignatures.verifier(SigningAlgorithm.ED25519, rsa.getPublic(), Signature::getInstance, "jdk"));
        List<String> asked = new ArrayList<>();
        JceSignatures.SignatureFactory recording = name -> {
            asked.add(name);
            return Signature.getInstance(name);
        };
        for (SigningAlgorithm a : List.of(SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256)) {
            JceSignatures.newSignature(a, recording);
        }
        assertEquals(List.of("Ed25519", "SHA256withRSA", "RSASSA-PSS"), asked);
        assertThrows(NoSuchAlgorithmException.class,
                () -> JceSignatures.signer(SigningAlgorithm.RS256, rsa.getPrivate(), name -> {
                    throw new NoSuchAlgorithmException(name + " not here");
                }, "none"));
    }

    @Test
    void aSignatureWhoseCallFailedIsDroppedAndTheNextCallGetsAFreshOne() throws Exception {
        KeyPair kp = keys(SigningAlgorithm.ED25519);
        AtomicInteger made = new AtomicInteger();
        JceSignatures.SignatureFactory counting = name -> {
            made.incrementAndGet();
            return Signature.getInstance(name);
        };
        SignerEngine signer = JceSignatures.signer(SigningAlgorithm.ED25519, kp.getPrivate(), counting, "jdk");
        signer.sign(INPUT, 0, INPUT.length);
        assertEquals(1, made.get(), "one Signature per thread, reused");
        assertThrows(IllegalArgumentException.class, () -> signer.sign(INPUT, 1, INPUT.length), "past the end");
        byte[] sig = signer.sign(INPUT, 0, INPUT.length);
        assertEquals(2, made.get(), "the failed one was not reused");
        assertEquals(64, sig.length);
    }

    @Test
    void toStringNamesProviderAndAlgorithmOnly() throws Exception {
        KeyPair kp = keys(SigningAlgorithm.ED25519);
        SignerEngine s = JceSignatures.signer(SigningAlgorithm.ED25519, kp.getPrivate(), Signature::getInstance, "jca");
        VerifierEngine v = JceSignatures.verifier(SigningAlgorithm.ED25519, kp.getPublic(), Signature::getInstance, "jca");
        assertEquals("JceSigner[jca, ED25519]", s.toString());
        assertEquals("JceVerifier[jca, ED25519]", v.toString());
        assertFalse(s.toString().contains(kp.getPrivate().toString()));
    }
}
