package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.VerificationKey;
import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Jws;
import dev.wafer.spi.EncodedPublicKey;
import dev.wafer.spi.VerifierEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wafer's own Ed25519 edge cases ({@code vectors/ed25519-edge/edge_cases.json}): keys of small
 * order, of mixed order, non-canonical and off the curve; non-canonical and small-order R; S ≥ L;
 * and the twelve vectors of "Taming the many EdDSAs". Every
 * provider gives the one verdict each case names: the key refused at import, the signature
 * rejected, or the signature valid. Engines disagree on about half of these edges; the api's own
 * checks (docs/format.md §2.1) make them agree.
 */
public abstract class Ed25519EdgeCaseConformance extends ProviderUnderTest {
    private static final String FILE = "/vectors/ed25519-edge/edge_cases.json";
    static final String REFUSED_KEY = "refused-key";
    static final String INVALID = "invalid";
    static final String VALID = "valid";

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        return (List<Map<String, Object>>) TestJson.resource(FILE).get("cases");
    }

    static Stream<Arguments> edgeCases() {
        return cases().stream().map(c -> Arguments.of(c.get("id"), c.get("comment"), c));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("edgeCases")
    void everyProviderGivesTheOneVerdict(String id, String comment, Map<String, Object> c) throws Exception {
        byte[] pk = TestJson.hex(c.get("pk"));
        byte[] msg = TestJson.hex(c.get("msg"));
        byte[] sig = TestJson.hex(c.get("sig"));
        String result = (String) c.get("result");
        if (REFUSED_KEY.equals(result)) {
            KeyException e = assertThrows(KeyException.class, () -> VerificationKey.ed25519("edge", pk));
            assertTrue(e.getMessage().startsWith("key edge: "), "the refusal names the key id: " + e.getMessage());
            return;
        }
        VerificationKey key = VerificationKey.ed25519(null, pk);
        // A key the api accepts, every provider accepts too: the verdict falls on the signature.
        VerifierEngine engine = spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(pk));
        Jws.TrustedKey trusted = new Jws.TrustedKey(SigningAlgorithm.ED25519, key.signatureLengthBytes(), engine);
        if (VALID.equals(result)) {
            assertDoesNotThrow(() -> Jws.verifySignature(trusted, sig, msg));
        } else {
            assertEquals(INVALID, result, id);
            assertThrows(InvalidTokenException.class, () -> Jws.verifySignature(trusted, sig, msg));
        }
    }

    @Test
    void aKeySetWithAKeyOfSmallOrderIsRefusedAtImportNamingTheKey() {
        String identity = Base64Url.encode(TestJson.hex("0100000000000000000000000000000000000000000000000000000000000000"));
        String valid = Base64Url.encode(TestJson.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        String jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"good\",\"x\":\"" + valid + "\"},"
                + "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"identity\",\"x\":\"" + identity + "\"}]}";
        KeyException e = assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(jwks));
        assertTrue(e.getMessage().startsWith("key identity: the Ed25519 public key is a point of small order"),
                e.getMessage());
    }

    @Test
    void theIdentityForgeryNeverVerifiesATokenEvenWhenItsKeyIsBuiltByHand() throws Exception {
        // The forgery of the issue: public key = identity, R = identity, S = 0 signs everything. The
        // api refuses the key; and an engine built on it by a provider that accepts such a key still
        // meets the api's check of the signature's R.
        byte[] identity = TestJson.hex("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] forged = new byte[64];
        forged[0] = 1;
        assertThrows(KeyException.class, () -> VerificationKey.ed25519(null, identity));
        VerifierEngine engine;
        try {
            engine = spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(identity));
        } catch (java.security.GeneralSecurityException refused) {
            return; // this provider refuses the key itself
        }
        Jws.TrustedKey trusted = new Jws.TrustedKey(SigningAlgorithm.ED25519, 64, engine);
        byte[] claims = "{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidTokenException.class, () -> Jws.verifySignature(trusted, forged, claims));
    }

    @Test
    void coversEachKindOfEdgeCase() {
        Map<String, Long> census = cases().stream()
                .collect(Collectors.groupingBy(c -> (String) c.get("result"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(REFUSED_KEY, 62L, INVALID, 44L, VALID, 1L), census);
        assertEquals(24, cases().stream().filter(c -> ((String) c.get("id")).startsWith("speccheck-")).count());
    }
}
