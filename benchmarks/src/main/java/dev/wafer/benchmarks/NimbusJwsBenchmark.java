package dev.wafer.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
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
 * Peer: Nimbus JOSE+JWT signing and verifying the same five-claim JWT. EdDSA with an
 * {@link OctetKeyPair} ({@link Ed25519Signer}, which runs on Tink), RS256 with a 2048-bit key. Verify
 * parses, checks the signature, then exp, iat, the issuer and the audience with
 * {@link DefaultJWTClaimsVerifier}, and returns the claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NimbusJwsBenchmark {

    @Param({"ED25519", "RS256"})
    public String algorithm;

    private JWSHeader header;
    private JWSSigner signer;
    private JWSVerifier verifier;
    private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    private String token;

    @Setup
    public void setup() throws GeneralSecurityException, JOSEException, ParseException, BadJWTException {
        JWSAlgorithm alg;
        if (algorithm.equals("ED25519")) {
            OctetKeyPair okp = new OctetKeyPairGenerator(Curve.Ed25519).keyID(Fixtures.KEY_ID).generate();
            signer = new Ed25519Signer(okp);
            verifier = new Ed25519Verifier(okp.toPublicJWK());
            alg = JWSAlgorithm.EdDSA;
        } else if (algorithm.equals("RS256")) {
            KeyPair pair = Fixtures.rsaKeyPair();
            signer = new RSASSASigner(pair.getPrivate());
            verifier = new RSASSAVerifier((RSAPublicKey) pair.getPublic());
            alg = JWSAlgorithm.RS256;
        } else {
            throw new IllegalArgumentException("algorithm must be ED25519 or RS256, not " + algorithm);
        }
        header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(Fixtures.KEY_ID).build();
        claimsVerifier = new DefaultJWTClaimsVerifier<>(Fixtures.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(Fixtures.ISSUER).build(), Set.of("sub", "exp", "iat"));
        token = sign(Fixtures.VERIFIED_TOKEN_LIFETIME);
        verify();
    }

    @Benchmark
    public String sign() throws JOSEException {
        return sign(Fixtures.TOKEN_LIFETIME);
    }

    private String sign(Duration lifetime) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(Fixtures.ISSUER).subject(Fixtures.SUBJECT)
                .audience(Fixtures.AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public JWTClaimsSet verify() throws JOSEException, ParseException, BadJWTException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException("Nimbus does not verify its own token");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        claimsVerifier.verify(claims, null);
        return claims;
    }
}
