package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.InvalidTokenException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.VerificationKey;
import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import dev.wafer.internal.Jws;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.EncodedPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 8037 Appendix A ({@code vectors/rfc/rfc8037_appendix_a_ed25519_jws.json}): the Ed25519 JWKs
 * (A.1, A.2) import through the api with their RFC 7638 thumbprint (A.3) as key id, the example JWS
 * is reproduced byte for byte (A.4) and verifies (A.5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8037#appendix-A">RFC 8037 Appendix A</a>
 */
public abstract class Rfc8037AppendixAConformance extends ProviderUnderTest {
    private static final Map<String, Object> VECTOR = TestJson.resource("/vectors/rfc/rfc8037_appendix_a_ed25519_jws.json");
    private static final String THUMBPRINT = (String) VECTOR.get("jwkThumbprintSha256");
    private static final String COMPACT = (String) VECTOR.get("compact");
    private static final byte[] PAYLOAD = ((String) VECTOR.get("payload")).getBytes(StandardCharsets.UTF_8);
    private static final byte[] D = TestJson.hex(VECTOR.get("dHex"));
    private static final byte[] X = TestJson.hex(VECTOR.get("xHex"));

    private static String jwkSet(String member) {
        return "{\"keys\":[" + new String(Json.writeObject(TestJson.obj(VECTOR, member)), StandardCharsets.UTF_8) + "]}";
    }

    @Test
    void importsThePrivateJwkUnderItsThumbprint() {
        SigningKey key = SigningKeySet.fromJwkSet(jwkSet("privateJwk")).primary();
        assertEquals(SigningAlgorithm.ED25519, key.algorithm());
        assertEquals(THUMBPRINT, key.keyId(), "a JWK without kid is named by its RFC 7638 thumbprint");
        assertEquals(THUMBPRINT, key.publicKey().thumbprint());
        assertEquals(VerificationKey.ed25519(null, X), key.publicKey());
        assertArrayEquals(D, Base64Url.decode((String) TestJson.obj(VECTOR, "privateJwk").get("d")));
    }

    @Test
    void reproducesTheCompactJwsByteForByte() throws GeneralSecurityException {
        String headerB64 = (String) VECTOR.get("protectedHeaderB64");
        assertEquals(headerB64, Base64Url.encode(((String) VECTOR.get("protectedHeader")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(COMPACT, Jws.sign(spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(D)), headerB64, PAYLOAD));
    }

    @Test
    void verifiesTheCompactJws() throws GeneralSecurityException {
        VerificationKey key = VerificationKey.ed25519(null, X);
        Jws.TrustedKey trusted = new Jws.TrustedKey(SigningAlgorithm.ED25519, key.signatureLengthBytes(), spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(X)));
        // The header has no kid: the key function is asked for null.
        Jws.Verified verified = Jws.verify(COMPACT, 8192, null, kid -> kid == null ? trusted : null);
        assertArrayEquals(PAYLOAD, verified.payload());
        assertEquals(Map.of("alg", "EdDSA"), verified.header());
        String otherPayload = COMPACT.replace((String) VECTOR.get("payloadB64"),
                Base64Url.encode("Example of Ed25519 signinG".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidTokenException.class, () -> Jws.verify(otherPayload, 8192, null, kid -> trusted));
    }

    @Test
    void verifiesTheCompactJwsWithThePublicJwk() throws GeneralSecurityException {
        VerificationKeySet keys = VerificationKeySet.fromJwkSet(jwkSet("publicJwk"));
        VerificationKey key = keys.find(THUMBPRINT).orElseThrow();
        assertEquals(1, keys.keys().size());
        assertEquals(SigningAlgorithm.ED25519, key.algorithm());
        assertEquals(THUMBPRINT, key.thumbprint());
        assertEquals(VerificationKey.ed25519(null, X), key, "the public JWK holds the key of A.1");
        assertEquals(SigningKeySet.fromJwkSet(jwkSet("privateJwk")).publicKeys().keys(), keys.keys());
        Jws.TrustedKey trusted = new Jws.TrustedKey(key.algorithm(), key.signatureLengthBytes(), spi().newVerifier(SigningAlgorithm.ED25519, new EncodedPublicKey(X)));
        assertArrayEquals(PAYLOAD, Jws.verify(COMPACT, 8192, null, kid -> kid == null ? trusted : null).payload());
    }
}
