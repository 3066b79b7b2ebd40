package dev.wafer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wafer.CookieSealer;
import dev.wafer.KeyException;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenVerifier;
import dev.wafer.UnsupportedAlgorithmException;
import dev.wafer.VerificationKeySet;

/**
 * Reading a JWK Set: a key file from disk or a secrets manager, or a public set fetched from
 * another service's JWKS endpoint.
 */
class JwkSetFuzzTest {

    /**
     * Only a key set or {@link KeyException}; a set that is read writes out and reads back to the
     * same keys, and the JDK provider either builds engines for it or refuses with a Wafer exception.
     */
    @FuzzTest
    void readJwkSet(byte[] input) {
        String json = Fuzzing.text(input);
        Fuzzing.expect(input, () -> {
            SealingKeySet ring = SealingKeySet.fromJwkSet(json);
            if (!SealingKeySet.fromJwkSet(ring.toJwkSet()).keys().equals(ring.keys())) {
                throw new AssertionError("a sealing key set does not round-trip");
            }
            CookieSealer.builder(ring).engines(Fuzzing.JCA).clock(Fuzzing.CLOCK).build();
        }, KeyException.class, UnsupportedAlgorithmException.class);
        Fuzzing.expect(input, () -> {
            SigningKeySet keys = SigningKeySet.fromJwkSet(json);
            if (!SigningKeySet.fromJwkSet(keys.toJwkSet()).keys().equals(keys.keys())) {
                throw new AssertionError("a signing key set does not round-trip");
            }
            keys.publicKeys().toJwkSet();
        }, KeyException.class);
        Fuzzing.expect(input, () -> {
            VerificationKeySet keys = VerificationKeySet.fromJwkSet(json);
            if (!VerificationKeySet.fromJwkSet(keys.toJwkSet()).keys().equals(keys.keys())) {
                throw new AssertionError("a verification key set does not round-trip");
            }
            TokenVerifier.builder(keys).engines(Fuzzing.JCA).anyIssuer().clock(Fuzzing.CLOCK).build();
        }, KeyException.class, UnsupportedAlgorithmException.class);
    }
}
