package dev.wafer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.SealingKeySet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** seal, open and inspect of sealed values. */
class SealCommandsTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void keys() {
        cli = new Cli(dir, Instant.parse("2030-01-01T09:00:00Z"));
        cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks");
    }

    @Test
    void opensWhatItSealedFromArgumentsAndStandardInput() {
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "session", "--purpose", "login", "user=42;role=admin");
        assertTrue(sealed.matches("[A-Za-z0-9_-]{80,}"), sealed);
        assertEquals("user=42;role=admin", cli.ok("open", "--keys", "cookie.jwks", "--cookie", "session", "--purpose", "login", sealed));
        Cli.Result r = cli.runWithInput("héllo wörld\n", "seal", "--keys", "cookie.jwks", "--cookie", "session");
        assertEquals(0, r.code(), r.toString());
        Cli.Result opened = cli.runWithInput(r.out(), "open", "--keys", "cookie.jwks", "--cookie", "session", "-");
        assertEquals("héllo wörld\n", opened.out(), "stdin's final newline is dropped, and output ends with one");
        assertEquals("", opened.err(), "no note: the primary sealed it");
    }

    @Test
    void bytesThatAreNotTextGoInAndComeOutAsBase64AndAreNeverAltered() {
        String binary = "b2v_w-0"; // 6f 6b ff c3 ed: "ok", then no UTF-8
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "c", "--base64", binary);
        Cli.Result asText = cli.run("open", "--keys", "cookie.jwks", "--cookie", "c", sealed);
        assertEquals(1, asText.code(), "no replacement characters, no exit 0");
        assertEquals("", asText.out());
        assertEquals("wafer open: the value is not UTF-8 text; print it with --base64\n", asText.err());
        assertEquals(binary, cli.ok("open", "--keys", "cookie.jwks", "--cookie", "c", "--base64", sealed));
        String text = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "c", "héllo");
        assertEquals("aMOpbGxv", cli.ok("open", "--keys", "cookie.jwks", "--cookie", "c", "--base64", text));
        Cli.Result padded = cli.run("seal", "--keys", "cookie.jwks", "--cookie", "c", "--base64", "b2s=");
        assertEquals(1, padded.code());
        assertEquals("wafer seal: the value is not unpadded base64url\n", padded.err());
    }

    @Test
    void rejectsAnotherCookieOrPurposeATamperedValueAndGarbageAlike() {
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "session", "v");
        String flipped = sealed.substring(0, 40) + (sealed.charAt(40) == 'A' ? 'B' : 'A') + sealed.substring(41);
        for (String[] args : new String[][] {
            {"--cookie", "csrf", sealed}, {"--cookie", "session", "--purpose", "p", sealed}, {"--cookie", "session", flipped}}) {
            String[] line = new String[args.length + 3];
            line[0] = "open";
            line[1] = "--keys";
            line[2] = "cookie.jwks";
            System.arraycopy(args, 0, line, 3, args.length);
            Cli.Result r = cli.run(line);
            assertEquals(1, r.code(), r.toString());
            assertEquals("wafer open: sealed value is not authentic for this key set and context\n", r.err());
            assertEquals("", r.out());
        }
        Cli.Result r = cli.run("open", "--keys", "cookie.jwks", "--cookie", "session", "not a sealed value");
        assertEquals(1, r.code());
        assertEquals("", r.out());
    }

    @Test
    void expiredValuesExitWithThree() {
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "session", "--lifetime", "15m", "v");
        cli.later(Duration.ofMinutes(14));
        assertEquals("v", cli.ok("open", "--keys", "cookie.jwks", "--cookie", "session", sealed));
        cli.later(Duration.ofMinutes(1));
        Cli.Result r = cli.run("open", "--keys", "cookie.jwks", "--cookie", "session", sealed);
        assertEquals(3, r.code());
        assertEquals("wafer open: sealed value expired at 2030-01-01T09:15:00Z (expiry read before authentication)\n", r.err());
    }

    @Test
    void refusesValuesTooLongForACookie() {
        Cli.Result r = cli.run("seal", "--keys", "cookie.jwks", "--cookie", "c", "x".repeat(4000));
        assertEquals(1, r.code());
        assertEquals("wafer seal: a value of 4000 bytes seals to a cookie of 5406 bytes (name=value), more than the budget "
                + "of 4096; browsers drop larger cookies\n", r.err());
    }

    @Test
    void inspectsASealedValueWithoutKeysAndSaysSo() {
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "session", "--lifetime", "8h", "user=42");
        String kid = SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).primary().keyId();
        String out = cli.ok("inspect", sealed);
        assertEquals("UNVERIFIED sealed value: read without a key, nothing here is authenticated (wafer open checks it)\n"
                + "format   version 1\n"
                + "key id   " + kid + "\n"
                + "expires  2030-01-01T17:00:00Z (in 8h)\n"
                + "length   80 characters, 60 bytes: a value of 7 bytes under XAES-256-GCM or 19 under AES-256-GCM(-SIV)", out);
        cli.later(Duration.ofHours(9));
        assertTrue(cli.ok("inspect", sealed).contains("expires  2030-01-01T17:00:00Z (1h ago)"));
        for (String bad : new String[] {"AAAA", "!!!!", "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            Cli.Result r = cli.run("inspect", bad);
            assertEquals(1, r.code(), bad);
            assertTrue(r.err().startsWith("wafer inspect: not a sealed value"), r.err());
        }
    }
}
