package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.Provider;
import dev.wafer.SealContext;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeyring;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
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
            Wafer.provider(getClass().getClassLoader());
            Provider provider = Wafer.provider("jca");
            Wafer.provider();
            afterFirstDefault = captured.toString(StandardCharsets.UTF_8);
            Wafer.provider();
            afterSecondDefault = captured.toString(StandardCharsets.UTF_8);

            // Sealing with keys whose bytes are known, an AES-256-GCM primary among them (a warning
            // once per JVM), and rejected values.
            byte[] aes = new byte[32];
            new SecureRandom().nextBytes(aes);
            secrets.add(aes);
            SealingKeyring ring = SealingKeyring.of(SealingKey.of(Algorithm.AES_256_GCM, 0x51, aes));
            CookieSealer sealer = provider.sealer(ring).build();
            String sealed = sealer.seal("user=42", SESSION);
            assertEquals("user=42", sealer.open(sealed, SESSION).text());
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed, SealContext.of("other")));

            // A key file whose plan retires a key too early: loading it logs the violation.
            SealingKeyring rotated = SealingKeyring.generate().withMaxTimeToLive(Duration.ofDays(1)).rotate();
            int old = rotated.keys().get(1).keyId();
            Instant deactivated = rotated.statusOf(old).deactivatedAt().orElseThrow();
            String file = rotated.toJwkSet().replace("\"wafer_state\":\"active\"",
                    "\"wafer_state\":\"retired\",\"wafer_retired\":" + deactivated.plusSeconds(3600).getEpochSecond());
            secrets.addAll(secrets(file));
            SealingKeyring.fromJwkSet(file);

            // Signing keys of every algorithm, a token signed and verified, and one rejected.
            for (Algorithm alg : List.of(Algorithm.ED25519, Algorithm.RS256)) {
                SigningKeySet keys = SigningKeySet.generate(alg);
                String privateJwks = keys.toJwkSet();
                secrets.addAll(secrets(privateJwks));
                SigningKeySet.fromJwkSet(privateJwks);
                TokenSigner signer = provider.signer(keys).issuer("https://login.example").build();
                TokenVerifier verifier = provider.verifier(keys.publicKeys()).issuer("https://login.example").build();
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
        assertTrue(log.contains("Sealing keyring plan:") && log.contains("was retired at"), log);
        // The default provider is chosen, and logged, once per JVM.
        assertEquals(count(afterFirstDefault, "Wafer uses"), count(afterSecondDefault, "Wafer uses"),
                "a second Wafer.provider() logs nothing new");
        // Nothing of any key: not in hex, base64 or base64url, whole or in 8-byte runs.
        assertEquals(1 + 2 + 1 + 6, secrets.size(), "the secret members of every key are checked (AES, two sealing keys, Ed25519 d, RSA d p q dp dq qi)");
        for (byte[] secret : secrets) {
            Secrets.assertNotIn(secret, log);
        }
        assertFalse(log.contains("\"k\":") || log.contains("\"d\":"), "no JWK member in the log");
    }
}
