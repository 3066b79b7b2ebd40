package dev.wafer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyFiles;
import dev.wafer.KeyState;
import dev.wafer.MasterKey;
import dev.wafer.Pem;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.VerificationKeySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, rotate, promote, retire, public, pem. */
class KeyCommandsTest {
    @TempDir
    Path dir;

    private String perms(String file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)));
    }

    @Test
    void keygenWritesASealingKeySetThatOnlyItsOwnerReads() throws IOException {
        Cli cli = new Cli(dir);
        String out = cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks");
        SealingKeySet ring = SealingKeySet.fromJwkSet(cli.read("cookie.jwks"));
        assertEquals("wrote cookie.jwks: a sealing key set, primary key " + ring.primary().keyId() + " (XAES-256-GCM)", out);
        assertEquals("rw-------", perms("cookie.jwks"));
        assertEquals(SealingAlgorithm.AES_256_GCM, SealingKeySet.fromJwkSet(cli.ok("keygen", "--type", "seal", "--alg", "aes-256-gcm"))
                .primary().algorithm(), "without -o, the key file goes to stdout");
        Cli.Result r = cli.run("keygen", "--type", "seal", "-o", "cookie.jwks");
        assertEquals(2, r.code());
        assertEquals("wafer keygen: cookie.jwks exists; give --force to replace it\n", r.err());
        assertEquals(ring.primary(), SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).primary(), "not replaced");
        cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks", "--force");
        assertNotEquals(ring.primary(), SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).primary());
    }

    @Test
    void keygenWritesSigningKeySetsOfEachAlgorithm() {
        Cli cli = new Cli(dir);
        for (String alg : new String[] {"EdDSA", "RS256", "PS256"}) {
            String out = alg.equals("EdDSA") ? cli.ok("keygen", "--type", "sign", "--alg", alg, "-o", alg + ".jwks")
                    : cli.ok("keygen", "--type", "sign", "--alg", alg, "--rsa-bits", "2048", "-o", alg + ".jwks");
            SigningKeySet set = SigningKeySet.fromJwkSet(cli.read(alg + ".jwks"));
            assertEquals(alg, set.primary().algorithm().jwkName());
            assertTrue(out.endsWith("primary key " + set.primary().keyId() + " (" + alg + ")"), out);
        }
    }

    @Test
    void keygenMakesNoKeyThatThisInstallationCannotUse() {
        Cli cli = new Cli(dir);
        Cli.Result r = cli.run("keygen", "--type", "seal", "--alg", "AES-256-GCM-SIV", "-o", "siv.jwks");
        assertEquals(5, r.code(), r.toString());
        assertEquals("wafer keygen: no AES-256-GCM-SIV key made: provider 'jca' does not implement AES-256-GCM-SIV; no "
                + "installed provider does (add dev.wafer:wafer-provider-bc)\n", r.err());
        assertFalse(Files.exists(dir.resolve("siv.jwks")));
        assertTrue(cli.ok("keygen", "--type", "seal", "--alg", "AES-256-GCM", "-o", "gcm.jwks").endsWith("(AES-256-GCM)"));
    }

    @Test
    void keygenWritesAMasterKeyAndSealsKeyFilesAtRestUnderIt() throws IOException {
        Cli cli = new Cli(dir);
        assertEquals("wrote master.key: a master key; keep it secret, and apart from the key files it seals",
                cli.ok("keygen", "--type", "master", "-o", "master.key"));
        assertEquals("rw-------", perms("master.key"));
        MasterKey master = MasterKey.fromFile(dir.resolve("master.key"));
        assertEquals(44, cli.read("master.key").length());

        String out = cli.ok("keygen", "--type", "seal", "--master-key-file", "master.key", "-o", "cookie.jwks");
        assertTrue(out.endsWith(", sealed at rest under the master key"), out);
        assertTrue(cli.read("cookie.jwks").startsWith(KeyFiles.SEALED_MARKER + " sealing 1\n"));
        SealingKeySet ring = KeyFiles.create().readSealingKeySet(dir.resolve("cookie.jwks"), master);

        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--master-key-file", "master.key", "--cookie", "c", "v");
        cli.environment.put("WAFER_MASTER_KEY", master.toBase64Url());
        assertEquals("v", cli.ok("open", "--keys", "cookie.jwks", "--master-key-env", "WAFER_MASTER_KEY", "--cookie", "c", sealed));

        Cli.Result r = cli.run("open", "--keys", "cookie.jwks", "--cookie", "c", sealed);
        assertEquals(1, r.code());
        assertEquals("wafer open: cookie.jwks is sealed at rest; give its master key with --master-key-env VAR or "
                + "--master-key-file FILE\n", r.err());
        cli.environment.put("OTHER_KEY", MasterKey.generate().toBase64Url());
        r = cli.run("open", "--keys", "cookie.jwks", "--master-key-env", "OTHER_KEY", "--cookie", "c", sealed);
        assertEquals(1, r.code());
        assertEquals("wafer open: cookie.jwks: the key file does not open with this master key: wrong key, or the file "
                + "was changed\n", r.err());
        r = cli.run("open", "--keys", "cookie.jwks", "--master-key-env", "UNSET", "--cookie", "c", sealed);
        assertEquals(1, r.code());
        assertEquals("wafer open: environment variable UNSET is not set; it must hold the master key\n", r.err());
        cli.environment.put("SHORT", "c2VjcmV0");
        r = cli.run("open", "--keys", "cookie.jwks", "--master-key-env", "SHORT", "--cookie", "c", sealed);
        assertEquals(1, r.code());
        assertFalse(r.err().contains("c2VjcmV0"), r.err());
        r = cli.run("open", "--keys", "cookie.jwks", "--master-key-env", "WAFER_MASTER_KEY", "--master-key-file", "master.key",
                "--cookie", "c", sealed);
        assertEquals(2, r.code(), r.toString());

        // rotate keeps the file sealed under the same master key
        cli.ok("rotate", "--keys", "cookie.jwks", "--master-key-file", "master.key");
        assertEquals(2, KeyFiles.create().readSealingKeySet(dir.resolve("cookie.jwks"), master).keys().size());
        assertEquals(ring.primary(), KeyFiles.create().readSealingKeySet(dir.resolve("cookie.jwks"), master).keys().get(1));

        cli.ok("keygen", "--type", "seal", "-o", "plain.jwks");
        r = cli.run("seal", "--keys", "plain.jwks", "--master-key-file", "master.key", "--cookie", "c", "v");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("plain.jwks: the key file is not sealed, but a master key was given"), r.err());
        cli.write("bad.key", "not a key\n");
        r = cli.run("keygen", "--type", "seal", "--master-key-file", "bad.key", "-o", "x.jwks");
        assertEquals(1, r.code());
        assertEquals("wafer keygen: master key file bad.key is readable by other users; make it readable by the service "
                + "only (chmod 600), or accept that with MasterKey.fromFile(file, FileAccess.ANY)\n", r.err());
        Files.setPosixFilePermissions(dir.resolve("bad.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        r = cli.run("keygen", "--type", "seal", "--master-key-file", "bad.key", "-o", "x.jwks");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("wafer keygen: master key file bad.key is not a master key"), r.err());
        assertFalse(Files.exists(dir.resolve("x.jwks")));
    }

    @Test
    void rotatesAndRetiresSealingKeys() {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks");
        String first = SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).primary().keyId();
        String sealed = cli.ok("seal", "--keys", "cookie.jwks", "--cookie", "session", "user=42");
        String out = cli.ok("rotate", "--keys", "cookie.jwks");
        SealingKeySet ring = SealingKeySet.fromJwkSet(cli.read("cookie.jwks"));
        String second = ring.primary().keyId();
        assertEquals("rotated cookie.jwks: new primary key " + second + " (XAES-256-GCM); key " + first
                + " is now active: it opens, and what it opens should be resealed", out);
        assertEquals("rw-------", assertPerms(cli));

        Cli.Result r = cli.run("open", "--keys", "cookie.jwks", "--cookie", "session", sealed);
        assertEquals(0, r.code());
        assertEquals("user=42\n", r.out());
        assertEquals("wafer open: note: sealed under key " + first + ", which is no longer the primary key: seal the value "
                + "again (wafer seal) and send the new one\n", r.err());

        r = cli.run("retire", "--keys", "cookie.jwks", second);
        assertEquals(2, r.code(), "the primary cannot be retired");
        assertTrue(r.err().contains("is primary"), r.err());
        assertEquals(2, cli.run("retire", "--keys", "cookie.jwks", "xyz").code());
        assertEquals(2, cli.run("retire", "--keys", "cookie.jwks", "00000000").code(), "no such key");

        assertEquals("retired key " + first + " in cookie.jwks: it opens nothing from now on",
                cli.ok("retire", "--keys", "cookie.jwks", first));
        assertEquals(KeyState.RETIRED, SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).statusOf(first).state());
        r = cli.run("open", "--keys", "cookie.jwks", "--cookie", "session", sealed);
        assertEquals(1, r.code());
        assertEquals("wafer open: sealed value is not authentic for this key set and context\n", r.err());

        assertEquals("removed key " + first + " from cookie.jwks", cli.ok("retire", "--keys", "cookie.jwks", "--remove", first));
        assertEquals(1, SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).keys().size());
    }

    private String assertPerms(Cli cli) {
        try {
            return perms("cookie.jwks");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesToRetireAKeyWhoseValuesMayStillBeAlive() {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "seal", "--max-lifetime", "30d", "-o", "cookie.jwks");
        String first = SealingKeySet.fromJwkSet(cli.read("cookie.jwks")).primary().keyId();
        cli.ok("rotate", "--keys", "cookie.jwks");
        Cli.Result r = cli.run("retire", "--keys", "cookie.jwks", first);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("wafer retire: key " + first + " may be retired from "), r.err());
        cli.later(java.time.Duration.ofDays(31));
        cli.ok("retire", "--keys", "cookie.jwks", first);
    }

    @Test
    void publishesPendingAndActiveSigningKeysButNotRetiredOnes() {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        String first = SigningKeySet.fromJwkSet(cli.read("signing.jwks")).primary().keyId();
        String out = cli.ok("rotate", "--keys", "signing.jwks", "--pending");
        SigningKeySet set = SigningKeySet.fromJwkSet(cli.read("signing.jwks"));
        String second = set.keys().stream().map(k -> k.keyId()).filter(k -> !k.equals(first)).findFirst().orElseThrow();
        assertTrue(out.startsWith("added pending key " + second + " (EdDSA) to signing.jwks: it is published but does not sign yet"), out);
        assertEquals(2, VerificationKeySet.fromJwkSet(cli.ok("public", "--keys", "signing.jwks")).keys().size());
        String token = cli.ok("sign", "--keys", "signing.jwks", "--sub", "42");
        assertTrue(cli.ok("inspect", token).contains("\"kid\": \"" + first + "\""), "the pending key does not sign yet");

        assertEquals("promoted key " + second + " in signing.jwks: it signs from now on; key " + first + " is now active",
                cli.ok("promote", "--keys", "signing.jwks", "--", second));
        assertTrue(cli.ok("inspect", cli.ok("sign", "--keys", "signing.jwks", "--sub", "42")).contains("\"kid\": \"" + second + "\""));
        assertEquals("wrote public.jwks: a public key set of 2 keys; publish it", cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks"));
        assertEquals("42", Cli.json(cli.ok("verify", "--jwks", "public.jwks", "--any-issuer", token)).get("sub"));

        cli.ok("retire", "--keys", "signing.jwks", "--", first);
        VerificationKeySet published = VerificationKeySet.fromJwkSet(cli.ok("public", "--keys", "signing.jwks"));
        assertEquals(1, published.keys().size());
        assertEquals(second, published.keys().get(0).keyId());
        assertEquals(2, cli.run("public", "--keys", "signing.jwks", "-o", "public.jwks").code(), "never replaced without --force");
        String privateSet = cli.read("signing.jwks");
        for (String[] line : java.util.List.of(new String[] {"public", "--keys", "signing.jwks", "-o", "signing.jwks", "--force"},
                new String[] {"public", "--keys", "signing.jwks", "-o", "./signing.jwks", "--force"})) {
            Cli.Result own = cli.run(line);
            assertEquals(2, own.code(), own.toString());
            assertTrue(own.err().contains("is the file this command reads (signing.jwks); write to another file"), own.err());
        }
        assertEquals(privateSet, cli.read("signing.jwks"), "the private key set is never written over, even with --force");
        Cli.Result pem = cli.run("pem", "export", "--keys", "signing.jwks", "--kid", second, "-o", "signing.jwks", "--force");
        assertEquals(2, pem.code(), pem.toString());
        assertEquals(privateSet, cli.read("signing.jwks"), "nor by a PEM export");
        cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks", "--force");
        Cli.Result r = cli.run("verify", "--jwks", "public.jwks", "--any-issuer", token);
        assertEquals(1, r.code(), "a token of a retired key no longer verifies");
    }

    /**
     * Signing key ids are base64url thumbprints, and one in 64 starts with '-'. Rotates until a new
     * pending key has such an id, then runs the very hint rotate prints, and every command that
     * takes a key id, with it.
     */
    @Test
    void keyIdsThatStartWithADashWorkInEveryCommandAndInEveryHint() {
        Cli cli = new Cli(dir);
        String hint = null;
        String dashed = null;
        String first = null;
        for (int attempt = 0; attempt < 2000 && dashed == null; attempt++) {
            cli.ok("keygen", "--type", "sign", "-o", "signing.jwks", "--force");
            first = SigningKeySet.fromJwkSet(cli.read("signing.jwks")).primary().keyId();
            String out = cli.ok("rotate", "--keys", "signing.jwks", "--pending");
            String added = out.substring("added pending key ".length(), out.indexOf(' ', "added pending key ".length()));
            if (added.startsWith("-")) {
                dashed = added;
                hint = out.substring(out.indexOf("then: wafer ") + "then: wafer ".length());
            }
        }
        assertTrue(dashed != null, "no thumbprint started with '-' in 2000 keys (expected one in 64)");
        assertEquals("promote --keys signing.jwks -- " + dashed, hint, "the hint ends the options before the key id");

        assertEquals("promoted key " + dashed + " in signing.jwks: it signs from now on; key " + first + " is now active",
                cli.ok(hint.split(" ")), "the printed hint runs as printed");
        assertEquals(dashed, SigningKeySet.fromJwkSet(cli.read("signing.jwks")).primary().keyId());
        assertTrue(cli.ok("pem", "export", "--keys", "signing.jwks", "--kid", dashed, "--public")
                .startsWith("-----BEGIN PUBLIC KEY-----"), "an option's value may start with '-'");
        assertTrue(cli.ok("pem", "export", "--keys", "signing.jwks", "--kid=" + dashed, "--public")
                .startsWith("-----BEGIN PUBLIC KEY-----"));

        // The same id as the pending key of a fresh set, to retire it with and without "--".
        cli.ok("rotate", "--keys", "signing.jwks");
        assertEquals("retired key " + dashed + " in signing.jwks: it verifies nothing and is no longer published; "
                + "publish the public keys again (wafer public)", cli.ok("retire", "--keys", "signing.jwks", "--", dashed));
        assertTrue(VerificationKeySet.fromJwkSet(cli.ok("public", "--keys", "signing.jwks")).find(dashed).isEmpty());
        Cli.Result again = cli.run("retire", "--keys", "signing.jwks", dashed);
        assertEquals(2, again.code(), again.toString());
        if (dashed.startsWith("-h") || dashed.startsWith("-V")) {
            // One id in 32 begins like the help or version option: picocli will not take it as a value
            // without '--', and the message says to add it (keyIdsThatLookLikeOptionsNeverTriggerThem).
            assertTrue(again.err().contains("goes after '--'"), again.err());
        } else {
            assertTrue(again.err().contains("key " + dashed + " is retired"),
                    "an id given without '--' is still a key id, and this one is retired already: " + again.err());
        }
    }

    /** Ids that look like the help and version options never print help and exit 0 in place of acting. */
    @Test
    void keyIdsThatLookLikeOptionsNeverTriggerThem() {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        for (String kid : new String[] {"-hX3tnAAAA", "-VX3tnAAAA", "--help", "-h"}) {
            if (kid.length() > 6) { // a thumbprint has 43 characters, never exactly an option's name
                Cli.Result r = cli.run("retire", "--keys", "signing.jwks", kid);
                assertEquals(2, r.code(), "wafer retire ... " + kid + " must not succeed: " + r);
            }
            Cli.Result ended = cli.run("retire", "--keys", "signing.jwks", "--", kid);
            assertEquals(2, ended.code(), ended.toString());
            assertTrue(ended.err().contains("no key " + kid), ended.err());
        }
        Cli.Result r = cli.run("retire", "--keys", "signing.jwks", "-hX3tnAAAA");
        assertTrue(r.err().contains("goes after '--'"), r.err());
    }

    @Test
    void publicRefusesSealingKeysAndRotateRefusesPublicKeys() {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks");
        Cli.Result r = cli.run("public", "--keys", "cookie.jwks");
        assertEquals(1, r.code());
        assertEquals("wafer public: cookie.jwks is a sealing key set: sealing keys are secret and have no public half\n", r.err());
        cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks");
        assertEquals(1, cli.run("rotate", "--keys", "public.jwks").code());
        assertEquals(1, cli.run("seal", "--keys", "signing.jwks", "--cookie", "c", "v").code());
        assertEquals(2, cli.run("rotate", "--keys", "cookie.jwks", "--alg", "EdDSA").code());
        assertEquals(cli.read("public.jwks"), cli.ok("public", "--keys", "public.jwks") + "\n");
    }

    @Test
    void exportsAndImportsPem() throws IOException {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        SigningKeySet set = SigningKeySet.fromJwkSet(cli.read("signing.jwks"));
        assertEquals(Pem.writePrivateKey(set.primary()), cli.ok("pem", "export", "--keys", "signing.jwks") + "\n");
        assertEquals(Pem.writePublicKey(set.primary().publicKey()), cli.ok("pem", "export", "--keys", "signing.jwks", "--public") + "\n");
        assertEquals("wrote key.pem: a PRIVATE KEY (a secret)", cli.ok("pem", "export", "--keys", "signing.jwks", "-o", "key.pem"));
        assertEquals("rw-------", perms("key.pem"));
        cli.ok("pem", "export", "--keys", "signing.jwks", "--public", "-o", "pub.pem");

        String json = cli.ok("pem", "import", "--alg", "EdDSA", "key.pem");
        assertEquals(set.primary(), SigningKeySet.fromJwkSet(json).primary());
        assertEquals(set.primary(), SigningKeySet.fromJwkSet(cli.runWithInput(cli.read("key.pem"), "pem", "import", "--alg", "EdDSA").out()).primary());
        assertEquals(set.primary().publicKey(), VerificationKeySet.fromJwkSet(cli.ok("pem", "import", "--alg", "EdDSA", "pub.pem")).keys().get(0));
        cli.ok("keygen", "--type", "master", "-o", "master.key");
        assertTrue(cli.ok("pem", "import", "--alg", "EdDSA", "--kid", "imported", "--master-key-file", "master.key", "-o", "imported.jwks", "key.pem")
                .equals("wrote imported.jwks: a signing key set, primary key imported (EdDSA), sealed at rest under the master key"));
        assertEquals("imported", KeyFiles.create().readSigningKeySet(dir.resolve("imported.jwks"), MasterKey.fromFile(dir.resolve("master.key"))).primary().keyId());

        cli.write("old.pem", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Cli.Result r = cli.run("pem", "import", "--alg", "RS256", "old.pem");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("openssl pkcs8 -topk8 -nocrypt"), r.err());
        r = cli.run("pem", "import", "--alg", "RS256", "key.pem");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("it holds an Ed25519 key: use algorithm ED25519"), r.err());
        assertEquals(2, cli.run("pem", "import", "--alg", "XAES-256-GCM", "key.pem").code());
        assertEquals(2, cli.run("pem", "import", "--alg", "EdDSA", "--master-key-file", "master.key", "pub.pem").code());

        cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks");
        assertEquals(1, cli.run("pem", "export", "--keys", "cookie.jwks").code());
        cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks");
        assertEquals(1, cli.run("pem", "export", "--keys", "public.jwks").code());
        assertEquals(cli.read("pub.pem"), cli.ok("pem", "export", "--keys", "public.jwks", "--public") + "\n");
        assertEquals(2, cli.run("pem", "export", "--keys", "signing.jwks", "--kid", "nope").code());
        assertTrue(Base64.getMimeDecoder().decode(cli.read("pub.pem").replaceAll("-----[A-Z ]+-----", "")).length == 44);
    }

    @Test
    void sealsAPlainKeyFileAtRestChangesItsMasterKeyAndUnsealsIt() throws IOException {
        Cli cli = new Cli(dir);
        cli.ok("keygen", "--type", "seal", "-o", "cookie.jwks");
        String json = cli.read("cookie.jwks");
        cli.ok("keygen", "--type", "master", "-o", "old.key");
        cli.ok("keygen", "--type", "master", "-o", "new.key");
        assertEquals("sealed cookie.jwks at rest under the master key",
                cli.ok("keyfile", "seal", "--keys", "cookie.jwks", "--master-key-file", "old.key"));
        assertTrue(KeyFiles.isSealed(cli.read("cookie.jwks")));
        assertEquals("rw-------", perms("cookie.jwks"));
        Cli.Result r = cli.run("keyfile", "seal", "--keys", "cookie.jwks", "--master-key-file", "new.key");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("sealed already"), r.err());
        assertEquals("sealed again cookie.jwks at rest under the new master key", cli.ok("keyfile", "seal", "--keys",
                "cookie.jwks", "--old-master-key-file", "old.key", "--master-key-file", "new.key"));
        assertEquals(1, cli.run("keyfile", "unseal", "--keys", "cookie.jwks", "--master-key-file", "old.key").code());
        assertEquals(json, cli.ok("keyfile", "unseal", "--keys", "cookie.jwks", "--master-key-file", "new.key") + "\n");
        assertEquals("wrote cookie.jwks: a sealing key set, not sealed: a secret", cli.ok("keyfile", "unseal", "--keys",
                "cookie.jwks", "--master-key-file", "new.key", "-o", "cookie.jwks", "--force"));
        assertEquals(json, cli.read("cookie.jwks"));

        cli.ok("keygen", "--type", "sign", "-o", "signing.jwks");
        cli.ok("public", "--keys", "signing.jwks", "-o", "public.jwks");
        r = cli.run("keyfile", "seal", "--keys", "public.jwks", "--master-key-file", "new.key");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("never sealed"), r.err());
    }
}
