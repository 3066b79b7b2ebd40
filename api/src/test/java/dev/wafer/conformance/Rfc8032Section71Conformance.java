package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.InvalidTokenException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.VerificationKey;
import dev.wafer.internal.Jws;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.EncodedPublicKey;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 8032 §7.1, the test vectors for Ed25519 ({@code vectors/rfc/rfc8032_section7.1_ed25519.json}):
 * Ed25519 is deterministic, so the provider's signer reproduces each signature byte for byte, and
 * its verifier, behind the api's check, accepts it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032#section-7.1">RFC 8032 §7.1</a>
 */
public abstract class Rfc8032Section71Conformance extends ProviderUnderTest {
    private static final String FILE = "/vectors/rfc/rfc8032_section7.1_ed25519.json";

    static Stream<Arguments> section71Vectors() {
        return TestJson.list(TestJson.resource(FILE), "vectors").stream().map(v -> Arguments.of(v.get("name"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("section71Vectors")
    void signsEachMessageByteForByteAndVerifiesIt(String name, Map<String, Object> vector) throws GeneralSecurityException {
        byte[] secretKey = TestJson.hex(vector.get("secretKey"));
        byte[] publicKey = TestJson.hex(vector.get("publicKey"));
        byte[] message = TestJson.hex(vector.get("message"));
        byte[] signature = TestJson.hex(vector.get("signature"));
        assertEquals(((Long) vector.get("messageLength")).intValue(), message.length, "message length");

        assertArrayEquals(signature, spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(secretKey)).sign(message, 0, message.length));

        VerificationKey key = VerificationKey.ed25519(null, publicKey);
        Jws.TrustedKey trusted = new Jws.TrustedKey(SigningAlgorithm.ED25519, key.signatureLengthBytes(),
                spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(publicKey)));
        Jws.verifySignature(trusted, signature, message);
        byte[] flipped = signature.clone();
        flipped[0] ^= 1;
        assertThrows(InvalidTokenException.class, () -> Jws.verifySignature(trusted, flipped, message));
    }

    @Test
    void runsTheFiveVectorsOfTheSection() {
        assertEquals(List.of("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"),
                section71Vectors().map(a -> a.get()[0]).collect(Collectors.toList()));
    }
}
