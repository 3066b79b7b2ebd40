package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.VerificationKey;
import dev.wafer.internal.Jws;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.VerifierEngine;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's Ed25519 vectors ({@code vectors/wycheproof/ed25519_test.json}) through the
 * api's signature check ({@link Jws#verifySignature}), as token verification runs it: valid
 * signatures verify; invalid ones (wrong length, non-canonical encodings, S not below the group
 * order) are rejected with {@link InvalidTokenException}, or by the engine refusing the key.
 */
public abstract class WycheproofEd25519Conformance extends ProviderUnderTest {
    private static final String FILE = "ed25519_test.json";
    private static final String REFUSED_KEY = "refused by the api: public key not 32 bytes";

    static Stream<Arguments> ed25519Cases() {
        return Wycheproof.arguments(FILE);
    }

    private static String expectation(Wycheproof.Case c) {
        return TestJson.hex(TestJson.obj(c.group(), "publicKey").get("pk")).length != 32 ? REFUSED_KEY : c.result();
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("ed25519Cases")
    void verifiesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        byte[] pk = TestJson.hex(TestJson.obj(c.group(), "publicKey").get("pk"));
        byte[] msg = c.bytes("msg");
        byte[] sig = c.bytes("sig");
        String expectation = expectation(c);
        if (REFUSED_KEY.equals(expectation)) {
            assertThrows(KeyException.class, () -> VerificationKey.ed25519(null, pk));
            return;
        }
        VerificationKey key = VerificationKey.ed25519(null, pk);
        VerifierEngine engine;
        try {
            engine = spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(pk));
        } catch (GeneralSecurityException e) {
            if (Wycheproof.INVALID.equals(expectation)) {
                return; // refusing the key rejects the signature too
            }
            throw new AssertionError("the provider refused the public key of a " + expectation + " case", e);
        }
        Jws.TrustedKey trusted = new Jws.TrustedKey(SigningAlgorithm.ED25519, key.signatureLengthBytes(), engine);
        switch (expectation) {
            case Wycheproof.VALID:
                assertDoesNotThrow(() -> Jws.verifySignature(trusted, sig, msg));
                break;
            case Wycheproof.INVALID:
                assertThrows(InvalidTokenException.class, () -> Jws.verifySignature(trusted, sig, msg));
                break;
            default:
                fail("no decision for an Ed25519 case with result " + expectation + " and flags " + c.flags());
        }
    }

    @Test
    void runsEveryCaseOfTheFile() {
        // 151 cases, all with 32-byte keys; 12 of the invalid signatures are not 64 bytes long.
        assertEquals(Map.of(Wycheproof.VALID, 88, Wycheproof.INVALID, 63),
                Wycheproof.census(FILE, WycheproofEd25519Conformance::expectation));
    }
}
