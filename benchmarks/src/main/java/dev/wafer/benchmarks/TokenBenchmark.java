package dev.wafer.benchmarks;

import dev.wafer.Claims;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import java.time.Instant;
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
 * Wafer's {@link TokenSigner} and {@link TokenVerifier}: a JWT with five claims (iss, sub, aud, exp,
 * iat), per provider and algorithm; RSA keys are 2048 bits.
 *
 * <p>Sign builds the claims as an application does (subject and audience; the signer adds the issuer,
 * iat and exp from its clock), so the measured call includes the JSON and base64url work. Verify
 * checks the signature, exp, iat, the issuer and the audience, and returns the claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenBenchmark {

    @Param({"jca", "bc", "tink", "accp"})
    public String provider;

    @Param({"ED25519", "RS256", "PS256"})
    public String algorithm;

    private TokenSigner signer;
    private TokenVerifier verifier;
    private String token;

    @Setup
    public void setup() {
        SigningAlgorithm alg = SigningAlgorithm.valueOf(algorithm);
        SigningKey key = alg == SigningAlgorithm.ED25519 ? SigningKey.generate(alg) : SigningKey.generateRsa(alg, Fixtures.RSA_BITS);
        SigningKeySet keys = SigningKeySet.of(key);
        WaferEngines p = Wafer.engines(provider);
        signer = TokenSigner.builder(keys).engines(p).issuer(Fixtures.ISSUER).defaultLifetime(Fixtures.TOKEN_LIFETIME).build();
        verifier = TokenVerifier.builder(keys.publicKeys()).engines(p).issuer(Fixtures.ISSUER).audience(Fixtures.AUDIENCE).build();
        Instant now = Instant.now();
        token = signer.sign(Claims.builder().subject(Fixtures.SUBJECT).audience(Fixtures.AUDIENCE)
                .issuedAt(now).expiresAt(now.plus(Fixtures.VERIFIED_TOKEN_LIFETIME)).build());
        verify();
    }

    @Benchmark
    public String sign() {
        return signer.sign(Claims.builder().subject(Fixtures.SUBJECT).audience(Fixtures.AUDIENCE).build());
    }

    @Benchmark
    public Claims verify() {
        return verifier.verify(token);
    }
}
