package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.SigningKeySet;
import dev.wafer.TokenVerifier;
import dev.wafer.spring.app.jwt.JwtApp;
import dev.wafer.spring.security.WaferJwtDecoder;
import dev.wafer.web.ReloadingSigner;
import dev.wafer.web.RemoteJwks;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Security's JwtEncoder and JwtDecoder on Wafer, the published JWK Set, a resource server
 * on it, a second service verifying through the remote JWK Set, and a key rotation on disk.
 */
@SpringBootTest(classes = JwtApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wafer.signing.issuer=https://login.example", "wafer.verification.audience=api"})
class JwtTest {
    static final Path SIGNING = Keys.DIR.resolve("jwt-test-signing.jwks");

    @LocalServerPort
    int port;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    ReloadingSigner signer;

    @DynamicPropertySource
    static void keyFiles(DynamicPropertyRegistry registry) throws Exception {
        Files.writeString(SIGNING, SigningKeySet.generate().toJwkSet());
        registry.add("wafer.sealing.key-file", Keys.SEALING::toString);
        registry.add("wafer.signing.key-file", SIGNING::toString);
    }

    @Test
    void theJwkSetIsPublishedWithCachingHeaders() throws Exception {
        HttpResponse<String> jwks = new TestClient(port).get("/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode());
        assertEquals("application/jwk-set+json", jwks.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(jwks.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"), jwks.headers().map().toString());
        assertTrue(jwks.body().contains(signer.keyId()), jwks.body());
        assertTrue(!jwks.body().contains("\"d\""), "never a private key");
    }

    @Test
    void aResourceServerAcceptsTheTokensAndRefusesOthers() throws Exception {
        TestClient client = new TestClient(port);
        String token = client.get("/token?sub=svc").body();
        HttpResponse<String> ok = client.get("/api/hello", "Authorization", "Bearer " + token);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("hello svc [api] read " + signer.keyId(), ok.body());
        assertEquals(401, client.get("/api/hello").statusCode());
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        HttpResponse<String> bad = client.get("/api/hello", "Authorization", "Bearer " + tampered);
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertThrows(BadJwtException.class, () -> decoder.decode(tampered));
    }

    @Test
    void anotherServiceVerifiesThroughTheRemoteJwkSet() throws Exception {
        Jwt issued = encoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder().subject("42").audience(java.util.List.of("api"))
                .expiresAt(Instant.now().plusSeconds(60)).build()));
        assertEquals("https://login.example", issued.getClaimAsString("iss"), "the configured issuer is added");
        WaferJwtDecoder remote = new WaferJwtDecoder(RemoteJwks.builder(
                URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"),
                keys -> TokenVerifier.builder(keys).issuer("https://login.example").audience("api").build()).build());
        Jwt verified = remote.decode(issued.getTokenValue());
        assertEquals("42", verified.getSubject());
        assertEquals("EdDSA", verified.getHeaders().get("alg"));
        assertEquals(issued.getExpiresAt(), verified.getExpiresAt());
    }

    @Test
    void theHeaderCannotChooseTheAlgorithmOrTheKey() {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("x").build();
        assertThrows(JwtEncodingException.class, () -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)));
        assertThrows(JwtEncodingException.class, () -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("other").build(), claims)));
        assertThrows(JwtEncodingException.class, () -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).jwkSetUrl("https://evil.example/jwks").build(), claims)));
        assertThrows(JwtEncodingException.class, () -> encoder.encode(JwtEncoderParameters.from(
                JwtClaimsSet.builder().subject("x").expiresAt(Instant.now().minusSeconds(60)).build())),
                "an exp in the past is refused");
    }

    @Test
    void aRotationOnDiskSignsUnderTheNewKeyAndOldTokensStillVerify() throws Exception {
        TestClient client = new TestClient(port);
        String before = client.get("/token?sub=a").body();
        String oldKid = signer.keyId();
        Files.writeString(SIGNING, SigningKeySet.fromJwkSet(Files.readString(SIGNING)).rotate().keySet().toJwkSet());
        assertTrue(signer.reload());
        assertNotEquals(oldKid, signer.keyId());
        String after = client.get("/token?sub=b").body();
        assertEquals("hello b [api] read " + signer.keyId(), client.get("/api/hello", "Authorization", "Bearer " + after).body());
        assertEquals(200, client.get("/api/hello", "Authorization", "Bearer " + before).statusCode(),
                "a token under the previous primary still verifies");
        assertTrue(client.get("/.well-known/jwks.json").body().contains(signer.keyId()));
    }
}
