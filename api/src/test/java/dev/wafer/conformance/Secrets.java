package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Asserts that key bytes appear in no text, in any of the encodings a leak would use. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * Fails if any text contains the secret in hex (either case), base64 or base64url, or any
     * 8-byte window of it in hex or base64url.
     *
     * @param secret the key bytes
     * @param texts messages, toString results, log lines
     */
    public static void assertNotIn(byte[] secret, String... texts) {
        String hex = HexFormat.of().formatHex(secret);
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(secret);
        String b64url = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains(hex), "key bytes in hex leaked");
            assertFalse(text.contains(b64) || text.contains(b64url), "key bytes in base64 leaked");
            for (int i = 0; i + 8 <= secret.length; i += 4) {
                byte[] window = java.util.Arrays.copyOfRange(secret, i, i + 8);
                assertFalse(lower.contains(HexFormat.of().formatHex(window)), "a run of key bytes in hex leaked");
                String w = Base64.getUrlEncoder().withoutPadding().encodeToString(window);
                assertFalse(text.contains(w.substring(0, 10)), "a run of key bytes in base64url leaked");
            }
        }
    }
}
