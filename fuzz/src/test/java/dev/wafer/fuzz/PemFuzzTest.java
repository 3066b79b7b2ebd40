package dev.wafer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wafer.KeyException;
import dev.wafer.Pem;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.VerificationKey;

/** Reading PEM: keys that openssl and other tools write, as an operator imports them. */
class PemFuzzTest {

    /** Only a key or {@link KeyException}, for each algorithm the caller may name; a key read writes back. */
    @FuzzTest
    void readPem(byte[] input) {
        String pem = Fuzzing.text(input);
        for (SigningAlgorithm algorithm : new SigningAlgorithm[] {SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256}) {
            Fuzzing.expect(input, () -> {
                SigningKey key = Pem.readPrivateKey(pem, algorithm, null);
                if (!Pem.readPrivateKey(Pem.writePrivateKey(key), algorithm, null).equals(key)) {
                    throw new AssertionError("a private key does not round-trip through PEM");
                }
            }, KeyException.class);
            Fuzzing.expect(input, () -> {
                VerificationKey key = Pem.readPublicKey(pem, algorithm, null);
                if (!Pem.readPublicKey(Pem.writePublicKey(key), algorithm, null).equals(key)) {
                    throw new AssertionError("a public key does not round-trip through PEM");
                }
            }, KeyException.class);
        }
    }
}
