package dev.wafer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command tree as a whole: help on every command, usage errors, one-line errors, exit codes. */
class WaferCliTest {
    @TempDir
    Path dir;

    static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(new CommandLine(new WaferCli(System.in, Path.of(""), java.time.Clock.systemUTC(), k -> null, false)),
                new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> all) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            all.add(p);
            walk(e.getValue(), p, all);
        }
    }

    @Test
    void everyCommandHasHelp() {
        Cli cli = new Cli(dir);
        List<List<String>> commands = commands();
        assertEquals(List.of("demo", "keygen", "rotate", "promote", "retire", "public", "seal", "open", "sign", "verify", "inspect",
                "providers", "pem", "pem export", "pem import", "keyfile", "keyfile seal", "keyfile unseal"), commands.stream().map(c -> String.join(" ", c)).toList());
        for (List<String> command : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                Cli.Result r = cli.run(args.toArray(new String[0]));
                assertEquals(0, r.code(), r.toString());
                assertTrue(r.out().startsWith("Usage: wafer " + String.join(" ", command)), r.out());
                assertEquals("", r.err());
            }
        }
        Cli.Result r = cli.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:") && r.out().matches("(?s).*\\n  3 +expired: .*"), r.out());
        assertEquals(0, cli.run("help", "seal").code());
    }

    @Test
    void helpSaysLifetimeNeverTtlAndTheFormerNamesStillWork() {
        Cli cli = new Cli(dir, java.time.Instant.parse("2030-01-01T09:00:00Z"));
        List<List<String>> commands = new ArrayList<>(commands());
        commands.add(List.of());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            String help = cli.ok(args.toArray(new String[0]));
            assertFalse(help.matches("(?is).*(ttl|time-to-live|time to live).*"), help);
        }
        String sealHelp = cli.ok("seal", "--help").replaceAll("\\s+", " ");
        assertTrue(sealHelp.contains("--lifetime=DURATION") && sealHelp.contains("keygen --max-lifetime"), sealHelp);
        assertTrue(cli.ok("sign", "--help").contains("--lifetime=DURATION"));
        assertTrue(cli.ok("keygen", "--help").contains("--max-lifetime=DURATION"));
        assertTrue(cli.ok("retire", "--help").replaceAll("\\s+", " ").contains("maximum lifetime (keygen --max-lifetime)"));

        // --max-ttl, --ttl: hidden, and still what they were.
        cli.ok("keygen", "--type", "seal", "--max-ttl", "2h", "-o", "cookie.jwks");
        assertTrue(cli.read("cookie.jwks").contains("\"wafer_max_ttl\":7200"), cli.read("cookie.jwks"));
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "c", "--ttl", "90m", "v");
        assertTrue(cli.ok("inspect", sealed).contains("expires  2030-01-01T10:30:00Z (in 1h30m)"), cli.ok("inspect", sealed));
        Cli.Result tooLong = cli.run("seal", "--keys", "cookie.jwks", "--cookie", "c", "--lifetime", "3h", "v");
        assertEquals(1, tooLong.code(), "the declared maximum holds whichever name declared it: " + tooLong);
        cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        String token = cli.ok("sign", "--keys", "signing.jwks", "--sub", "42", "--ttl", "5m");
        assertTrue(cli.ok("inspect", token).contains("expires  2030-01-01T09:05:00Z (in 5m)"), cli.ok("inspect", token));
        Cli.Result both = cli.run("keygen", "--type", "seal", "--max-lifetime", "1h", "--max-ttl", "1h");
        assertEquals(2, both.code(), both.toString());
        assertEquals("wafer keygen: give --max-lifetime once; --max-ttl is its former name (see 'wafer keygen --help')\n",
                both.err());
    }

    @Test
    void demoPrintsASealedValueTheOpenedValueASignedTokenAndTheVerifiedClaims() {
        Cli.Result r = new Cli(dir).run("demo");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length, r.out());
        assertTrue(lines[0].startsWith("provider:        jca"), lines[0]);
        assertTrue(lines[1].matches("sealed value: +[A-Za-z0-9_-]{80,}"), lines[1]);
        assertTrue(lines[2].startsWith("opened value:    user=42;role=admin  (expires "), lines[2]);
        assertTrue(lines[3].matches("signed token: +[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), lines[3]);
        assertTrue(lines[4].contains("iss=https://login.example, sub=42, aud=[api]"), lines[4]);
    }

    @Test
    void printsItsVersion() {
        Cli.Result r = new Cli(dir).run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("wafer-cli "), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "seal", "seal --keys", "seal --keys k.jwks --cookie", "open --nope",
        "pem", "keyfile", "keyfile seal --keys k.jwks", "keyfile unseal --keys k.jwks", "keygen", "keygen --type nothing", "keygen --type seal --alg A128GCM", "keygen --type seal --alg EdDSA",
        "keygen --type sign --alg EdDSA --rsa-bits 2048", "keygen --type master --alg EdDSA",
        "seal --keys k.jwks --cookie c --lifetime soon v", "seal --keys k.jwks --cookie c --lifetime 0s v",
        "seal --keys k.jwks --cookie c --lifetime 3651d v", "seal --keys k.jwks --cookie c --ttl 3651d v",
        "seal --keys k.jwks --cookie c --lifetime 1h --ttl 1h v", "verify --jwks p.jwks --skew 11m t"})
    void usageErrorsExitWithTwoOnOneLine(String line) {
        Cli.Result r = new Cli(dir).run(line.isEmpty() ? new String[0] : line.split(" "));
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("wafer"), r.err());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    void errorsAreOneLineWithoutStackTraceUnlessVerbose() {
        Cli cli = new Cli(dir);
        Cli.Result r = cli.run("open", "--keys", "missing.jwks", "--cookie", "session", "value");
        assertEquals(4, r.code());
        assertEquals("wafer open: no such file: missing.jwks\n", r.err());
        r = cli.run("open", "--keys", "missing.jwks", "--cookie", "session", "value", "--verbose");
        assertEquals(4, r.code());
        assertTrue(r.err().startsWith("wafer open: no such file: missing.jwks\njava.nio.file.NoSuchFileException"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
        r = cli.run("--verbose", "open", "--keys", "missing.jwks", "--cookie", "session", "value");
        assertTrue(r.err().contains("\tat "), "--verbose before the command works as well");
    }

    @Test
    void aKeyFileThatIsNoneIsInvalidInput() {
        Cli cli = new Cli(dir);
        cli.write("notes.txt", "hello\n");
        Cli.Result r = cli.run("seal", "--keys", "notes.txt", "--cookie", "c", "v");
        assertEquals(1, r.code());
        assertEquals("wafer seal: notes.txt: unknown key file format: neither a JWK Set (a JSON object) nor a sealed key "
                + "file (first line WAFER-SEALED-JWKS-V2 ...)\n", r.err());
        cli.write("broken.jwks", "{\"keys\":[{\"kty\":\"oct\"");
        r = cli.run("seal", "--keys", "broken.jwks", "--cookie", "c", "v");
        assertEquals(1, r.code(), r.toString());
        assertFalse(r.err().contains("\tat "));
    }
}
