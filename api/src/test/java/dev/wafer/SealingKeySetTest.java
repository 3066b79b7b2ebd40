package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.conformance.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealingKeySetTest {

    @Test
    void writesAndReadsAPrivateJwkSet() {
        SealingKeySet ring = SealingKeySet.generate().rotate(SealingAlgorithm.AES_256_GCM).keySet().rotate().keySet();
        String json = ring.toJwkSet();
        SealingKeySet back = SealingKeySet.fromJwkSet(json);
        assertEquals(ring.keys(), back.keys());
        assertEquals(ring.primary(), back.primary());
        assertEquals(SealingAlgorithm.AES_256_GCM, back.primary().algorithm(), "rotate() keeps the primary's algorithm");
        assertTrue(json.contains("\"primary\":\"" + ring.primary().keyId() + "\""));
        assertTrue(json.contains("\"alg\":\"XAES-256-GCM\"") && json.contains("\"kty\":\"oct\""));
    }

    @Test
    void rotatesWithoutLosingOldKeysAndRemovesOnlyNonPrimaryKeys() {
        SealingKeySet ring = SealingKeySet.generate();
        SealingKeySet rotated = ring.rotate().keySet();
        assertNotEquals(ring.primary(), rotated.primary());
        assertEquals(2, rotated.keys().size());
        assertTrue(rotated.find(ring.primary().keyId()).isPresent());
        assertThrows(IllegalArgumentException.class, () -> rotated.remove(rotated.primary().keyId()));
        assertEquals(List.of(rotated.primary()), rotated.remove(ring.primary().keyId()).keys());
        assertThrows(IllegalArgumentException.class, () -> ring.remove("00003039"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void refusesKeysOtherThan256Bits(int length) {
        KeyException e = assertThrows(KeyException.class, () -> SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000001", new byte[length]));
        assertTrue(e.getMessage().contains("256 bits"), e.getMessage());
        String jwks = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\""
                + dev.wafer.internal.Base64Url.encode(new byte[length]) + "\"}]}";
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(jwks));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "{}", "{\"keys\":[]}", "{\"keys\":{}}", "{\"keys\":[1]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"A128GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k1\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"EdDSA\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"use\":\"sig\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"},"
            + "{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}],\"primary\":\"00000001\"}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"},"
            + "{\"kty\":\"oct\",\"kid\":\"00000002\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}],\"primary\":\"00000002\"}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"00000001\",\"kid\":\"00000002\",\"alg\":\"AES-256-GCM\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}"})
    void refusesUnreadableOrInconsistentKeyFilesWithAKeyException(String json) {
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(json));
    }

    @Test
    void showsKeyIdsButNeverKeyBytes() {
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) (0xA0 + i);
        }
        SealingKey key = SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0a1b2c3d", secret);
        SealingKeySet ring = SealingKeySet.of(key);
        assertEquals("SealingKey[kid=0a1b2c3d, alg=XAES-256-GCM]", key.toString());
        Secrets.assertNotIn(secret, key.toString(), ring.toString(), String.valueOf(key.hashCode()));
        assertEquals(key, SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0a1b2c3d", secret.clone()));
        secret[0] ^= 1;
        assertNotEquals(key, SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0a1b2c3d", secret));
    }
}
