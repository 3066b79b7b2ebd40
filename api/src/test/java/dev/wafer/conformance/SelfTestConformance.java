package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.internal.SelfTest;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.PrivateKeyMaterial;
import dev.wafer.spi.PublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The known-answer self-test that gates a provider's first use of an algorithm: it passes, and it can fail. */
public abstract class SelfTestConformance extends ProviderUnderTest {

    @Test
    void passesTheSelfTestOfEveryAlgorithmItLists() {
        WaferProvider p = spi();
        for (Algorithm a : p.algorithms()) {
            long start = System.nanoTime();
            Optional<String> failure = SelfTest.run(p, a);
            long micros = (System.nanoTime() - start) / 1000;
            assertEquals(Optional.empty(), failure, a.toString());
            System.out.printf("self-test %s/%s: %d us (first run, cold)%n", p.name(), a.jwkName(), micros);
        }
        for (Algorithm a : p.algorithms()) {
            assertEquals(p.name(), provider().servedBy(a), "a pinned provider serves what it lists");
        }
    }

    @Test
    void passesTheSelfTestAgainOnTheSameThread() {
        // Each registry runs its own self-tests: a second Wafer.engines(loader), or a test that
        // runs them directly, repeats the same fixed key and nonce on the same thread.
        WaferProvider p = spi();
        for (int round = 0; round < 3; round++) {
            for (Algorithm a : p.algorithms()) {
                assertEquals(Optional.empty(), SelfTest.run(p, a), a + ", round " + round);
            }
        }
        for (int round = 0; round < 2; round++) {
            dev.wafer.WaferEngines fresh = dev.wafer.Wafer.engines(getClass().getClassLoader());
            for (Algorithm a : p.algorithms()) {
                fresh.servedBy(a);
            }
        }
    }

    @Test
    void failsTheSelfTestOfAnEngineThatGetsAnyByteWrong() {
        WaferProvider broken = new Corrupting(spi());
        for (Algorithm a : broken.algorithms()) {
            Optional<String> failure = SelfTest.run(broken, a);
            assertTrue(failure.isPresent(), a + ": a corrupting engine passed");
            assertTrue(failure.get().contains(a.jwkName()), failure.get());
        }
    }

    /** Delegates to a real provider but flips one bit of every ciphertext and signature it makes. */
    private static final class Corrupting implements WaferProvider {
        private final WaferProvider real;

        Corrupting(WaferProvider real) {
            this.real = real;
        }

        @Override
        public String spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public String name() {
            return "corrupting-" + real.name();
        }

        @Override
        public String version() {
            return real.version();
        }

        @Override
        public int priority() {
            return real.priority();
        }

        @Override
        public Set<Algorithm> algorithms() {
            return real.algorithms();
        }

        @Override
        public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
            AeadEngine e = real.newAeadEngine(algorithm, key);
            return new AeadEngine() {
                @Override
                public SealingAlgorithm algorithm() {
                    return e.algorithm();
                }

                @Override
                public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff,
                                 int inLen, byte[] out, int outOff) throws GeneralSecurityException {
                    e.seal(nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
                    out[outOff] ^= 1;
                }

                @Override
                public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff,
                                 int inLen, byte[] out, int outOff) throws GeneralSecurityException {
                    e.open(nonce, nonceOff, aad, aadOff, aadLen, in, inOff, inLen, out, outOff);
                }
            };
        }

        private static SignerEngine corrupt(SignerEngine s) {
            return new SignerEngine() {
                @Override
                public SigningAlgorithm algorithm() {
                    return s.algorithm();
                }

                @Override
                public byte[] sign(byte[] data, int off, int len) throws GeneralSecurityException {
                    byte[] sig = s.sign(data, off, len);
                    sig[sig.length / 2] ^= 1;
                    return sig;
                }
            };
        }

        @Override
        public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
            return corrupt(real.newSigner(algorithm, key));
        }

        @Override
        public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
            return real.newVerifier(algorithm, key);
        }
    }
}
