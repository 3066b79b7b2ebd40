package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.CookieSealer;
import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeyring;
import dev.wafer.SigningKeySet;
import dev.wafer.Wafer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        SealingKeyring ring = SealingKeyring.generate().rotate();
        SigningKeySet signing = SigningKeySet.generate().rotate(Algorithm.PS256);
        String sealedRing = KeyFiles.seal(ring.toJwkSet(), master);
        List<String> lines = sealedRing.lines().toList();
        assertEquals(2, lines.size());
        assertEquals(KeyFiles.SEALED_MARKER, lines.get(0));
        assertTrue(sealedRing.endsWith("\n"));
        assertFalse(sealedRing.contains("\"k\""), "nothing of the JSON shows");
        assertEquals(ring.toJwkSet(), KeyFiles.open(sealedRing, master));

        Path ringFile = Files.writeString(dir.resolve("cookie.jwks"), sealedRing);
        Path signingFile = Files.writeString(dir.resolve("signing.jwks"), KeyFiles.seal(signing.toJwkSet(), master));
        assertEquals(ring.keys(), KeyFiles.readSealingKeyring(ringFile, master).keys());
        assertEquals(signing.keys(), KeyFiles.readSigningKeySet(signingFile, master).keys());
        assertEquals(signing.primary(), KeyFiles.readSigningKeySet(signingFile, master).primary());
    }

    @Test
    void sealsWithAFreshNonceEveryTime() {
        MasterKey master = MasterKey.generate();
        String json = SealingKeyring.generate().toJwkSet();
        assertNotEquals(KeyFiles.seal(json, master), KeyFiles.seal(json, master));
    }

    @Test
    void opensTheFixtureOfFormatVersion1() throws IOException {
        assertEquals(FIXTURE_JSON, KeyFiles.open(fixture(), MasterKey.fromBase64Url(MASTER)));
        assertEquals(FIXTURE_JSON, KeyFiles.open(fixture().replace("\n", "\r\n"), MasterKey.fromBase64Url(MASTER)));
        assertEquals(0x0a1b2c3d, SealingKeyring.fromJwkSet(KeyFiles.open(fixture(), MasterKey.fromBase64Url(MASTER)))
                .primary().keyId());
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
        CookieSealer sealer = Wafer.provider().sealer(SealingKeyring.of(SealingKey.of(Algorithm.XAES_256_GCM, 0, master)))
                .maxSealedLength(1 << 20).build();
        OpenedValue v = sealer.open(fixture().lines().toList().get(1),
                SealContext.of(KeyFiles.CONTEXT_COOKIE_NAME, KeyFiles.CONTEXT_PURPOSE));
        assertEquals(FIXTURE_JSON, v.text());
        assertEquals(0, v.keyId());
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
            bad.add(KeyFiles.SEALED_MARKER + "\n" + sealed.substring(0, i) + (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1) + "\n");
        }
        for (int n = 0; n < sealed.length(); n += 7) {
            bad.add(KeyFiles.SEALED_MARKER + "\n" + sealed.substring(0, n) + "\n");
        }
        bad.add(KeyFiles.SEALED_MARKER + "\n" + sealed + "=\n");
        bad.add(KeyFiles.SEALED_MARKER + "\n" + sealed + "\n" + sealed + "\n");
        bad.add(KeyFiles.SEALED_MARKER + "\n");
        for (String text : bad) {
            KeyException e = assertThrows(KeyException.class, () -> KeyFiles.open(text, right));
            assertEquals("the key file does not open with this master key: wrong key, or the file was changed", e.getMessage());
        }
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.open(file, MasterKey.generate()));
        assertEquals("the key file does not open with this master key: wrong key, or the file was changed", e.getMessage());
        Path path = Files.writeString(dir.resolve("keys.jwks"), file);
        e = assertThrows(KeyException.class, () -> KeyFiles.readSealingKeyring(path, MasterKey.generate()));
        assertEquals(path + ": the key file does not open with this master key: wrong key, or the file was changed",
                e.getMessage());
    }

    @Test
    void aKeyFileOpensOnlyAsAKeyFile() throws IOException {
        // A value sealed under the same key bytes for another context is not a key file.
        byte[] master = Base64.getUrlDecoder().decode(MASTER);
        CookieSealer sealer = Wafer.provider().sealer(SealingKeyring.of(SealingKey.of(Algorithm.XAES_256_GCM, 0, master)))
                .build();
        String other = sealer.seal(FIXTURE_JSON, SealContext.of(KeyFiles.CONTEXT_COOKIE_NAME, "other"),
                java.time.Duration.ofDays(1));
        assertThrows(KeyException.class, () -> KeyFiles.open(KeyFiles.SEALED_MARKER + "\n" + other + "\n",
                MasterKey.fromBase64Url(MASTER)));
    }
}
