package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wafer.Claims;
import dev.wafer.ExpiredTokenException;
import dev.wafer.InvalidTokenException;
import dev.wafer.PrematureTokenException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Jws;
import dev.wafer.spi.EncodedPrivateKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signing and verifying tokens, as every provider must: round trips, RFC 8725 rules, every rejection. */
public abstract class TokenConformance extends ProviderUnderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "https://login.example";
    private static final int[] PAYLOAD_SIZES = {0, 1, 100, 1024, 3 * 1024};

    /** Keys are costly to make (RSA): one per algorithm, shared by every test of every suite. */
    private static final Map<SigningAlgorithm, SigningKeySet> KEYS = new EnumMap<>(SigningAlgorithm.class);

    protected static synchronized SigningKeySet keys(SigningAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, a -> a == SigningAlgorithm.ED25519
                ? SigningKeySet.generate(a) : SigningKeySet.of(SigningKey.generateRsa(a, 2048)));
    }

    private TokenSigner signer(SigningAlgorithm alg) {
        return TokenSigner.builder(keys(alg)).engines(provider()).issuer(ISSUER).clock(CLOCK).build();
    }

    private TokenVerifier.Builder verifier(SigningAlgorithm alg) {
        return TokenVerifier.builder(keys(alg).publicKeys()).engines(provider()).issuer(ISSUER).audience("api").clock(CLOCK);
    }

    private static Claims claims() {
        return Claims.builder().subject("42").audience("api").jwtId("id-1").claim("role", "admin").build();
    }

    static Stream<Arguments> algorithmsAndSizes() {
        return Stream.of(SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256)
                .flatMap(a -> java.util.Arrays.stream(PAYLOAD_SIZES).mapToObj(n -> Arguments.of(a, n)));
    }

    @ParameterizedTest(name = "{0}, {1}-byte claim")
    @MethodSource("algorithmsAndSizes")
    void verifiesWhatItSigned(SigningAlgorithm alg, int size) {
        assumeTrue(supports(alg));
        Claims claims = claims().toBuilder().claim("data", "x".repeat(size)).build();
        String token = signer(alg).sign(claims);
        Claims verified = verifier(alg).build().verify(token);
        assertEquals("42", verified.subject().orElseThrow());
        assertEquals(ISSUER, verified.issuer().orElseThrow());
        assertEquals(List.of("api"), verified.audience());
        assertEquals(NOW, verified.issuedAt().orElseThrow());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), verified.expiresAt().orElseThrow());
        assertEquals("x".repeat(size), verified.getString("data").orElseThrow());
        String header = new String(Base64Url.decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"" + alg.jwsName() + "\",\"typ\":\"JWT\",\"kid\":\""
                + keys(alg).primary().keyId() + "\"}", header);
    }

    @Test
    void carriesEveryKindOfCustomClaim() {
        Claims claims = Claims.builder().audience("api").claim("s", "text").claim("n", 42).claim("big", new java.math.BigInteger("123456789012345678901234567890"))
                .claim("f", 1.5).claim("b", true).claim("list", List.of("a", 1L, false))
                .claim("obj", Map.of("nested", Map.of("deep", List.of(1L, 2L)))).build();
        Claims back = verifier(SigningAlgorithm.ED25519).build().verify(signer(SigningAlgorithm.ED25519).sign(claims));
        assertEquals(claims.customClaims(), back.customClaims());
        assertEquals(42L, back.getLong("n").orElseThrow());
        assertEquals(true, back.getBoolean("b").orElseThrow());
        assertEquals(List.of("a", 1L, false), back.getList("list").orElseThrow());
        assertEquals(Map.of("deep", List.of(1L, 2L)), back.getMap("obj").orElseThrow().get("nested"));
    }

    @Test
    void signsDeterministicallyWithEd25519AndRs256() {
        for (SigningAlgorithm alg : List.of(SigningAlgorithm.ED25519, SigningAlgorithm.RS256)) {
            assumeTrue(supports(alg));
            Claims c = claims().toBuilder().issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
            assertEquals(signer(alg).sign(c), signer(alg).sign(c), alg + " is deterministic");
        }
    }

    @Test
    void rejectsEverySingleBitFlipAndTruncation() {
        for (SigningAlgorithm alg : List.of(SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256)) {
            assumeTrue(supports(alg));
            TokenVerifier verifier = verifier(alg).build();
            String token = signer(alg).sign(claims());
            verifier.verify(token);
            // RSA tokens are long: flip every bit of every character of header and payload, and of
            // the signature's first and last 16 characters; Ed25519 tokens: every bit everywhere.
            int sig = token.lastIndexOf('.') + 1;
            for (int i = 0; i < token.length(); i++) {
                if (alg != SigningAlgorithm.ED25519 && i > sig + 16 && i < token.length() - 16) {
                    continue;
                }
                for (int bit = 0; bit < 8; bit++) {
                    char[] chars = token.toCharArray();
                    chars[i] ^= (char) (1 << bit);
                    String tampered = new String(chars);
                    int at = i;
                    assertThrows(InvalidTokenException.class, () -> verifier.verify(tampered),
                            () -> alg + ": character " + at + " changed was accepted");
                }
            }
            for (int n = 0; n < token.length(); n++) {
                String prefix = token.substring(0, n);
                assertThrows(InvalidTokenException.class, () -> verifier.verify(prefix));
            }
        }
    }

    @Test
    void rejectsExpiredAndNotYetValidTokensWithinTheSkew() {
        TokenSigner signer = signer(SigningAlgorithm.ED25519);
        String token = signer.sign(claims().toBuilder().expiresAt(NOW.plusSeconds(100)).notBefore(NOW.plusSeconds(30)).build());
        assertThrows(PrematureTokenException.class, () -> verifier(SigningAlgorithm.ED25519).clockSkew(Duration.ofSeconds(29)).build().verify(token));
        verifier(SigningAlgorithm.ED25519).build().verify(token); // default 60 s skew covers nbf 30 s ahead
        TokenVerifier.Builder later = verifier(SigningAlgorithm.ED25519).clock(Clock.offset(CLOCK, Duration.ofSeconds(160)));
        ExpiredTokenException e = assertThrows(ExpiredTokenException.class, () -> later.build().verify(token));
        assertEquals(NOW.plusSeconds(100), e.expiresAt());
        verifier(SigningAlgorithm.ED25519).clock(Clock.offset(CLOCK, Duration.ofSeconds(159))).build().verify(token);
        String future = signer.sign(claims().toBuilder().issuedAt(NOW.plusSeconds(3600)).build());
        assertThrows(PrematureTokenException.class, () -> verifier(SigningAlgorithm.ED25519).build().verify(future));
        assertThrows(IllegalArgumentException.class, () -> verifier(SigningAlgorithm.ED25519).clockSkew(Duration.ofMinutes(11)));
    }

    @Test
    void requiresExpiryByDefault() {
        String token = unsigned(SigningAlgorithm.ED25519, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}", "{\"sub\":\"42\",\"aud\":\"api\",\"iss\":\"" + ISSUER + "\"}");
        assertTrue(assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.ED25519).build().verify(token))
                .getMessage().contains("exp"));
        assertEquals("42", verifier(SigningAlgorithm.ED25519).requireExpiry(false).build().verify(token).subject().orElseThrow());
    }

    @Test
    void checksIssuerAudienceAndType() {
        String token = signer(SigningAlgorithm.ED25519).sign(claims());
        assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.ED25519).issuer("https://evil.example").build().verify(token));
        assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.ED25519).audience("other").build().verify(token));
        assertThrows(InvalidTokenException.class, () -> TokenVerifier.builder(keys(SigningAlgorithm.ED25519).publicKeys()).engines(provider()).anyIssuer()
                .clock(CLOCK).build().verify(token), "a token with an audience needs a verifier with one");
        assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.ED25519).type("at+jwt").build().verify(token));
        String atJwt = TokenSigner.builder(keys(SigningAlgorithm.ED25519)).engines(provider()).type("at+jwt").issuer(ISSUER).clock(CLOCK).build().sign(claims());
        assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.ED25519).build().verify(atJwt));
        assertEquals("42", verifier(SigningAlgorithm.ED25519).type("application/AT+JWT").build().verify(atJwt).subject().orElseThrow());
    }

    @Test
    void rejectsAlgNoneAndHeadersThatCarryKeys() {
        String claims = "{\"sub\":\"42\",\"aud\":\"api\",\"iss\":\"" + ISSUER + "\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}";
        String kid = keys(SigningAlgorithm.ED25519).primary().keyId();
        TokenVerifier verifier = verifier(SigningAlgorithm.ED25519).build();
        verifier.verify(unsigned(SigningAlgorithm.ED25519, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", claims));
        for (String header : List.of(
                "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"NONE\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                "{\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"]}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"jku\":\"https://evil.example/jwks\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"x5u\":\"https://evil.example/cert\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"x5c\":[\"MIIB\"]}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"unknown\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"alg\":\"EdDSA\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\",\"cty\":\"JWT\"}",
                "[\"alg\",\"EdDSA\"]")) {
            String token = unsigned(SigningAlgorithm.ED25519, header, claims);
            assertThrows(InvalidTokenException.class, () -> verifier.verify(token), header);
        }
        // alg none with an empty signature, as attackers send it.
        String none = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        assertThrows(InvalidTokenException.class, () -> verifier.verify(none));
    }

    @Test
    void rejectsDuplicateClaimsAndMalformedClaims() {
        String kid = keys(SigningAlgorithm.ED25519).primary().keyId();
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        long exp = NOW.getEpochSecond() + 60;
        TokenVerifier verifier = verifier(SigningAlgorithm.ED25519).build();
        for (String claims : List.of(
                "{\"sub\":\"42\",\"sub\":\"admin\",\"aud\":\"api\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + "}",
                "{\"sub\":\"42\",\"aud\":\"api\",\"iss\":\"" + ISSUER + "\",\"exp\":\"" + exp + "\"}",
                "{\"sub\":42,\"aud\":\"api\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + "}",
                "{\"sub\":\"42\",\"aud\":[\"api\",7],\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + "}",
                "{\"sub\":\"42\",\"aud\":\"api\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + "} trailing",
                "{\"sub\":\"42\",\"aud\":\"api\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + ",\"n\":" + "[".repeat(40) + "]".repeat(40) + "}",
                "\"just a string\"",
                "not json")) {
            String token = unsigned(SigningAlgorithm.ED25519, header, claims);
            assertThrows(InvalidTokenException.class, () -> verifier.verify(token), claims);
        }
    }

    @Test
    void rejectsOversizedTokensBeforeParsing() {
        TokenVerifier verifier = verifier(SigningAlgorithm.ED25519).build();
        String big = signer(SigningAlgorithm.ED25519).sign(claims().toBuilder().claim("data", "x".repeat(9000)).build());
        assertTrue(assertThrows(InvalidTokenException.class, () -> verifier.verify(big)).getMessage().contains("longer than"));
        assertEquals("42", verifier(SigningAlgorithm.ED25519).maxTokenLength(16384).build().verify(big).subject().orElseThrow());
    }

    @Test
    void selectsTheKeyByKidAndKeepsVerifyingAfterRotation() {
        SigningKeySet first = keys(SigningAlgorithm.ED25519);
        SigningKeySet rotated = first.rotate().keySet();
        String old = signer(SigningAlgorithm.ED25519).sign(claims());
        String fresh = TokenSigner.builder(rotated).engines(provider()).issuer(ISSUER).clock(CLOCK).build().sign(claims());
        TokenVerifier both = TokenVerifier.builder(rotated.publicKeys()).engines(provider()).issuer(ISSUER).audience("api").clock(CLOCK).build();
        both.verify(old);
        both.verify(fresh);
        assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.ED25519).build().verify(fresh),
                "a verifier that does not know the new kid rejects it");
        TokenVerifier retired = TokenVerifier.builder(rotated.remove(first.primary().keyId()).publicKeys()).engines(provider())
                .issuer(ISSUER).audience("api").clock(CLOCK).build();
        assertThrows(InvalidTokenException.class, () -> retired.verify(old));
        retired.verify(fresh);
    }

    @Test
    void neverTakesTheAlgorithmFromTheHeader() {
        assumeTrue(supports(SigningAlgorithm.RS256) && supports(SigningAlgorithm.PS256));
        // The same RSA key material registered as RS256 must not verify a PS256 signature, nor the reverse.
        SigningKeySet rs = keys(SigningAlgorithm.RS256);
        String rsToken = signer(SigningAlgorithm.RS256).sign(claims());
        String body = rsToken.substring(rsToken.indexOf('.'));
        String psHeader = Base64Url.encode(("{\"alg\":\"PS256\",\"typ\":\"JWT\",\"kid\":\"" + rs.primary().keyId() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidTokenException.class, () -> verifier(SigningAlgorithm.RS256).build().verify(psHeader + body));
    }

    @Test
    void neverPutsKeyBytesInToStringsOrMessages() {
        for (SigningAlgorithm alg : List.of(SigningAlgorithm.ED25519, SigningAlgorithm.RS256)) {
            SigningKeySet keys = keys(alg);
            String jwks = keys.toJwkSet();
            String d = jwks.substring(jwks.indexOf("\"d\":\"") + 5);
            byte[] secret = Base64Url.decode(d.substring(0, d.indexOf('"')));
            TokenSigner signer = signer(alg);
            TokenVerifier verifier = verifier(alg).build();
            Secrets.assertNotIn(secret, keys.toString(), keys.primary().toString(), signer.toString(), verifier.toString(),
                    keys.publicKeys().toJwkSet(), keys.publicKeys().toString());
            Throwable t = assertThrows(InvalidTokenException.class, () -> verifier.verify(signer.sign(claims()) + "x"));
            Secrets.assertNotIn(secret, t.getMessage(), t.toString());
        }
    }

    @Test
    void refusesAKeyWhosePrivateAndPublicHalvesDoNotMatch() {
        SigningKeySet a = SigningKeySet.generate();
        SigningKeySet b = SigningKeySet.generate();
        String ja = a.toJwkSet();
        String xb = b.publicKeys().toJwkSet();
        String xOfB = xb.substring(xb.indexOf("\"x\":\"") + 5);
        xOfB = xOfB.substring(0, xOfB.indexOf('"'));
        String xOfA = ja.substring(ja.indexOf("\"x\":\"") + 5);
        xOfA = xOfA.substring(0, xOfA.indexOf('"'));
        String mixed = ja.replace(xOfA, xOfB);
        dev.wafer.KeyException e = assertThrows(dev.wafer.KeyException.class, () -> SigningKeySet.fromJwkSet(mixed),
                "refused at import, before any provider signs with it");
        assertTrue(e.getMessage().endsWith("the Ed25519 public key (x) is not the public key of the private key (d)"), e.getMessage());
        String d = ja.substring(ja.indexOf("\"d\":\"") + 5);
        Secrets.assertNotIn(Base64Url.decode(d.substring(0, d.indexOf('"'))), e.getMessage());
    }

    @Test
    void refusesAValidlySignedTokenWithAnUnpairedSurrogateInItsClaimsOrHeader() throws GeneralSecurityException {
        // Signed by the JDK, apart from Wafer's signer (which never writes such text): the signature is
        // valid, so only the unpaired surrogate escape can make the verifier refuse (issue 15, point 11).
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = jdk.getPublic().getEncoded();
        String x = Base64Url.encode(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        TokenVerifier verifier = TokenVerifier.builder(VerificationKeySet.fromJwkSet("{\"keys\":[{\"kty\":\"OKP\","
                + "\"crv\":\"Ed25519\",\"kid\":\"jdk\",\"alg\":\"EdDSA\",\"use\":\"sig\",\"x\":\"" + x + "\"}]}"))
                .engines(provider()).issuer(ISSUER).audience("api").clock(CLOCK).build();
        long exp = NOW.getEpochSecond() + 60;
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"jdk\",\"note\":\"TEXT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"42\",\"aud\":\"api\",\"exp\":" + exp + ",\"name\":\"TEXT\"}";
        String pair = "\\ud83d\\ude00";
        assertEquals("\ud83d\ude00", verifier.verify(signedByJdk(jdk, header.replace("TEXT", pair), claims.replace("TEXT", pair)))
                .getString("name").orElseThrow(), "the hand-signed token verifies when its escapes are a pair");
        for (String unpaired : List.of("\\ud800", "x\\udc00y", "\\ud83d\\u0041", "\\ude00\\ud83d")) {
            String badClaims = signedByJdk(jdk, header.replace("TEXT", "ok"), claims.replace("TEXT", unpaired));
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(badClaims), unpaired);
            assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
            String badHeader = signedByJdk(jdk, header.replace("TEXT", unpaired), claims.replace("TEXT", "ok"));
            e = assertThrows(InvalidTokenException.class, () -> verifier.verify(badHeader), unpaired);
            assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
        }
    }

    private static String signedByJdk(KeyPair key, String headerJson, String claimsJson) throws GeneralSecurityException {
        String input = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(claimsJson.getBytes(StandardCharsets.UTF_8));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(ed25519.sign());
    }

    /** A token with any header and claims, signed by the algorithm's test key (so only the header or claims are at fault). */
    protected String unsigned(SigningAlgorithm alg, String headerJson, String claimsJson) {
        SigningKey key = keys(alg).primary();
        try {
            String jwks = keys(alg).toJwkSet();
            String d = jwks.substring(jwks.indexOf("\"d\":\"") + 5);
            byte[] seed = Base64Url.decode(d.substring(0, d.indexOf('"')));
            assumeTrue(key.algorithm() == SigningAlgorithm.ED25519);
            return Jws.sign(spi().newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(seed)), Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)),
                    claimsJson.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
