package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.SealContext;
import dev.wafer.SealedHeader;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealer that follows its key file: rotation without restart; a bad file keeps the last good keys. */
class ReloadingSealerTest {
    private static final SealContext C = SealContext.of("__Host-session", "session");

    @TempDir
    Path dir;

    private static CookieSealer build(SealingKeySet keys) {
        return CookieSealer.builder(keys).engines(Wafer.engines("jca")).build();
    }

    @Test
    void sealsUnderTheNewPrimaryAfterARotationOnDiskAndOldValuesKeepOpening() throws Exception {
        MasterKey master = MasterKey.generate();
        Path file = dir.resolve("cookie.jwks");
        SealingKeySet first = SealingKeySet.generate();
        KeyFiles.write(file, KeyFiles.create().seal(first.toJwkSet(), master, 1), KeyFiles.Overwrite.REFUSE);
        try (ReloadingSealer sealer = ReloadingSealer.watch(file, master, ReloadingSealerTest::build, Duration.ofMillis(100))) {
            String old = sealer.seal("user=42", C);
            assertEquals(first.primary().keyId(), SealedHeader.peek(old).keyId());
            SealingKeySet second = first.rotate().keySet();
            KeyFiles.write(file, KeyFiles.create().seal(second.toJwkSet(), master, 2), KeyFiles.Overwrite.REPLACE);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!sealer.keys().primary().keyId().equals(second.primary().keyId()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(second.primary().keyId(), SealedHeader.peek(sealer.seal("v", C)).keyId(), "the poller saw the rotation");
            assertEquals("user=42", sealer.open(old, C).text(), "values under the old key still open");
            assertTrue(sealer.open(old, C).shouldReseal());
        }
    }

    @Test
    void aFileThatDoesNotLoadIsRefusedAndTheLastGoodKeysStay() throws Exception {
        MasterKey master = MasterKey.generate();
        Path file = dir.resolve("cookie.jwks");
        SealingKeySet first = SealingKeySet.generate();
        String generation1 = KeyFiles.create().seal(first.toJwkSet(), master, 1);
        KeyFiles.write(file, generation1, KeyFiles.Overwrite.REFUSE);
        try (ReloadingSealer sealer = ReloadingSealer.watch(file, master, ReloadingSealerTest::build, null)) {
            assertFalse(sealer.reload(), "unchanged");
            Files.writeString(file, "WAFER-SEALED-JWKS-V2 sealing 2\nhalf-writ");
            assertThrows(KeyException.class, sealer::reload);
            assertEquals(first.primary().keyId(), sealer.keys().primary().keyId());
            KeyFiles.write(file, KeyFiles.create().seal(first.rotate().keySet().toJwkSet(), MasterKey.generate(), 2),
                    KeyFiles.Overwrite.REPLACE);
            assertThrows(KeyException.class, sealer::reload, "another master key");
            SealingKeySet second = first.rotate().keySet();
            KeyFiles.write(file, KeyFiles.create().seal(second.toJwkSet(), master, 2), KeyFiles.Overwrite.REPLACE);
            assertTrue(sealer.reload());
            assertEquals(second.primary().keyId(), sealer.keys().primary().keyId());
            Files.writeString(file, generation1);
            KeyException rollback = assertThrows(KeyException.class, sealer::reload, "an older generation put back");
            assertTrue(rollback.getMessage().contains("rolled back"), rollback.getMessage());
            assertEquals(second.primary().keyId(), sealer.keys().primary().keyId());
        }
    }

    @Test
    void thePollerLogsABadFileOnceAndKeepsTheLastGoodKeys() throws Exception {
        Path file = dir.resolve("cookie.jwks");
        SealingKeySet first = SealingKeySet.generate();
        Files.writeString(file, first.toJwkSet());
        try (ReloadingSealer sealer = ReloadingSealer.watch(file, null, ReloadingSealerTest::build, Duration.ofMillis(100))) {
            assertNull(sealer.lastProblem());
            Files.writeString(file, "{\"keys\":[]}");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sealer.lastProblem() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(sealer.lastProblem() != null && sealer.lastProblem().startsWith("KeyException"), sealer.lastProblem());
            assertFalse(sealer.lastProblem().contains("\"k\""));
            assertEquals(first.primary().keyId(), sealer.keys().primary().keyId());
            assertNotEquals("", sealer.seal("still sealing", C));
            Files.writeString(file, first.toJwkSet()); // the good file put back: nothing to report any more
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sealer.lastProblem() != null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertNull(sealer.lastProblem());
        }
    }

    @Test
    void theFirstLoadMustSucceed() {
        Path missing = dir.resolve("missing.jwks");
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ReloadingSealer.watch(missing, null, ReloadingSealerTest::build, null));
        assertThrows(IllegalArgumentException.class, () -> {
            Files.writeString(missing, SealingKeySet.generate().toJwkSet());
            ReloadingSealer.watch(missing, null, ReloadingSealerTest::build, Duration.ofMillis(10));
        });
    }
}
