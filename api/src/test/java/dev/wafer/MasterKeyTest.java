package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyTest {
    /** 32 bytes 0x00..0x1f. */
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    @TempDir
    Path dir;

    @Test
    void generatesDistinctKeysThatRoundTripThroughTheirText() {
        MasterKey a = MasterKey.generate();
        MasterKey b = MasterKey.generate();
        assertEquals(43, a.toBase64Url().length());
        assertNotEquals(a.toBase64Url(), b.toBase64Url());
        assertEquals(a.toBase64Url(), MasterKey.fromBase64Url(" " + a.toBase64Url() + "\n").toBase64Url());
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            bytes[i] = (byte) i;
        }
        assertEquals(KEY, MasterKey.of(bytes).toBase64Url());
    }

    @Test
    void showsNoKeyMaterialAndComparesByIdentity() {
        MasterKey a = MasterKey.fromBase64Url(KEY);
        MasterKey b = MasterKey.fromBase64Url(KEY);
        assertEquals("MasterKey[XAES-256-GCM]", a.toString());
        assertNotEquals(a, b, "equality never reads key bytes");
        assertEquals("00000000", a.sealingKey().keyId());
        assertEquals(SealingAlgorithm.XAES_256_GCM, a.sealingKey().algorithm());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void refusesKeysOtherThan256Bits(int length) {
        assertThrows(KeyException.class, () -> MasterKey.of(new byte[length]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", KEY + "=", KEY + "A", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh+",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"})
    void refusesTextThatIsNot32BytesOfCanonicalBase64Url(String text) {
        KeyException e = assertThrows(KeyException.class, () -> MasterKey.fromBase64Url(text));
        assertTrue(e.getMessage().contains("base64url"), e.getMessage());
    }

    @Test
    void readsAnEnvironmentVariableAndNamesItButNeverItsValueInErrors() {
        Map<String, String> env = Map.of("GOOD", " " + KEY + "\n", "SHORT", "c2VjcmV0LXZhbHVl", "EMPTY", "");
        assertEquals(KEY, MasterKey.fromEnvironment("GOOD", env::get).toBase64Url());
        KeyException e = assertThrows(KeyException.class, () -> MasterKey.fromEnvironment("SHORT", env::get));
        assertTrue(e.getMessage().contains("environment variable SHORT"), e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
        for (String unset : new String[] {"EMPTY", "MISSING"}) {
            e = assertThrows(KeyException.class, () -> MasterKey.fromEnvironment(unset, env::get));
            assertTrue(e.getMessage().contains("environment variable " + unset + " is not set"), e.getMessage());
        }
    }

    @Test
    void readsAFileAndNamesItButNeverItsContentInErrors() throws IOException {
        Path good = Files.writeString(dir.resolve("master.key"), KEY + "\n");
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-------"));
        assertEquals(KEY, MasterKey.fromFile(good).toBase64Url());
        Path bad = Files.writeString(dir.resolve("bad.key"), "c2VjcmV0LXZhbHVl\n");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        KeyException e = assertThrows(KeyException.class, () -> MasterKey.fromFile(bad));
        assertTrue(e.getMessage().contains("master key file " + bad), e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
        Path binary = Files.write(dir.resolve("binary.key"), new byte[] {(byte) 0xff, (byte) 0xfe, 1});
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(KeyException.class, () -> MasterKey.fromFile(binary)).getMessage().contains("is not text"));
        Path large = Files.writeString(dir.resolve("large.key"), KEY.repeat(200), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(large, PosixFilePermissions.fromString("rw-------"));
        e = assertThrows(KeyException.class, () -> MasterKey.fromFile(large));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> MasterKey.fromFile(dir.resolve("missing.key")));
    }

    @Test
    void refusesAFileOthersMayReadUnlessTheCallerAcceptsIt() throws IOException {
        // A warning nobody sees without an SLF4J binding is no protection: refuse, or be told to accept.
        Path shared = Files.writeString(dir.resolve("shared.key"), KEY + "\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        KeyException e = assertThrows(KeyException.class, () -> MasterKey.fromFile(shared));
        assertTrue(e.getMessage().contains("readable by other users") && e.getMessage().contains("chmod 600")
                && e.getMessage().contains("FileAccess.ANY"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertEquals(KEY, MasterKey.fromFile(shared, MasterKey.FileAccess.ANY).toBase64Url());
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        assertThrows(KeyException.class, () -> MasterKey.fromFile(shared), "group-readable too");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("r--------"));
        assertEquals(KEY, MasterKey.fromFile(shared).toBase64Url());
    }
}
