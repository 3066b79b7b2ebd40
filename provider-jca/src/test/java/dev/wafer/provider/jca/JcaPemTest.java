package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import dev.wafer.Pem;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.VerificationKeySet;
import dev.wafer.Wafer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys imported from PEM files that OpenSSL wrote sign exactly what OpenSSL signed with them, and
 * verify OpenSSL's tokens (fixtures in the api's test resources, pem/README.md). Ed25519 and
 * RSASSA-PKCS1-v1_5 are deterministic, so the tokens must be equal byte for byte.
 */
class JcaPemTest {
    private static final Instant IAT = Instant.ofEpochSecond(1_900_000_000L);
    private static final Instant EXP = Instant.ofEpochSecond(2_000_000_000L);

    private static String fixture(String name) throws IOException {
        try (InputStream in = JcaPemTest.class.getResourceAsStream("/pem/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({"ED25519, ed25519", "RS256, rsa2048"})
    void signsWhatOpensslSignedAndVerifiesIt(SigningAlgorithm alg, String name) throws IOException {
        String expected = fixture((alg == SigningAlgorithm.ED25519 ? "ed25519" : "rs256") + "-openssl.jwt").strip();
        SigningKey key = Pem.readPrivateKey(fixture(name + "-private.pem"), alg, "pem-fixture");
        Clock clock = Clock.fixed(IAT, ZoneOffset.UTC);
        String token = TokenSigner.builder(SigningKeySet.of(key)).engines(Wafer.engines()).clock(clock).build()
                .sign(Claims.builder().subject("42").expiresAt(EXP).issuedAt(IAT).build());
        assertEquals(expected, token);

        VerificationKeySet trusted = VerificationKeySet.of(Pem.readPublicKey(fixture(name + "-public.pem"), alg, "pem-fixture"));
        TokenVerifier verifier = TokenVerifier.builder(trusted).engines(Wafer.engines()).anyIssuer().clock(clock).build();
        assertEquals("42", verifier.verify(expected).subject().orElseThrow());
        String forged = expected.substring(0, expected.length() - 2) + (expected.endsWith("A") ? "B" : "A") + "A";
        assertThrows(InvalidTokenException.class, () -> verifier.verify(forged));
    }
}
