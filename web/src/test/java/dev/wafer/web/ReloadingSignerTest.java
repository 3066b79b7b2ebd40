package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signer that follows its key file: it signs under the new primary, and publishes what it holds. */
class ReloadingSignerTest {
    @TempDir
    Path dir;

    private static TokenSigner build(SigningKeySet keys) {
        return TokenSigner.builder(keys).engines(Wafer.engines("jca")).issuer("https://login.example").build();
    }

    @Test
    void signsUnderTheNewPrimaryAndPublishesItAfterARotationOnDisk() throws Exception {
        MasterKey master = MasterKey.generate();
        Path file = dir.resolve("signing.jwks");
        SigningKeySet first = SigningKeySet.generate();
        KeyFiles.write(file, KeyFiles.create().seal(first.toJwkSet(), master, 1), KeyFiles.Overwrite.REFUSE);
        try (ReloadingSigner signer = ReloadingSigner.watch(file, master, ReloadingSignerTest::build, Duration.ofMillis(100))) {
            assertEquals(first.primary().keyId(), signer.keyId());
            String old = signer.sign(Claims.builder().subject("42").build());
            SigningKeySet second = first.rotate().keySet();
            KeyFiles.write(file, KeyFiles.create().seal(second.toJwkSet(), master, 2), KeyFiles.Overwrite.REPLACE);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!signer.keyId().equals(second.primary().keyId()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(second.primary().keyId(), signer.keyId());
            assertEquals(2, signer.publicKeys().keys().size(), "the new primary and the previous key are published");
            TokenVerifier verifier = TokenVerifier.builder(signer.publicKeys()).engines(Wafer.engines("jca"))
                    .issuer("https://login.example").build();
            assertEquals("42", verifier.verify(old).subject().orElseThrow());
            assertEquals("7", verifier.verify(signer.sign(Claims.builder().subject("7").build())).subject().orElseThrow());
            assertTrue(signer.toString().contains(signer.keyId()));
            assertFalse(signer.toString().contains("\"d\""));
        }
    }

    @Test
    void aFileThatDoesNotLoadKeepsTheLastGoodKeys() throws Exception {
        Path file = dir.resolve("signing.jwks");
        SigningKeySet first = SigningKeySet.generate();
        Files.writeString(file, first.toJwkSet());
        try (ReloadingSigner signer = ReloadingSigner.watch(file, null, ReloadingSignerTest::build, null)) {
            assertFalse(signer.reload());
            Files.writeString(file, "{\"keys\":[]}");
            assertThrows(KeyException.class, signer::reload);
            assertEquals(first.primary().keyId(), signer.keyId());
            assertNotEquals("", signer.sign(Claims.builder().subject("x").build()));
            Files.writeString(file, dev.wafer.SealingKeySet.generate().toJwkSet());
            assertThrows(KeyException.class, signer::reload, "sealing keys are not signing keys");
            SigningKeySet second = first.rotate().keySet();
            Files.writeString(file, second.toJwkSet());
            assertTrue(signer.reload(), "a good change loads");
            assertEquals(second.primary().keyId(), signer.keyId());
        }
    }

    @Test
    void thePollerReportsABadFileAndCloseStopsFollowingTheFile() throws Exception {
        Path file = dir.resolve("signing.jwks");
        SigningKeySet first = SigningKeySet.generate();
        Files.writeString(file, first.toJwkSet());
        ReloadingSigner signer = ReloadingSigner.watch(file, null, ReloadingSignerTest::build, Duration.ofMillis(100));
        try {
            Files.writeString(file, "{\"keys\":[]}");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (signer.lastProblem() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(signer.lastProblem() != null && signer.lastProblem().startsWith("KeyException"), signer.lastProblem());
        } finally {
            signer.close();
        }
        Files.writeString(file, first.rotate().keySet().toJwkSet());
        Thread.sleep(400);
        assertEquals(first.primary().keyId(), signer.keyId(), "closed: the file is no longer followed");
    }
}
