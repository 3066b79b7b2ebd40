package dev.wafer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import dev.wafer.TokenVerifier;

/** Verifying a token, as a bearer token or remember-me cookie from any client arrives. */
class TokenFuzzTest {
    private static final TokenVerifier STRICT = TokenVerifier.builder(Fuzzing.SIGNING_KEYS.publicKeys()).engines(Fuzzing.JCA)
            .clock(Fuzzing.CLOCK).issuer("https://login.example").audience("api").build();
    private static final TokenVerifier LAX = TokenVerifier.builder(Fuzzing.SIGNING_KEYS.publicKeys()).engines(Fuzzing.JCA).anyIssuer()
            .clock(Fuzzing.CLOCK).type(null).requireExpiry(false).maxTokenLength(64 * 1024).build();

    /** Only claims or {@link InvalidTokenException} (with its expired and premature subclasses). */
    @FuzzTest
    void verifyToken(byte[] input) {
        String token = Fuzzing.text(input);
        for (TokenVerifier verifier : new TokenVerifier[] {STRICT, LAX}) {
            Fuzzing.expect(input, () -> {
                Claims claims = verifier.verify(token);
                claims.toString();
                claims.customClaims().forEach((k, v) -> String.valueOf(v));
            }, InvalidTokenException.class);
        }
    }
}
