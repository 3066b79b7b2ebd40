package dev.wafer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sign, verify and inspect of tokens. */
class TokenCommandsTest {
    private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void keys() {
        cli = new Cli(dir, NOW);
    }

    private void keygen(String alg) {
        if (alg.equals("EdDSA")) {
            cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        } else {
            cli.ok("keygen", "--type", "sign", "--alg", alg, "--rsa-bits", "2048", "-o", "signing.jwks");
        }
        cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "RS256", "PS256"})
    void verifiesWithThePublicJwksWhatItSigned(String alg) {
        keygen(alg);
        String token = cli.ok("sign", "--keys", "signing.jwks", "--iss", "https://login.example", "--sub", "42", "--aud", "api");
        assertEquals("{\n  \"iss\": \"https://login.example\",\n  \"sub\": \"42\",\n  \"aud\": \"api\",\n"
                + "  \"exp\": 1893489300,\n  \"iat\": 1893488400\n}",
                cli.ok("verify", "--jwks", "public.jwks", "--iss", "https://login.example", "--aud", "api", token));
        assertTrue(cli.ok("inspect", token).contains("\"alg\": \"" + alg + "\""));
    }

    @Test
    void takesClaimsAsJsonFromStandardInputAndOptionsWin() {
        keygen("EdDSA");
        Cli.Result r = cli.runWithInput("{\"sub\":\"7\",\"aud\":[\"api\",\"web\"],\"exp\":1893492000,\"roles\":[\"admin\"],"
                + "\"tenant\":{\"id\":3}}", "sign", "--keys", "signing.jwks", "--claims", "-", "--sub", "42", "--claim", "team=blue");
        assertEquals(0, r.code(), r.toString());
        Map<String, Object> claims = Cli.json(cli.ok("verify", "--jwks", "public.jwks", "--any-issuer", "--aud", "web", r.line()));
        assertEquals("42", claims.get("sub"));
        assertEquals(List.of("api", "web"), claims.get("aud"));
        assertEquals(1893492000L, claims.get("exp"));
        assertEquals(List.of("admin"), claims.get("roles"));
        assertEquals(Map.of("id", 3L), claims.get("tenant"));
        assertEquals("blue", claims.get("team"));

        r = cli.runWithInput("[1]", "sign", "--keys", "signing.jwks", "--claims", "-");
        assertEquals(1, r.code());
        assertEquals("wafer sign: the claims are not a JSON object of valid claims: JSON document is not an object\n", r.err());
        r = cli.runWithInput("{\"exp\":\"tomorrow\"}", "sign", "--keys", "signing.jwks", "--claims", "-");
        assertEquals(1, r.code());
        r = cli.runWithInput("{\"a\":1,\"a\":2}", "sign", "--keys", "signing.jwks", "--claims", "-");
        assertEquals(1, r.code());
        assertEquals("wafer sign: the claims are not a JSON object of valid claims: malformed JSON: duplicate member\n", r.err());
        assertEquals(2, cli.run("sign", "--keys", "signing.jwks", "--claim", "exp=1").code());
    }

    @Test
    void rejectsTokensForAnotherAudienceOrIssuerTamperedOrNotYetValid() {
        keygen("EdDSA");
        String token = cli.ok("sign", "--keys", "signing.jwks", "--iss", "https://login.example", "--sub", "42", "--aud", "api");
        String[][] cases = {
            {"--iss", "https://login.example", "--aud", "other"}, {"--aud", "api", "--iss", "https://evil.example"},
            {"--any-issuer"}, {"--any-issuer", "--aud", "api", "--type", "at+jwt"}};
        String[] messages = {"token audience does not include other", "token issuer is not the expected issuer",
            "token has an audience but this verifier expects none; configure audience(...) (RFC 7519 §4.1.3)",
            "token type is not at+jwt (RFC 8725 §3.11)"};
        for (int i = 0; i < cases.length; i++) {
            String[] line = new String[cases[i].length + 4];
            line[0] = "verify";
            line[1] = "--jwks";
            line[2] = "public.jwks";
            System.arraycopy(cases[i], 0, line, 3, cases[i].length);
            line[line.length - 1] = token;
            Cli.Result r = cli.run(line);
            assertEquals(1, r.code(), r.toString());
            assertEquals("wafer verify: " + messages[i] + "\n", r.err());
        }
        String tampered = token.substring(0, token.lastIndexOf('.') + 3) + (token.endsWith("A") ? "BB" : "AA")
                + token.substring(token.lastIndexOf('.') + 5);
        assertEquals(1, cli.run("verify", "--jwks", "public.jwks", "--any-issuer", "--aud", "api", tampered).code());
        assertEquals(1, cli.run("verify", "--jwks", "public.jwks", "--any-issuer", "--aud", "api", "a.b").code());
        Cli.Result r = cli.run("verify", "--jwks", "signing.jwks", "--any-issuer", "--aud", "api", token);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("signing.jwks: ") && r.err().contains("private member"), r.err());

        String future = cli.runWithInput("{\"nbf\":" + NOW.plusSeconds(3600).getEpochSecond() + "}",
                "sign", "--keys", "signing.jwks", "--claims", "-", "--lifetime", "2h").line();
        r = cli.run("verify", "--jwks", "public.jwks", "--any-issuer", future);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("wafer verify: token not valid before"), r.err());
    }

    @Test
    void expiredTokensExitWithThree() {
        keygen("EdDSA");
        String token = cli.ok("sign", "--keys", "signing.jwks", "--sub", "42", "--lifetime", "5m");
        cli.later(Duration.ofSeconds(330));
        assertEquals(0, cli.run("verify", "--jwks", "public.jwks", "--any-issuer", token).code(), "within the 60 s clock skew");
        cli.later(Duration.ofSeconds(30));
        Cli.Result r = cli.run("verify", "--jwks", "public.jwks", "--any-issuer", token);
        assertEquals(3, r.code());
        assertEquals("wafer verify: token expired at 2030-01-01T09:05:00Z\n", r.err());
        assertEquals(0, cli.run("verify", "--jwks", "public.jwks", "--any-issuer", "--skew", "10m", token).code(), "a larger skew accepts it");
    }

    @Test
    void inspectsATokenWithoutKeysAndSaysSo() {
        keygen("EdDSA");
        String token = cli.ok("sign", "--keys", "signing.jwks", "--sub", "42");
        String out = cli.ok("inspect", token);
        assertTrue(out.startsWith("UNVERIFIED token: read without a key, the signature is not checked (wafer verify checks it)\n"
                + "header\n{\n  \"alg\": \"EdDSA\",\n  \"typ\": \"JWT\",\n  \"kid\": \""), out);
        assertTrue(out.contains("claims\n{\n  \"sub\": \"42\",\n  \"exp\": 1893489300,\n  \"iat\": 1893488400\n}\n"), out);
        assertTrue(out.contains("expires  2030-01-01T09:15:00Z (in 15m)"), out);
        assertTrue(out.endsWith("signed   64-byte signature, not checked"), out);
        for (String bad : new String[] {"a.b", "e30.!!!.AA", "bm90IGpzb24.e30.AA"}) {
            Cli.Result r = cli.run("inspect", bad);
            assertEquals(1, r.code(), r.toString());
        }
    }

    /** No control character that came from input reaches the terminal raw: not in output, not in errors. */
    @Test
    void inspectEscapesEveryControlCharacterThatCameFromInput() {
        // C0, C1 and DEL; the line and paragraph separators; the bidirectional embeddings, overrides and
        // isolates (U+202A-U+202E, U+2066-U+2069), which reorder what a terminal shows after them.
        String others = "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
        String raw = "\u001b]0;owned\u0007\u001b[2J\r\u009b31m\u007f" + others;
        String escaped = "\\u001b]0;owned\\u0007\\u001b[2J\\r\\u009b31m\\u007f" // JSON escapes of the same
                + others.chars().mapToObj(c -> String.format("\\u%04x", c)).collect(java.util.stream.Collectors.joining());
        java.util.function.Function<String, String> b64 = t -> java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // Raw controls in the header, and a duplicate member named by escapes: jackson's messages would quote them.
        String rawHeader = b64.apply("{\"alg\":\"EdDSA\",\"" + raw + "\":1}") + "." + b64.apply("{}") + ".AA";
        String duplicate = b64.apply("{\"alg\":\"EdDSA\",\"" + escaped + "\":1,\"" + escaped + "\":2}") + "." + b64.apply("{}") + ".AA";
        // A well-formed token whose header and claims carry escapes in names and values.
        String inValues = b64.apply("{\"alg\":\"EdDSA\",\"kid\":\"" + escaped + "\"}") + "."
                + b64.apply("{\"sub\":\"" + escaped + "\",\"" + escaped + "\":\"x\"}") + ".AA";
        // Separators and bidi controls are legal raw in JSON strings: a well-formed token may carry them unescaped.
        String rawInValues = b64.apply("{\"alg\":\"EdDSA\",\"kid\":\"k" + others + "\"}") + "."
                + b64.apply("{\"sub\":\"" + others + "\",\"" + others + "\":\"x\"}") + ".AA";
        assertEquals(0, cli.run("inspect", rawInValues).code(), cli.run("inspect", rawInValues).toString());
        for (String token : List.of(rawHeader, duplicate, inValues, rawInValues)) {
            Cli.Result r = cli.run("inspect", token);
            for (String text : List.of(r.out(), r.err())) {
                for (char c : text.toCharArray()) {
                    assertTrue(c == '\n' || c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f) && others.indexOf(c) < 0,
                            "raw control U+" + Integer.toHexString(c) + " in: " + text);
                }
            }
        }
        Cli.Result r = cli.run("inspect", inValues);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("\\u001B]0;owned\\u0007") && r.out().contains("\\u009b31m"),
                "escapes are shown, not dropped: " + r.out());
        String shown = r.out().toLowerCase(java.util.Locale.ROOT);
        others.chars().forEach(c -> assertTrue(shown.contains(String.format("\\u%04x", c)),
                "U+" + Integer.toHexString(c) + " is shown escaped, not dropped: " + r.out()));
        assertEquals(1, cli.run("inspect", duplicate).code());
        assertEquals(1, cli.run("inspect", rawHeader).code());
    }
}
