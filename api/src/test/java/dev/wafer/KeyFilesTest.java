package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key files without a crypto engine (the api's tests run on stub providers): plain files, format
 * detection and its errors. Sealing and opening at rest are tested on a real provider, in
 * provider-jca's JcaKeyFilesTest.
 */
class KeyFilesTest {
    private static final String SEALED = KeyFiles.SEALED_MARKER + " sealing 3\nAQAAAAAAAADrJR9_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n";
    private static final String SEALED_V1 = KeyFiles.SEALED_MARKER_V1 + "\nAQAAAAAAAADrJR9_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n";

    @TempDir
    Path dir;

    @Test
    void readsPlainKeyFilesOfEveryKind() throws IOException {
        SealingKeySet ring = SealingKeySet.generate().rotate().keySet();
        SigningKeySet signing = SigningKeySet.generate();
        Path ringFile = Files.writeString(dir.resolve("cookie.jwks"), ring.toJwkSet());
        Path signingFile = Files.writeString(dir.resolve("signing.jwks"), signing.toJwkSet() + "\n");
        Path publicFile = Files.writeString(dir.resolve("public.jwks"), "\uFEFF" + signing.publicKeys().toJwkSet());
        assertEquals(ring.keys(), KeyFiles.create().readSealingKeySet(ringFile, null).keys());
        assertEquals(ring.primary(), KeyFiles.create().readSealingKeySet(ringFile, null).primary());
        assertEquals(signing.keys(), KeyFiles.create().readSigningKeySet(signingFile, null).keys());
        assertEquals(signing.publicKeys().keys(), KeyFiles.readVerificationKeySet(publicFile).keys());
        assertEquals(ring.toJwkSet(), KeyFiles.create().open(ring.toJwkSet(), null).json(), "a plain file opens as it is");
        assertEquals(new KeyFiles.Opened(ring.toJwkSet(), false, null, 0).toString(), KeyFiles.create().open(ring.toJwkSet(), null).toString());
    }

    @Test
    void refusesASealedFileWithoutMasterKey() throws IOException {
        assertTrue(KeyFiles.isSealed(SEALED));
        assertTrue(KeyFiles.isSealed(SEALED_V1));
        assertTrue(KeyFiles.isSealed(SEALED.replace("\n", "\r\n")));
        assertThrows(KeyException.class, () -> KeyFiles.create().open(SEALED_V1, null));
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open(SEALED, null));
        assertTrue(e.getMessage().contains("sealed") && e.getMessage().contains("master key"), e.getMessage());
        Path file = Files.writeString(dir.resolve("sealed.jwks"), SEALED);
        e = assertThrows(KeyException.class, () -> KeyFiles.create().readSealingKeySet(file, null));
        assertTrue(e.getMessage().startsWith(file + ": the key file is sealed"), e.getMessage());
        e = assertThrows(KeyException.class, () -> KeyFiles.readVerificationKeySet(file));
        assertTrue(e.getMessage().contains("a public key set is never sealed"), e.getMessage());
    }

    @Test
    void refusesAPlainFileWhenAMasterKeyIsGiven() throws IOException {
        String json = SealingKeySet.generate().toJwkSet();
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open(json, MasterKey.generate()));
        assertTrue(e.getMessage().contains("not sealed, but a master key was given"), e.getMessage());
        Path file = Files.writeString(dir.resolve("plain.jwks"), json);
        assertThrows(KeyException.class, () -> KeyFiles.create().readSealingKeySet(file, MasterKey.generate()));
        assertFalse(KeyFiles.isSealed(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "hello", "[1,2]", "WAFER-SEALED-JWKS\nAAAA", "key: value\n" + KeyFiles.SEALED_MARKER_V1})
    void refusesUnknownFormats(String text) {
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open(text, null));
        assertTrue(e.getMessage().startsWith("unknown key file format: neither a JWK Set"), e.getMessage());
    }

    @Test
    void namesWhatAKnownButWrongFileIs() {
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().open("WAFER-SEALED-JWKS-V3\nAAAA\n", MasterKey.generate()));
        assertTrue(e.getMessage().contains("does not know (\"WAFER-SEALED-JWKS-V3\"); it reads WAFER-SEALED-JWKS-V1 and "
                + "WAFER-SEALED-JWKS-V2"), e.getMessage());
        e = assertThrows(KeyException.class, () -> KeyFiles.create().open(PemTest.fixture("ed25519-private.pem"), null));
        assertTrue(e.getMessage().contains("PEM file"), e.getMessage());
    }

    @Test
    void refusesFilesOverOneMebibyteAndFilesThatAreNotUtf8() throws IOException {
        Path large = Files.write(dir.resolve("large.jwks"), new byte[KeyFiles.MAX_FILE_BYTES + 1]);
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.create().readSigningKeySet(large, null));
        assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e.getMessage());
        assertThrows(KeyException.class, () -> KeyFiles.create().open("{" + " ".repeat(KeyFiles.MAX_FILE_BYTES), null));
        Path latin1 = Files.write(dir.resolve("latin1.jwks"), new byte[] {'{', (byte) 0xe9, '}'});
        e = assertThrows(KeyException.class, () -> KeyFiles.create().readSigningKeySet(latin1, null));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void countsTheOneMebibyteInBytesNotCharacters() {
        // 600,000 characters, 1,200,000 bytes of UTF-8: over the limit, though shorter in characters.
        String wide = "{\"x\":\"" + "\u00e9".repeat(600_000) + "\"}";
        assertEquals("the key file is larger than 1048576 bytes",
                assertThrows(KeyException.class, () -> KeyFiles.create().open(wide, null)).getMessage());
        assertEquals(1_200_000 + 8, dev.wafer.internal.Utf8.encodedLength(wide));
        for (String t : java.util.List.of("", "a", "\u00e9", "\u20ac", "\ud83d\ude00", "a\ud800b", "\udc00", "mixed \u00e9\u20ac\ud83d\ude00.")) {
            assertEquals(t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, dev.wafer.internal.Utf8.encodedLength(t), t);
        }
    }

    @Test
    void aKeySetWiderThanATokenIsWrittenAndReadBack() {
        // 300 keys of 7 members each: beyond a token's 1024 values, within a key file's.
        SealingKeySet set = SealingKeySet.generate();
        for (int i = 0; i < 299; i++) {
            set = set.addPending(SealingAlgorithm.XAES_256_GCM).keySet();
        }
        String json = set.toJwkSet();
        assertEquals(set.keys(), SealingKeySet.fromJwkSet(json).keys());
    }

    @Test
    void namesTheFileWhenItsKeySetIsRefused() throws IOException {
        Path privateAsPublic = Files.writeString(dir.resolve("oops.jwks"), SigningKeySet.generate().toJwkSet());
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.readVerificationKeySet(privateAsPublic));
        assertTrue(e.getMessage().startsWith(privateAsPublic + ": ") && e.getMessage().contains("private member"),
                e.getMessage());
        Path sealingAsSigning = Files.writeString(dir.resolve("cookie.jwks"), SealingKeySet.generate().toJwkSet());
        e = assertThrows(KeyException.class, () -> KeyFiles.create().readSigningKeySet(sealingAsSigning, null));
        assertTrue(e.getMessage().startsWith(sealingAsSigning + ": "), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> KeyFiles.create().readSealingKeySet(dir.resolve("missing.jwks"), null));
    }

    @Test
    void sealsOnlyJwkSets() {
        assertThrows(KeyException.class, () -> KeyFiles.create().seal("not json", MasterKey.generate(), 1));
        assertThrows(KeyException.class, () -> KeyFiles.create().seal("{\"keys\":[]}", MasterKey.generate(), 1));
    }
}
