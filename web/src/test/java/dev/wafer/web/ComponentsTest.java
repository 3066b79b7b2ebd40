package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.Wafer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parts: a JWKS response as a value, the in-memory store's housekeeping, a reloading sealer as a sealer. */
class ComponentsTest {
    @TempDir
    Path dir;

    @Test
    void aJwksResponseIsAValueThatCopiesItsBody() {
        byte[] body = {1, 2, 3};
        JwksPublisher.Response r = new JwksPublisher.Response(200, Map.of("a", "b"), body);
        body[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, r.body(), "copied in");
        r.body()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, r.body(), "copied out");
        assertEquals(r, new JwksPublisher.Response(200, Map.of("a", "b"), new byte[] {1, 2, 3}));
        assertEquals(r.hashCode(), new JwksPublisher.Response(200, Map.of("a", "b"), new byte[] {1, 2, 3}).hashCode());
        assertNotEquals(r, new JwksPublisher.Response(304, Map.of("a", "b"), new byte[] {1, 2, 3}));
        assertNotEquals(r, new JwksPublisher.Response(200, Map.of(), new byte[] {1, 2, 3}));
        assertNotEquals(r, new JwksPublisher.Response(200, Map.of("a", "b"), new byte[] {1, 2}));
        assertNotEquals(r, "r");
        assertEquals("JwksPublisher.Response[200, 3 bytes]", r.toString());
        JwksPublisher.of(SigningKeySet.generate()::publicKeys, Duration.ZERO);
        JwksPublisher.of(SigningKeySet.generate()::publicKeys, Duration.ofDays(1));
        assertThrows(IllegalArgumentException.class, () -> JwksPublisher.of(SigningKeySet.generate()::publicKeys, Duration.ofSeconds(-1)));
        assertEquals(304, JwksPublisher.of(SigningKeySet.generate()::publicKeys, Duration.ofMinutes(1)).respond("*").status());
        assertEquals(304, JwksPublisher.of(SigningKeySet.generate()::publicKeys, Duration.ofMinutes(1)).respond("\"x\", *").status());
    }

    @Test
    void theInMemoryStoreForgetsWhatHasEndedAndShowsNoId() {
        InMemoryRevocationStore store = new InMemoryRevocationStore();
        Instant now = Instant.now();
        String series = Ids.hash(Ids.Kind.SERIES, "s");
        store.startSeries(series, now.plusSeconds(3600));
        store.revoke(series, now.plusSeconds(3600));
        assertEquals(RevocationStore.SeriesUse.UNKNOWN, store.useSeries(series, 0, now, Duration.ZERO), "revoking a series ends it");
        for (int i = 0; i < 2048; i++) {
            store.revoke(Ids.hash(Ids.Kind.SESSION, "gone-" + i), now.minusSeconds(1)); // already over
        }
        store.revoke(Ids.hash(Ids.Kind.SESSION, "live"), now.plusSeconds(3600));
        String dump = store.toString();
        assertTrue(dump.matches("InMemoryRevocationStore\\[revoked=\\d+, series=\\d+, users=0\\]"), dump);
        int revoked = Integer.parseInt(dump.replaceAll(".*revoked=(\\d+).*", "$1"));
        assertTrue(revoked < 1024, "swept as new entries came in: " + dump);
        assertTrue(store.isRevoked(Ids.hash(Ids.Kind.SESSION, "live"), now));
        assertFalse(dump.contains("live") || dump.contains(series));
    }

    @Test
    void aReloadingSealerIsASealerOverItsCurrentKeys() throws Exception {
        SealingKeySet keys = SealingKeySet.generate();
        Path file = Files.writeString(dir.resolve("k.jwks"), keys.toJwkSet());
        try (ReloadingSealer sealer = ReloadingSealer.watch(file, null,
                k -> CookieSealer.builder(k).engines(Wafer.engines("jca")).maxCookieBytes(2048).build(), null)) {
            SealContext c = SealContext.of("c");
            assertEquals("v", sealer.open(sealer.seal("v", c), c).text());
            assertEquals("v", sealer.open(sealer.seal("v", c, Duration.ofMinutes(1)), c).text());
            assertArrayEquals(new byte[] {1}, sealer.open(sealer.seal(new byte[] {1}, c), c).bytes());
            assertArrayEquals(new byte[] {1}, sealer.open(sealer.seal(new byte[] {1}, c, Duration.ofMinutes(1)), c).bytes());
            assertEquals(2048, sealer.maxCookieBytes());
            assertEquals(keys.keys(), sealer.keys().keys());
            SealingKeySet other = SealingKeySet.generate();
            assertEquals(other.keys(), sealer.withKeys(other).keys().keys());
            assertEquals(keys.keys(), sealer.keys().keys(), "withKeys makes another sealer; this one follows its file");
            assertTrue(sealer.toString().startsWith("ReloadingSealer[" + file), sealer.toString());
            assertFalse(sealer.toString().contains("\"k\""));
        }
    }
}
