package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.spring.app.minimal.MinimalApp;
import dev.wafer.web.RevocationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A wrong key file or master key stops start-up with one clear message that names the property and
 * the file, and holds no key byte.
 */
class StartupFailureTest {
    @TempDir
    Path dir;

    private static FailureAnalysis startWith(String... properties) {
        SpringApplication app = new SpringApplicationBuilder(MinimalApp.class).web(WebApplicationType.NONE)
                .properties(properties).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (ConfigurableApplicationContext ignored = app.run()) {
                // started: the test fails below
            }
        });
        FailureAnalysis analysis = new WaferFailureAnalyzer().analyze(e);
        assertNotNull(analysis, "the analyzer recognises the failure: " + e);
        return analysis;
    }

    @Test
    void aMissingKeyFileNamesThePropertyAndTheFile() {
        Path missing = dir.resolve("nope.jwks");
        FailureAnalysis a = startWith("wafer.sealing.key-file=" + missing);
        assertEquals("Wafer could not start: wafer.sealing.key-file " + missing + " does not exist", a.getDescription());
        assertTrue(a.getAction().contains("wafer.sealing.key-file"), a.getAction());
    }

    @Test
    void aWrongMasterKeyIsOneMessageWithoutAKeyByte() throws Exception {
        MasterKey right = MasterKey.generate();
        MasterKey wrong = MasterKey.generate();
        Path file = dir.resolve("cookie.jwks");
        String jwks = SealingKeySet.generate().toJwkSet();
        KeyFiles.write(file, KeyFiles.create().seal(jwks, right, 1), KeyFiles.Overwrite.REFUSE);
        Path masterFile = dir.resolve("master.key");
        KeyFiles.write(masterFile, wrong.toBase64Url() + "\n", KeyFiles.Overwrite.REFUSE);
        FailureAnalysis a = startWith("wafer.sealing.key-file=" + file, "wafer.master-key-file=" + masterFile);
        assertTrue(a.getDescription().contains(file.toString()), a.getDescription());
        String k = jwks.replaceAll(".*\"k\":\"([^\"]+)\".*", "$1");
        for (String secret : new String[] {k, right.toBase64Url(), wrong.toBase64Url()}) {
            assertFalse(a.getDescription().contains(secret) || a.getAction().contains(secret), "no key byte in the message");
        }
    }

    @Test
    void aSigningFileGivenAsTheSealingFileIsRefused() throws Exception {
        Path file = dir.resolve("signing.jwks");
        Files.writeString(file, SigningKeySet.generate().toJwkSet());
        FailureAnalysis a = startWith("wafer.sealing.key-file=" + file);
        assertTrue(a.getDescription().startsWith("Wafer could not start: " + file), a.getDescription());
    }

    @Test
    void aKeySetThatBreaksItsPlanIsRefused() throws Exception {
        Path file = dir.resolve("expired.jwks");
        SealingKeySet keys = SealingKeySet.generate();
        Files.writeString(file, keys.withNotAfter(keys.primary().keyId(), Instant.now().minus(Duration.ofDays(1))).toJwkSet());
        FailureAnalysis a = startWith("wafer.sealing.key-file=" + file);
        assertTrue(a.getDescription().contains(file.toString()), a.getDescription());
    }

    @Test
    void anUnknownProviderIsRefused() {
        FailureAnalysis a = startWith("wafer.sealing.key-file=" + Keys.SEALING, "wafer.provider=nosuch");
        assertTrue(a.getDescription().contains("nosuch"), a.getDescription());
        assertTrue(a.getAction().contains("wafer.provider"), a.getAction());
    }

    @Test
    void aSharedRevocationStoreNeedsAnExplicitFailurePolicy() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WaferAutoConfiguration.class, WaferWebAutoConfiguration.class))
                .withPropertyValues("wafer.sealing.key-file=" + Keys.SEALING)
                .withBean(RevocationStore.class, SharedStore::new)
                .run(context -> {
                    assertNotNull(context.getStartupFailure());
                    FailureAnalysis a = new WaferFailureAnalyzer().analyze(context.getStartupFailure());
                    assertNotNull(a);
                    assertTrue(a.getDescription().contains("wafer.session.store-failure is not set"), a.getDescription());
                });
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WaferAutoConfiguration.class, WaferWebAutoConfiguration.class))
                .withPropertyValues("wafer.sealing.key-file=" + Keys.SEALING, "wafer.session.store-failure=fail-open")
                .withBean(RevocationStore.class, SharedStore::new)
                .run(context -> assertEquals(null, context.getStartupFailure(), "chosen explicitly: starts"));
    }

    /** A store that is not one server's memory. */
    static final class SharedStore implements RevocationStore {
        private final RevocationStore memory = new dev.wafer.web.InMemoryRevocationStore();

        @Override
        public void revoke(String idHash, Instant until) {
            memory.revoke(idHash, until);
        }

        @Override
        public boolean isRevoked(String idHash, Instant now) {
            return memory.isRevoked(idHash, now);
        }

        @Override
        public long generation(String userHash) {
            return memory.generation(userHash);
        }

        @Override
        public long advanceGeneration(String userHash) {
            return memory.advanceGeneration(userHash);
        }

        @Override
        public void startSeries(String seriesHash, Instant expiresAt) {
            memory.startSeries(seriesHash, expiresAt);
        }

        @Override
        public SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace) {
            return memory.useSeries(seriesHash, step, now, grace);
        }
    }
}
