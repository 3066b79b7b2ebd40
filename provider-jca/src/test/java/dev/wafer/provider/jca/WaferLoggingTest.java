package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.conformance.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Wafer logs through SLF4J (slf4j-simple here, which writes to {@code System.err}): which
 * provider serves, warnings where they are due, and never a byte of any key.
 */
class WaferLoggingTest {
    private static final SealContext SESSION = SealContext.of("session");
    private static final Pattern SECRET_MEMBER = Pattern.compile("\"(k|d|p|q|dp|dq|qi)\":\"([A-Za-z0-9_-]+)\"");

    /** The secret members of a private JWK Set, decoded. */
    private static List<byte[]> secrets(String jwkSet) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = SECRET_MEMBER.matcher(jwkSet);
        while (m.find()) {
            out.add(Base64.getUrlDecoder().decode(m.group(2)));
        }
        return out;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void logsWhichProviderServesAndWarningsButNeverAKeyByte() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<byte[]> secrets = new ArrayList<>();
        String afterFirstDefault;
        String afterSecondDefault;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

            // The provider: by class loader (not cached, so it logs), by name, then the default twice.
            // (Under mutation testing the api's stub providers are installed too: hence the name.)
            Wafer.engines(getClass().getClassLoader());
            WaferEngines provider = Wafer.engines("jca");
            Wafer.engines();
            afterFirstDefault = captured.toString(StandardCharsets.UTF_8);
            Wafer.engines();
            afterSecondDefault = captured.toString(StandardCharsets.UTF_8);

            // Sealing with keys whose bytes are known, an AES-256-GCM primary accepted
            // explicitly, and rejected values.
            byte[] aes = new byte[32];
            new SecureRandom().nextBytes(aes);
            secrets.add(aes);
            SealingKeySet ring = SealingKeySet.of(SealingKey.of(SealingAlgorithm.AES_256_GCM, "00000051", aes));
            CookieSealer sealer = CookieSealer.builder(ring).engines(provider).acceptAesGcmLimit().build();
            String sealed = sealer.seal("user=42", SESSION);
            assertEquals("user=42", sealer.open(sealed, SESSION).text());
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed, SealContext.of("other")));

            // A key file whose plan retires a key too early: refused, and loading it anyway logs the violation.
            SealingKeySet rotated = SealingKeySet.generate().withMaxLifetime(Duration.ofDays(1)).rotate().keySet();
            String old = rotated.keys().get(1).keyId();
            Instant deactivated = rotated.statusOf(old).deactivatedAt().orElseThrow();
            String file = rotated.toJwkSet().replace("\"wafer_state\":\"active\"",
                    "\"wafer_state\":\"retired\",\"wafer_retired\":" + deactivated.plusSeconds(3600).getEpochSecond());
            secrets.addAll(secrets(file));
            assertThrows(dev.wafer.KeyPlanException.class, () -> SealingKeySet.fromJwkSet(file));
            SealingKeySet.fromJwkSet(file, dev.wafer.KeyPlan.Check.ALLOW_VIOLATIONS);

            // Signing keys of every algorithm, a token signed and verified, and one rejected.
            for (SigningAlgorithm alg : List.of(SigningAlgorithm.ED25519, SigningAlgorithm.RS256)) {
                SigningKeySet keys = SigningKeySet.generate(alg);
                String privateJwks = keys.toJwkSet();
                secrets.addAll(secrets(privateJwks));
                SigningKeySet.fromJwkSet(privateJwks);
                TokenSigner signer = TokenSigner.builder(keys).engines(provider).issuer("https://login.example").build();
                TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys()).engines(provider).issuer("https://login.example").build();
                String token = signer.sign(Claims.builder().subject("42").build());
                assertEquals("42", verifier.verify(token).subject().orElseThrow());
                assertThrows(InvalidTokenException.class, () -> verifier.verify(token.substring(0, token.length() - 2)));
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);

        // The capture works: the lines that must be there are.
        assertTrue(log.contains("Wafer uses provider 'jca'"), log);
        assertTrue(log.contains("The sealing key set breaks its rotation plan") && log.contains("was retired at"), log);
        // The default provider is chosen, and logged, once per JVM.
        assertEquals(count(afterFirstDefault, "Wafer uses"), count(afterSecondDefault, "Wafer uses"),
                "a second Wafer.engines() logs nothing new");
        // Nothing of any key: not in hex, base64 or base64url, whole or in 8-byte runs.
        assertEquals(1 + 2 + 1 + 6, secrets.size(), "the secret members of every key are checked (AES, two sealing keys, Ed25519 d, RSA d p q dp dq qi)");
        for (byte[] secret : secrets) {
            Secrets.assertNotIn(secret, log);
        }
        assertFalse(log.contains("\"k\":") || log.contains("\"d\":"), "no JWK member in the log");
    }
}
