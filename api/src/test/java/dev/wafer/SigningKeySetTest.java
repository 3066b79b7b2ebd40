package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeySetTest {

    @Test
    void writesAndReadsPrivateAndPublicJwkSets() {
        SigningKeySet keys = SigningKeySet.of(SigningKey.generateRsa(SigningAlgorithm.PS256, 2048), SigningKey.generate(SigningAlgorithm.ED25519));
        SigningKeySet back = SigningKeySet.fromJwkSet(keys.toJwkSet());
        assertEquals(keys.keys(), back.keys());
        assertEquals(keys.primary(), back.primary());
        String pub = keys.publicKeys().toJwkSet();
        for (String member : new String[] {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "primary"}) {
            assertFalse(pub.contains(member), "public set leaks " + member);
        }
        assertEquals(keys.publicKeys().keys(), VerificationKeySet.fromJwkSet(pub).keys());
        assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(keys.toJwkSet()),
                "a private set deployed where a public one belongs is refused");
        assertThrows(KeyException.class, () -> SigningKeySet.fromJwkSet(pub), "a public set cannot sign");
    }

    @Test
    void namesGeneratedKeysByTheirRfc7638Thumbprint() {
        SigningKey key = SigningKey.generate(SigningAlgorithm.ED25519);
        assertEquals(key.publicKey().thumbprint(), key.keyId());
        assertEquals(43, key.keyId().length());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2047})
    void refusesRsaKeysUnder2048Bits(int bits) {
        BigInteger n = BigInteger.ONE.shiftLeft(bits - 1).setBit(0);
        KeyException e = assertThrows(KeyException.class,
                () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", n, BigInteger.valueOf(65537)));
        assertTrue(e.getMessage().contains("at least 2048 bits"), e.getMessage());
        assertThrows(KeyException.class, () -> SigningKey.generateRsa(SigningAlgorithm.RS256, bits));
    }

    @Test
    void refusesSmallOrEvenPublicExponents() {
        BigInteger n = BigInteger.ONE.shiftLeft(2047).setBit(0);
        for (long e : new long[] {3, 17, 65536, 65538}) {
            assertThrows(KeyException.class, () -> VerificationKey.rsa(SigningAlgorithm.RS256, "k", n, BigInteger.valueOf(e)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}",
        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"x\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}",
        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"RS256\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}",
        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"use\":\"enc\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}",
        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR\"}]}",
        "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"x5c\":[\"AA\"]}]}",
        "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}"})
    void refusesUnsupportedOrMalformedPublicKeys(String json) {
        assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(json));
    }

    @Test
    void refusesRsaPrivateKeysWhosePrimesDoNotMatchTheModulus() {
        SigningKey k = SigningKey.generateRsa(SigningAlgorithm.RS256, 2048);
        String json = SigningKeySet.of(k).toJwkSet();
        String p = json.substring(json.indexOf("\"p\":\"") + 5);
        p = p.substring(0, p.indexOf('"'));
        String broken = json.replace("\"p\":\"" + p + "\"", "\"p\":\"" + p.substring(0, p.length() - 2) + "AQ\"");
        assertThrows(KeyException.class, () -> SigningKeySet.fromJwkSet(broken));
    }

    @Test
    void rotatesAndRemoves() {
        SigningKeySet keys = SigningKeySet.generate();
        SigningKeySet rotated = keys.rotate().keySet();
        assertEquals(2, rotated.publicKeys().keys().size());
        assertThrows(IllegalArgumentException.class, () -> rotated.remove(rotated.primary().keyId()));
        assertEquals(1, rotated.remove(keys.primary().keyId()).keys().size());
        assertTrue(rotated.toString().contains(rotated.primary().keyId()));
    }
}
