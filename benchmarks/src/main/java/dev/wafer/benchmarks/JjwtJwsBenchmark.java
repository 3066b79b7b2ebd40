package dev.wafer.benchmarks;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: JJWT signing and verifying the same five-claim JWT, {@code Jwts.SIG.EdDSA} (on the JDK's
 * Ed25519) and {@code Jwts.SIG.RS256} with a 2048-bit key. Verify uses a parser built once that
 * requires the issuer and the audience (JJWT checks exp and iat itself), and returns the claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JjwtJwsBenchmark {

    @Param({"ED25519", "RS256"})
    public String algorithm;

    private PrivateKey privateKey;
    private SignatureAlgorithm signatureAlgorithm;
    private JwtParser parser;
    private String token;

    @Setup
    public void setup() throws GeneralSecurityException {
        KeyPair pair;
        if (algorithm.equals("ED25519")) {
            pair = Fixtures.ed25519KeyPair();
            signatureAlgorithm = Jwts.SIG.EdDSA;
        } else if (algorithm.equals("RS256")) {
            pair = Fixtures.rsaKeyPair();
            signatureAlgorithm = Jwts.SIG.RS256;
        } else {
            throw new IllegalArgumentException("algorithm must be ED25519 or RS256, not " + algorithm);
        }
        privateKey = pair.getPrivate();
        parser = Jwts.parser().verifyWith(pair.getPublic()).requireIssuer(Fixtures.ISSUER)
                .requireAudience(Fixtures.AUDIENCE).build();
        token = sign(Fixtures.VERIFIED_TOKEN_LIFETIME);
        verify();
    }

    @Benchmark
    public String sign() {
        return sign(Fixtures.TOKEN_LIFETIME);
    }

    private String sign(Duration lifetime) {
        Instant now = Instant.now();
        return Jwts.builder().header().type("JWT").keyId(Fixtures.KEY_ID).and()
                .issuer(Fixtures.ISSUER).subject(Fixtures.SUBJECT).audience().add(Fixtures.AUDIENCE).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(lifetime)))
                .signWith(privateKey, signatureAlgorithm).compact();
    }

    @Benchmark
    public Claims verify() {
        return parser.parseSignedClaims(token).getPayload();
    }
}
