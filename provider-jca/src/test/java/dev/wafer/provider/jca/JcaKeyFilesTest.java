package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKeySet;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.spi.WaferProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files sealed at rest (docs/format.md §3.1), on the JDK provider. */
class JcaKeyFilesTest {
    private static final String MASTER = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    private static final String FIXTURE_JSON = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"0a1b2c3d\",\"alg\":\"XAES-256-GCM\","
            + "\"use\":\"enc\",\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}],\"primary\":\"0a1b2c3d\"}";

    @TempDir
    Path dir;

    private static String fixture() throws IOException {
        try (InputStream in = JcaKeyFilesTest.class.getResourceAsStream("/keyfiles/sealed-v1.jwks")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sealsAndOpensEveryKindOfPrivateKeyFile() throws IOException {
        MasterKey master = MasterKey.generate();
        SealingKeySet ring = SealingKeySet.generate().rotate().keySet();
        SigningKeySet signing = SigningKeySet.generate().rotate(SigningAlgorithm.PS256).keySet();
        String sealedRing = KeyFiles.create().seal(ring.toJwkSet(), master, 1);
        List<String> lines = sealedRing.lines().toList();
        assertEquals(2, lines.size());
        assertEquals(KeyFiles.SEALED_MARKER + " sealing 1", lines.get(0));
        assertTrue(sealedRing.endsWith("\n"));
        assertFalse(sealedRing.contains("\"k\""), "nothing of the JSON shows");
        assertEquals(ring.toJwkSet(), KeyFiles.create().open(sealedRing, master).json());

        Path ringFile = Files.writeString(dir.resolve("cookie.jwks"), sealedRing);
        Path signingFile = Files.writeString(dir.resolve("signing.jwks"), KeyFiles.create().seal(signing.toJwkSet(), master, 1));
        assertEquals(ring.keys(), KeyFiles.create().readSealingKeySet(ringFile, master).keys());
        assertEquals(signing.keys(), KeyFiles.create().readSigningKeySet(signingFile, master).keys());
        assertEquals(signing.primary(), KeyFiles.create().readSigningKeySet(signingFile, master).primary());
    }

    @Test
    void keyFilesMadeWithExplicitEnginesSealAndReadWithThoseEngines() throws IOException {
        Path services = dir.resolve("loader/META-INF/services/" + WaferProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, CountingJcaProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("loader").toUri().toURL()},
                JcaKeyFilesTest.class.getClassLoader())) {
            WaferEngines counting = Wafer.engines(loader);
            assertEquals("counting-jca", counting.servedBy(SealingAlgorithm.XAES_256_GCM));
            KeyFiles files = KeyFiles.create(counting);
            MasterKey master = MasterKey.generate();
            SealingKeySet keys = SealingKeySet.generate();

            int before = CountingJcaProvider.AEAD_ENGINES.get();
            Path file = Files.writeString(dir.resolve("cookie.jwks"), files.seal(keys.toJwkSet(), master, 1));
            int afterSeal = CountingJcaProvider.AEAD_ENGINES.get();
            assertTrue(afterSeal > before, "sealed with the engines it was made with");
            assertEquals(keys.keys(), files.readSealingKeySet(file, master).keys());
            int afterRead = CountingJcaProvider.AEAD_ENGINES.get();
            assertTrue(afterRead > afterSeal, "opened with the engines it was made with");

            assertEquals(keys.keys(), KeyFiles.create().readSealingKeySet(file, master).keys(),
                    "the same file, read by the default engines");
            assertEquals(afterRead, CountingJcaProvider.AEAD_ENGINES.get(), "the default engines are not those");
        }
    }

    @Test
    void sealsWithAFreshNonceEveryTime() {
        MasterKey master = MasterKey.generate();
        String json = SealingKeySet.generate().toJwkSet();
        assertNotEquals(KeyFiles.create().seal(json, master, 1), KeyFiles.create().seal(json, master, 1));
    }

    @Test
    void opensTheFixtureOfFormatVersion1() throws IOException {
        assertEquals(FIXTURE_JSON, KeyFiles.create().open(fixture(), MasterKey.fromBase64Url(MASTER)).json());
        assertEquals(FIXTURE_JSON, KeyFiles.create().open(fixture().replace("\n", "\r\n"), MasterKey.fromBase64Url(MASTER)).json());
        KeyFiles.Opened v1 = KeyFiles.create().open(fixture(), MasterKey.fromBase64Url(MASTER));
        assertEquals("0a1b2c3d", SealingKeySet.fromJwkSet(v1.json()).primary().keyId());
        assertEquals(0, v1.generation(), "a version 1 file has no generation: it reads as 0");
        assertEquals(null, v1.kind());
    }

    @Test
    void formatDocumentShowsThisFixture() throws IOException {
        String doc = Files.readString(Path.of("../docs/format.md"));
        String line2 = fixture().lines().toList().get(1);
        assertTrue(doc.contains("WAFER-SEALED-JWKS-V1\n" + line2.substring(0, 76) + "…"), "format.md §3.1 shows the fixture");
        assertTrue(doc.contains("`" + FIXTURE_JSON + "`") && doc.contains("`" + MASTER + "`"));
    }

