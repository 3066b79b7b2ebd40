package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.conformance.TestJson;
import dev.wafer.internal.Json;
import dev.wafer.internal.SealedFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/format.md states the same vectors and limits as the code and the conformance suite: the two cannot drift. */
class FormatDocumentTest {

    private static String doc() throws IOException {
        return Files.readString(Path.of("../docs/format.md"));
    }

    @Test
    void formatDocumentListsEveryTestVector() throws IOException {
        String doc = doc();
        String docsJson = Files.readString(Path.of("../docs/vectors/sealed_v1.json"));
        List<Map<String, Object>> vectors = TestJson.list(TestJson.resource("/vectors/wafer/sealed_v1.json"), "vectors");
        assertTrue(vectors.size() >= 7, "at least 7 vectors");
        Set<Object> algorithms = vectors.stream().map(v -> v.get("algorithm")).collect(Collectors.toSet());
        assertEquals(Arrays.stream(SealingAlgorithm.values()).map(SealingAlgorithm::jwkName).collect(Collectors.toSet()),
                algorithms, "a vector for every sealing algorithm");
        for (Map<String, Object> v : vectors) {
            for (String field : List.of("key", "nonce", "sealed")) {
                assertTrue(doc.contains("= " + v.get(field)), field + " of '" + v.get("title") + "' missing in format.md");
                assertTrue(docsJson.contains((String) v.get(field)), "docs/vectors/sealed_v1.json differs from the test copy");
            }
        }
    }

    @Test
    void formatDocumentStatesTheLimitsOfTheCode() throws IOException {
        String doc = doc();
        int max = SealContext.MAX_UTF8_BYTES;
        assertContains(doc, "cookie name MUST be 1 to " + max + " bytes of UTF-8 and the purpose 0 to " + max + " bytes of UTF-8");
        assertContains(doc, "The budget is " + CookieSealer.DEFAULT_MAX_COOKIE_BYTES + " bytes by default");
        assertContains(doc, "over " + CookieSealer.MAX_LIFETIME.toDays() + " days (" + CookieSealer.MAX_LIFETIME.getSeconds()
                + " seconds, `CookieSealer.MAX_LIFETIME`)");
        assertContains(doc, "at least " + SealedFormat.MIN_SEALED_CHARS + " characters");
        assertContains(doc, "`expires_at` = " + SealedFormat.MAX_EXPIRES_AT + "**");
        assertContains(doc, "(" + TokenVerifier.DEFAULT_MAX_TOKEN_CHARS + " by default");
        assertContains(doc, "| " + Json.Limits.KEY_FILE.maxBytes() + " (1 MiB, `Limits.KEY_FILE`) | "
                + Json.Limits.KEY_FILE.maxValues() + " | " + Json.MAX_DEPTH + " |");
        assertContains(doc, "| " + Json.Limits.TOKEN.maxBytes() + " (64 KiB, `Limits.TOKEN`) | "
                + Json.Limits.TOKEN.maxValues() + " | " + Json.MAX_DEPTH + " |");
        assertContains(doc, KeyFiles.MAX_FILE_BYTES + " bytes (`KeyFiles.MAX_FILE_BYTES`)");
        assertContains(doc, "\n" + KeyFiles.SEALED_MARKER + " <kind> <generation>\n");
        assertContains(doc, "**context cookie name `" + KeyFiles.CONTEXT_COOKIE_NAME + "`, purpose `<kind>/<generation>`**");
        assertContains(doc, "`" + KeyFiles.SEALED_MARKER_V1 + "`, and line 2 is sealed as above but for the purpose `"
                + KeyFiles.CONTEXT_PURPOSE_V1 + "`");
    }

    /** The version 2 key file example: its line 2 is a sealed value under key id 0, without expiry, of the example JWK Set. */
    @Test
    void formatDocumentShowsAVersion2KeyFileOfTheExampleKeySet() throws IOException {
        String doc = doc();
        Matcher m = Pattern.compile("\n" + KeyFiles.SEALED_MARKER + " sealing 1\n([A-Za-z0-9_-]+)\n").matcher(doc);
        assertTrue(m.find(), "format.md §3.1 shows a version 2 key file");
        Matcher json = Pattern.compile("`(\\{\"keys\":\\[\\{\"kty\":\"oct\"[^`]*)`").matcher(doc);
        assertTrue(json.find(), "format.md §3.1 shows the example JWK Set");
        SealedFormat.Header h = SealedFormat.peek(m.group(1), KeyFiles.MAX_FILE_BYTES);
        assertEquals(SealedFormat.VERSION, h.version());
        assertEquals(0, h.keyId());
        assertEquals(SealedFormat.MAX_EXPIRES_AT, h.expiresAtEpochSecond());
        assertEquals(SealedFormat.HEADER_BYTES + SealingAlgorithm.XAES_256_GCM.nonceLengthBytes()
                + json.group(1).getBytes(StandardCharsets.UTF_8).length + SealedFormat.TAG_BYTES, h.sealedBytes());
    }

    private static void assertContains(String doc, String text) {
        assertTrue(doc.contains(text), "format.md does not say: " + text);
    }
}
