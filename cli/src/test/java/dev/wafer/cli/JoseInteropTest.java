package dev.wafer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenVerifier;
import dev.wafer.VerificationKeySet;
import dev.wafer.Wafer;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.nio.file.Path;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with the two JOSE libraries a second service most likely runs: what Wafer signs, Nimbus
 * JOSE+JWT 10.10 and JJWT 0.13.0 verify from the public JWK Set that {@code wafer public} exports;
 * what they sign with keys from Wafer's private JWK Set, Wafer verifies. Each set holds two keys
 * (a pending one besides the primary), so that every library must select the key by {@code kid}.
 */
class JoseInteropTest {
    @TempDir
    Path dir;

    /** Keys made and exported by the command line, as an operator would: the private set, then the public one. */
    private Cli keys(String alg) {
        Cli cli = new Cli(dir);
        if (alg.equals("EdDSA")) {
            cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
            cli.ok("rotate", "--keys", "signing.jwks", "--pending");
        } else {
            cli.ok("keygen", "--type", "sign", "--alg", alg, "--rsa-bits", "2048", "-o", "signing.jwks");
            cli.ok("rotate", "--keys", "signing.jwks", "--pending", "--alg", alg.equals("RS256") ? "PS256" : "RS256");
        }
        cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks");
        return cli;
    }

    private static String sign(Cli cli) {
        return cli.ok("sign", "--keys", "signing.jwks", "--iss", "https://login.example", "--sub", "42", "--aud", "api",
                "--claim", "role=admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "RS256", "PS256"})
    void nimbusVerifiesWhatWaferSigns(String alg) throws Exception {
        Cli cli = keys(alg);
        String token = sign(cli);
        JWKSet published = JWKSet.parse(cli.read("public.jwks"));
        assertEquals(2, published.getKeys().size());
        assertFalse(published.getKeys().stream().anyMatch(JWK::isPrivate));

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(alg, jwt.getHeader().getAlgorithm().getName());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        JWK jwk = published.getKeyByKeyId(jwt.getHeader().getKeyID());
        JWSVerifier verifier = jwk instanceof OctetKeyPair ? new Ed25519Verifier((OctetKeyPair) jwk)
                : new RSASSAVerifier((RSAKey) jwk);
        assertTrue(jwt.verify(verifier));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("42", claims.getSubject());
        assertEquals("https://login.example", claims.getIssuer());
        assertEquals(List.of("api"), claims.getAudience());
        assertEquals("admin", claims.getStringClaim("role"));
        assertTrue(claims.getExpirationTime().after(new Date()));

        SignedJWT forged = SignedJWT.parse(token.substring(0, token.indexOf('.') + 1)
                + "eyJzdWIiOiIwIn0" + token.substring(token.lastIndexOf('.')));
        assertFalse(forged.verify(verifier));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "RS256", "PS256"})
    void jjwtVerifiesWhatWaferSigns(String alg) {
        Cli cli = keys(alg);
        String token = sign(cli);
        JwkSet published = Jwks.setParser().build().parse(cli.read("public.jwks"));
        assertEquals(2, published.getKeys().size());

        Jws<io.jsonwebtoken.Claims> jws = Jwts.parser()
                .keyLocator(header -> locate(published, ((ProtectedHeader) header).getKeyId()))
                .requireIssuer("https://login.example").requireAudience("api")
                .build().parseSignedClaims(token);
        assertEquals(alg, jws.getHeader().getAlgorithm());
        assertEquals("42", jws.getPayload().getSubject());
        assertEquals("admin", jws.getPayload().get("role", String.class));

        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + flip(token.substring(token.lastIndexOf('.') + 1));
        assertThrows(io.jsonwebtoken.security.SignatureException.class, () -> Jwts.parser()
                .keyLocator(header -> locate(published, ((ProtectedHeader) header).getKeyId())).build()
                .parseSignedClaims(tampered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "RS256", "PS256"})
    void waferVerifiesWhatNimbusSignsWithKeysFromWafersPrivateJwkSet(String alg) throws Exception {
        Cli cli = keys(alg);
        SigningKeySet wafer = SigningKeySet.fromJwkSet(cli.read("signing.jwks"));
        String kid = wafer.primary().keyId();
        JWK jwk = JWKSet.parse(cli.read("signing.jwks")).getKeyByKeyId(kid);
        assertTrue(jwk.isPrivate());
        JWSSigner signer = jwk instanceof OctetKeyPair ? new Ed25519Signer((OctetKeyPair) jwk) : new RSASSASigner((RSAKey) jwk);
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(kid).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("https://nimbus.example").subject("7").audience("api")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("scope", "read").build());
        jwt.sign(signer);

        Claims claims = verifier(cli, "https://nimbus.example").verify(jwt.serialize());
        assertEquals("7", claims.subject().orElseThrow());
        assertEquals("read", claims.getString("scope").orElseThrow());
        assertEquals(List.of("api"), claims.audience());
        assertTrue(cli.ok("verify", "--jwks", "public.jwks", "--iss", "https://nimbus.example", "--aud", "api", jwt.serialize())
                .contains("\"scope\": \"read\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "RS256", "PS256"})
    void waferVerifiesWhatJjwtSignsWithKeysFromWafersPrivateJwkSet(String alg) {
        Cli cli = keys(alg);
        SigningKeySet wafer = SigningKeySet.fromJwkSet(cli.read("signing.jwks"));
        String kid = wafer.primary().keyId();
        JwkSet set = Jwks.setParser().build().parse(cli.read("signing.jwks"));
        PrivateKey key = (PrivateKey) locate(set, kid);
        SignatureAlgorithm sig = alg.equals("EdDSA") ? Jwts.SIG.EdDSA : alg.equals("RS256") ? Jwts.SIG.RS256 : Jwts.SIG.PS256;
        Instant now = Instant.now();
        String token = Jwts.builder().header().keyId(kid).type("JWT").and()
                .issuer("https://jjwt.example").subject("9").audience().add("api").and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(600))).claim("tier", "gold")
                .signWith(key, sig).compact();

        Claims claims = verifier(cli, "https://jjwt.example").verify(token);
        assertEquals("9", claims.subject().orElseThrow());
        assertEquals("gold", claims.getString("tier").orElseThrow());
        assertEquals(alg, Algorithm.fromJwkName(alg).orElseThrow().jwkName());

        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + flip(token.substring(token.lastIndexOf('.') + 1));
        assertThrows(InvalidTokenException.class, () -> verifier(cli, "https://jjwt.example").verify(tampered));
    }

    private static TokenVerifier verifier(Cli cli, String issuer) {
        return TokenVerifier.builder(VerificationKeySet.fromJwkSet(cli.read("public.jwks"))).engines(Wafer.engines())
                .issuer(issuer).audience("api").build();
    }

    private static Key locate(JwkSet set, String kid) {
        for (Jwk<?> jwk : set.getKeys()) {
            if (kid.equals(jwk.getId())) {
                return jwk.toKey();
            }
        }
        throw new AssertionError("no key " + kid + " in the JWK Set");
    }

    /** Changes the first character of a base64url signature. */
    private static String flip(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }
}