    @Test
    void theSecondLineIsAnOrdinarySealedValueUnderKeyIdZero() throws IOException {
        byte[] master = Base64.getUrlDecoder().decode(MASTER);
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.of(SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000000", master))).engines(Wafer.engines())
                .maxCookieBytes(1 << 20).build();
        OpenedValue v = sealer.open(fixture().lines().toList().get(1),
                SealContext.of(KeyFiles.CONTEXT_COOKIE_NAME, KeyFiles.CONTEXT_PURPOSE_V1));
        assertEquals(FIXTURE_JSON, v.text());
        assertEquals("00000000", v.keyId());
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), v.expiresAt());
    }

    @Test
    void aWrongMasterKeyAndAChangedFileReadAlike() throws IOException {
        String file = fixture();
        String sealed = file.lines().toList().get(1);
        MasterKey right = MasterKey.fromBase64Url(MASTER);
        List<String> bad = new java.util.ArrayList<>();
        for (int i = 0; i < sealed.length(); i++) {
            char c = sealed.charAt(i);
            bad.add(KeyFiles.SEALED_MARKER_V1 + "\n" + sealed.substring(0, i) + (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1) + "\n");
        }
        for (int n = 0; n < sealed.length(); n += 7) {
            bad.add(KeyFiles.SEALED_MARKER_V1 + "\n" + sealed.substring(0, n) + "\n");
        }
        bad.add(KeyFiles.SEALED_MARKER_V1 + "\n" + sealed + "=\n");
        bad.add(KeyFiles.SEALED_MARKER_V1 + "\n" + sealed + "\n" + sealed + "\n");
        bad.add(KeyFiles.SEALED_MARKER_V1 + "\n");
        for (String text : bad) {
            KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open(text, right));
            assertEquals("the key file does not open with this master key: wrong key, or the file was changed", e.getMessage());
        }
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open(file, MasterKey.generate()));
        assertEquals("the key file does not open with this master key: wrong key, or the file was changed", e.getMessage());
        Path path = Files.writeString(dir.resolve("keys.jwks"), file);
        e = assertThrows(KeyException.class, () -> KeyFiles.create().readSealingKeySet(path, MasterKey.generate()));
        assertEquals(path + ": the key file does not open with this master key: wrong key, or the file was changed",
                e.getMessage());
    }

    @Test
    void aKeyFileOpensOnlyAsAKeyFile() throws IOException {
        // A value sealed under the same key bytes for another context is not a key file.
        byte[] master = Base64.getUrlDecoder().decode(MASTER);
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.of(SealingKey.of(SealingAlgorithm.XAES_256_GCM, "00000000", master))).engines(Wafer.engines())
                .build();
        String other = sealer.seal(FIXTURE_JSON, SealContext.of(KeyFiles.CONTEXT_COOKIE_NAME, "other"),
                java.time.Duration.ofDays(1));
        assertThrows(KeyException.class, () -> KeyFiles.create().open(KeyFiles.SEALED_MARKER_V1 + "\n" + other + "\n",
                MasterKey.fromBase64Url(MASTER)));
    }

    @Test
    void aVersion2HeaderNamesTheKindAndGenerationAndNeitherCanBeEdited() {
        MasterKey master = MasterKey.generate();
        String sealing = KeyFiles.create().seal(SealingKeySet.generate().toJwkSet(), master, 7);
        String signing = KeyFiles.create().seal(SigningKeySet.generate().toJwkSet(), master, 3);
        assertTrue(sealing.startsWith("WAFER-SEALED-JWKS-V2 sealing 7\n"), sealing);
        assertTrue(signing.startsWith("WAFER-SEALED-JWKS-V2 signing 3\n"), signing);
        KeyFiles.Opened opened = KeyFiles.create().open(sealing, master);
        assertEquals(KeyFiles.Kind.SEALING, opened.kind());
        assertEquals(7, opened.generation());
        assertFalse(opened.toString().contains("\"k\""), "Opened.toString never shows the keys");
        String body = sealing.substring(sealing.indexOf('\n') + 1);
        for (String header : List.of("WAFER-SEALED-JWKS-V2 signing 7", "WAFER-SEALED-JWKS-V2 sealing 8",
                "WAFER-SEALED-JWKS-V2 sealing 6", "WAFER-SEALED-JWKS-V2 sealing 0", "WAFER-SEALED-JWKS-V2 sealing -7",
                "WAFER-SEALED-JWKS-V2 sealing 07", "WAFER-SEALED-JWKS-V2 sealing", "WAFER-SEALED-JWKS-V2",
                "WAFER-SEALED-JWKS-V2 sealing 7 extra", "WAFER-SEALED-JWKS-V2 Sealing 7", "WAFER-SEALED-JWKS-V1")) {
            KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open(header + "\n" + body, master), header);
            assertEquals("the key file does not open with this master key: wrong key, or the file was changed", e.getMessage(), header);
        }
    }

    @Test
    void aSigningFileIsNotReadAsASealingFileNorTheOtherWay() throws IOException {
        MasterKey master = MasterKey.generate();
        Path sealing = Files.writeString(dir.resolve("cookie.jwks"), KeyFiles.create().seal(SealingKeySet.generate().toJwkSet(), master, 1));
        Path signing = Files.writeString(dir.resolve("signing.jwks"), KeyFiles.create().seal(SigningKeySet.generate().toJwkSet(), master, 1));
        assertEquals(signing + ": the key file holds signing keys, not sealing keys", assertThrows(KeyException.class,
                () -> KeyFiles.create().readSealingKeySet(signing, master)).getMessage());
        assertEquals(sealing + ": the key file holds sealing keys, not signing keys", assertThrows(KeyException.class,
                () -> KeyFiles.create().readSigningKeySet(sealing, master)).getMessage());
        assertThrows(KeyException.class, () -> KeyFiles.create().seal(SigningKeySet.generate().publicKeys().toJwkSet(), master, 1),
                "a public key set is never sealed");
        assertThrows(IllegalArgumentException.class, () -> KeyFiles.create().seal(SealingKeySet.generate().toJwkSet(), master, 0));
    }

    @Test
    void anOlderGenerationPutBackInPlaceIsRefused() throws IOException {
        MasterKey master = MasterKey.generate();
        KeyFiles files = KeyFiles.create();
        Path file = dir.resolve("cookie.jwks");
        assertEquals(1, files.nextGeneration(file, master), "a file that does not exist yet starts at 1");
        SealingKeySet first = SealingKeySet.generate();
        String generation1 = files.seal(first.toJwkSet(), master, files.nextGeneration(file, master));
        KeyFiles.write(file, generation1, KeyFiles.Overwrite.REFUSE);
        assertEquals(first.keys(), files.readSealingKeySet(file, master).keys());
        assertEquals(1, files.generationSeen(file));

        SealingKeySet second = first.rotate().keySet();
        assertEquals(2, files.nextGeneration(file, master));
        KeyFiles.write(file, files.seal(second.toJwkSet(), master, 2), KeyFiles.Overwrite.REPLACE);
        assertEquals(second.keys(), files.readSealingKeySet(file, master).keys());
        assertEquals(2, files.generationSeen(dir.resolve(".").resolve("cookie.jwks")), "the same file by another path");

        Files.writeString(file, generation1);
        KeyException e = assertThrows(KeyException.class, () -> files.readSealingKeySet(file, master));
        assertEquals(file + ": the key file is generation 1, older than generation 2 already read: it was rolled back, "
                + "or replaced by an older copy", e.getMessage());
        assertEquals(first.keys(), KeyFiles.create().readSealingKeySet(file, master).keys(),
                "a new instance knows no floor: an application records the generation itself (requireGeneration)");
        KeyFiles restarted = KeyFiles.create();
        restarted.requireGeneration(file, 2);
        restarted.requireGeneration(file, 1);
        assertEquals(2, restarted.generationSeen(file), "generations only rise");
        assertThrows(KeyException.class, () -> restarted.readSealingKeySet(file, master));
        assertEquals(3, files.nextGeneration(file, master), "never reuses a generation already seen");
        // One floor per file, however it is named: through a symbolic link too.
        Path link = Files.createSymbolicLink(dir.resolve("link.jwks"), file);
        assertThrows(KeyException.class, () -> files.readSealingKeySet(link, master), "the link names the rolled-back file");
    }

    @Test
    void writesAtomicallyPrivatelyAndNeverOverAnExistingFileWhenAskedNotTo() throws IOException {
        Path file = dir.resolve("keys.jwks");
        KeyFiles.write(file, "one\n", KeyFiles.Overwrite.REFUSE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertThrows(FileAlreadyExistsException.class, () -> KeyFiles.write(file, "two\n", KeyFiles.Overwrite.REFUSE));
        assertEquals("one\n", Files.readString(file));
        KeyFiles.write(file, "two\n", KeyFiles.Overwrite.REPLACE);
        assertEquals("two\n", Files.readString(file));
        Path pub = dir.resolve("public.jwks");
        KeyFiles.writePublic(pub, "{}\n", KeyFiles.Overwrite.REFUSE);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(pub)));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("keys.jwks", "public.jwks"), listing.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void writingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("keys.jwks"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("keys.jwks"), target);
        KeyFiles.write(link, "new\n", KeyFiles.Overwrite.REPLACE);
        assertTrue(Files.isSymbolicLink(link), "the link is kept (as with a Kubernetes secret volume)");
        assertEquals("new\n", Files.readString(target));
        assertThrows(FileAlreadyExistsException.class, () -> KeyFiles.write(link, "newer\n", KeyFiles.Overwrite.REFUSE));
        Path dangling = Files.createSymbolicLink(dir.resolve("later.jwks"), real.resolve("later.jwks"));
        KeyFiles.write(dangling, "made\n", KeyFiles.Overwrite.REFUSE);
        assertEquals("made\n", Files.readString(real.resolve("later.jwks")));
    }
}
