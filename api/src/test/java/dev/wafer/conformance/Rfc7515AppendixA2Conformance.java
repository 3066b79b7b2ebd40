package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wafer.Claims;
import dev.wafer.ExpiredTokenException;
import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenVerifier;
import dev.wafer.VerificationKey;
import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import dev.wafer.internal.Jws;
import dev.wafer.spi.RsaPrivateKeyMaterial;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 7515 Appendix A.2, the example JWS using RSASSA-PKCS1-v1_5 SHA-256
 * ({@code vectors/rfc/rfc7515_appendix_a2_rs256.json}): the 2048-bit key imports once it names
 * {@code "alg":"RS256"} (Wafer binds the algorithm to the key), the deterministic signature is
 * reproduced byte for byte, and the full {@link dev.wafer.TokenVerifier} verifies the token, which
 * has no {@code typ} and expired in 2011.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515#appendix-A.2">RFC 7515 Appendix A.2</a>
 */
public abstract class Rfc7515AppendixA2Conformance extends ProviderUnderTest {
    private static final Map<String, Object> VECTOR = TestJson.resource("/vectors/rfc/rfc7515_appendix_a2_rs256.json");
    private static final String COMPACT = (String) VECTOR.get("compact");
    /** The payload's exp, 2011-03-22T18:43:00Z, and a time ten seconds before it. */
    private static final Instant EXP = Instant.ofEpochSecond(1300819380);
    private static final Clock BEFORE_EXP = Clock.fixed(Instant.ofEpochSecond(1300819370), ZoneOffset.UTC);

    /** A one-key JWK Set of the vector's private or public JWK, with an {@code alg} member or without. */
    private static String jwkSet(String member, String alg) {
        Map<String, Object> jwk = new LinkedHashMap<>(TestJson.obj(VECTOR, member));
        if (alg != null) {
            jwk.put("alg", alg);
        }
        return "{\"keys\":[" + new String(Json.writeObject(jwk), StandardCharsets.UTF_8) + "]}";
    }

    private static BigInteger member(String name) {
        return new BigInteger(1, Base64Url.decode((String) TestJson.obj(VECTOR, "privateJwk").get(name)));
    }

    private VerificationKeySet publicKeys() {
        return VerificationKeySet.fromJwkSet(jwkSet("publicJwk", "RS256"));
    }

    @Test
    void refusesTheRsaJwkWithoutAnAlg() {
        assertThrows(KeyException.class, () -> SigningKeySet.fromJwkSet(jwkSet("privateJwk", null)));
        assertThrows(KeyException.class, () -> VerificationKeySet.fromJwkSet(jwkSet("publicJwk", null)));
    }

    @Test
    void importsTheKeyOnceItNamesRs256() {
        SigningKey key = SigningKeySet.fromJwkSet(jwkSet("privateJwk", "RS256")).primary();
        assertEquals(SigningAlgorithm.RS256, key.algorithm());
        assertEquals(key.publicKey().thumbprint(), key.keyId(), "a JWK without kid is named by its RFC 7638 thumbprint");
        assertEquals(VerificationKey.rsa(SigningAlgorithm.RS256, null, member("n"), member("e")), key.publicKey());
        assertEquals(256, key.publicKey().signatureLengthBytes());
        assertEquals(publicKeys().keys(), SigningKeySet.fromJwkSet(jwkSet("privateJwk", "RS256")).publicKeys().keys());
    }

    @Test
    void reproducesTheSignatureByteForByte() throws GeneralSecurityException {
        assumeTrue(supports(SigningAlgorithm.RS256), "RS256 not provided");
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(member("n"), member("e"), member("d"),
                member("p"), member("q"), member("dp"), member("dq"), member("qi"));
        byte[] payload = Base64Url.decode((String) VECTOR.get("payloadB64"));
        assertEquals(VECTOR.get("payload"), new String(payload, StandardCharsets.UTF_8));
        assertEquals(COMPACT, Jws.sign(spi().newSigner(SigningAlgorithm.RS256, new RsaPrivateKeyMaterial(spec)), (String) VECTOR.get("protectedHeaderB64"), payload));
    }

    @Test
    void verifiesTheTokenWithTheTokenVerifier() {
        assumeTrue(supports(SigningAlgorithm.RS256), "RS256 not provided");
        Claims claims = TokenVerifier.builder(publicKeys()).engines(provider()).anyIssuer().type(null).clock(BEFORE_EXP).build().verify(COMPACT);
        assertEquals("joe", claims.issuer().orElseThrow());
        assertEquals(EXP, claims.expiresAt().orElseThrow());
        assertEquals(true, claims.getBoolean("http://example.com/is_root").orElseThrow());
    }

    @Test
    void rejectsTheTokenWithoutTypWhereTypJwtIsRequired() {
        assumeTrue(supports(SigningAlgorithm.RS256), "RS256 not provided");
        InvalidTokenException e = assertThrowsExactly(InvalidTokenException.class,
                () -> TokenVerifier.builder(publicKeys()).engines(provider()).anyIssuer().clock(BEFORE_EXP).build().verify(COMPACT));
        assertTrue(e.getMessage().contains("type"), e.getMessage());
    }

    @Test
    void rejectsTheTokenOnceItHasExpired() {
        assumeTrue(supports(SigningAlgorithm.RS256), "RS256 not provided");
        // The default clock skew is 60 seconds.
        Clock afterExp = Clock.fixed(EXP.plusSeconds(61), ZoneOffset.UTC);
        ExpiredTokenException e = assertThrows(ExpiredTokenException.class,
                () -> TokenVerifier.builder(publicKeys()).engines(provider()).anyIssuer().type(null).clock(afterExp).build().verify(COMPACT));
        assertEquals(EXP, e.expiresAt());
        assertThrows(ExpiredTokenException.class, () -> TokenVerifier.builder(publicKeys()).engines(provider()).anyIssuer().type(null).build().verify(COMPACT),
                "on the system clock");
    }
}
