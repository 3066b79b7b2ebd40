package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wafer.CookieSealer;
import dev.wafer.ExpiredValueException;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.KeyException;
import dev.wafer.LifetimeException;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.UnsupportedAlgorithmException;
import dev.wafer.ValueTooLargeException;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.SealedFormat;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sealing and opening, as every provider must do it: round trips, the format vectors, every rejection. */
public abstract class CookieSealerConformance extends ProviderUnderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SealContext SESSION = SealContext.of("session");
    private static final int[] PAYLOAD_SIZES = {0, 1, 100, 1024, 3 * 1024};

    /** AES-256-GCM is accepted here: these tests check every algorithm, not the default. */
    private CookieSealer sealer(SealingKeySet ring) {
        return CookieSealer.builder(ring).engines(provider()).clock(CLOCK).acceptAesGcmLimit().build();
    }

    static Stream<Arguments> algorithmsAndSizes() {
        return Stream.of(SealingAlgorithm.values())
                .flatMap(a -> Arrays.stream(PAYLOAD_SIZES).mapToObj(n -> Arguments.of(a, n)));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("algorithmsAndSizes")
    void opensWhatItSealed(SealingAlgorithm algorithm, int size) {
        if (!supports(algorithm)) {
            // A capability the provider lacks is an expected rejection, never a skip or a substitute.
            assertThrows(UnsupportedAlgorithmException.class, () -> sealer(SealingKeySet.generate(algorithm)));
            return;
        }
        byte[] value = new byte[size];
        new SecureRandom().nextBytes(value);
        // 3 KiB seals to more than one browser cookie holds (4096), the default limit: raise it.
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate(algorithm)).engines(provider()).clock(CLOCK)
                .acceptAesGcmLimit().maxCookieBytes(8192).build();
        String sealed = sealer.seal(value, SESSION, Duration.ofMinutes(5));
        int expectedChars = Base64Url.encodedLength(13 + algorithm.nonceLengthBytes() + size + 16);
        assertEquals(expectedChars, sealed.length());
        assertTrue(sealed.matches("[A-Za-z0-9_-]+"), "cookie-safe characters only");
        OpenedValue opened = sealer.open(sealed, SESSION);
        assertArrayEquals(value, opened.bytes());
        assertEquals(NOW.plusSeconds(300), opened.expiresAt());
        assertEquals(sealer.keys().primary().keyId(), opened.keyId());
        assertFalse(opened.shouldReseal());
    }

    @Test
    void refusesEveryAlgorithmItLacksByNamingProvidersThatHaveIt() {
        for (SealingAlgorithm algorithm : SealingAlgorithm.values()) {
            if (supports(algorithm)) {
                continue;
            }
            UnsupportedAlgorithmException e = assertThrows(UnsupportedAlgorithmException.class,
                    () -> sealer(SealingKeySet.generate(algorithm)));
            assertEquals(algorithm, e.algorithm());
            assertTrue(e.getMessage().contains(algorithm.jwkName()));
        }
        assertTrue(supports(SealingAlgorithm.XAES_256_GCM), "every provider seals with the default algorithm");
    }

    @Test
    void refusesATimeToLiveOutOfRange() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
                CookieSealer.MAX_LIFETIME.plusSeconds(1), Duration.ofSeconds(Long.MAX_VALUE))) {
            assertThrows(LifetimeException.class, () -> sealer.seal("x", SESSION, bad), bad.toString());
        }
        assertEquals(NOW.plus(CookieSealer.MAX_LIFETIME),
                sealer.open(sealer.seal("x", SESSION, CookieSealer.MAX_LIFETIME), SESSION).expiresAt());
    }

    @Test
    void sealsUnderAnAesGcmPrimaryOnlyWhenItsLimitIsAcceptedButAlwaysOpensUnderIt() {
        if (!supports(SealingAlgorithm.AES_256_GCM)) {
            return;
        }
        SealingKeySet aes = SealingKeySet.generate(SealingAlgorithm.AES_256_GCM);
        KeyException e = assertThrows(KeyException.class,
                () -> CookieSealer.builder(aes).engines(provider()).clock(CLOCK).build());
        assertTrue(e.getMessage().contains("acceptAesGcmLimit()") && e.getMessage().contains("2^32"), e.getMessage());
        String sealed = sealer(aes).seal("user=42", SESSION);
        // Rotated to the default: the old AES-256-GCM key only opens, and needs no acceptance.
        CookieSealer rotated = CookieSealer.builder(aes.rotate(SealingAlgorithm.XAES_256_GCM).keySet()).engines(provider()).clock(CLOCK).build();
        assertEquals("user=42", rotated.open(sealed, SESSION).text());
        assertEquals(SealingAlgorithm.XAES_256_GCM, rotated.keys().primary().algorithm());
    }

    @Test
    void sealsTextAsUtf8() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        String text = "caf\u00e9 \u2615 user=42";
        assertEquals(text, sealer.open(sealer.seal(text, SESSION), SESSION).text());
    }

    @Test
    void drawsAFreshNonceForEverySeal() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(sealer.seal("same value", SESSION)));
        }
    }

    /**
     * XAES values sealed by one sealer share their nonce's first 12 bytes, whichever thread seals
     * them (docs/format.md §1.3), and engines cache the keys derived from them: values from several
     * sealers (servers), opened interleaved by another, must each open under its own derived key,
     * and a value whose prefix is changed must not open under a cached key.
     */
    @Test
    void opensXaesValuesFromManyNoncePrefixesInterleaved() throws Exception {
        assumeTrue(spi().algorithms().contains(SealingAlgorithm.XAES_256_GCM));
        SealingKeySet keys = SealingKeySet.generate(SealingAlgorithm.XAES_256_GCM);
        CookieSealer sealer = sealer(keys);
        List<String> values = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            CookieSealer server = sealer(keys); // a sealer of its own draws a prefix of its own
            values.add(server.seal("thread " + id + " first", SESSION));
            // another thread of the same sealer: the same prefix
            java.util.concurrent.FutureTask<String> task = new java.util.concurrent.FutureTask<>(() ->
                    server.seal("thread " + id + " second", SESSION));
            Thread thread = new Thread(task);
            thread.start();
            values.add(task.get());
        }
        byte[][] prefixes = new byte[values.size()][];
        for (int i = 0; i < values.size(); i++) {
            byte[] raw = Base64Url.decode(values.get(i));
            prefixes[i] = Arrays.copyOfRange(raw, SealedFormat.HEADER_BYTES, SealedFormat.HEADER_BYTES + 12);
        }
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(prefixes[2 * t], prefixes[2 * t + 1], "values sealed by one sealer share a prefix");
            assertFalse(Arrays.equals(prefixes[2 * t], prefixes[(2 * t + 2) % 6]), "sealers draw their own prefixes");
        }
        int[] order = {0, 2, 1, 4, 3, 0, 5, 2, 4, 1};
        for (int i : order) {
            assertEquals("thread " + (i / 2) + (i % 2 == 0 ? " first" : " second"), sealer.open(values.get(i), SESSION).text());
        }
        // The prefix of value 0 with the rest of value 2: the cache holds value 2's derived key (just
        // opened), yet this must be derived from its own prefix, and so fail.
        byte[] mixed = Base64Url.decode(values.get(2));
        System.arraycopy(prefixes[0], 0, mixed, SealedFormat.HEADER_BYTES, 12);
        sealer.open(values.get(2), SESSION);
        assertThrows(InvalidSealedValueException.class, () -> sealer.open(Base64Url.encode(mixed), SESSION));
    }

    static Stream<Arguments> formatVectors() {
        return TestJson.list(TestJson.resource("/vectors/wafer/sealed_v1.json"), "vectors").stream()
                .map(v -> Arguments.of(v.get("title"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatVectors")
    void reproducesTheFormatVectorsByteForByte(String title, Map<String, Object> v) {
        SealingAlgorithm alg = SealingAlgorithm.fromJwkName((String) v.get("algorithm")).orElseThrow();
        SealingKey key = SealingKey.of(alg, (String) v.get("kid"), TestJson.hex(v.get("key")));
        if (!supports(alg)) {
            // A capability the provider lacks is an expected rejection, never a skip or a substitute:
            // vector 7 (AES-256-GCM-SIV) on a provider without GCM-SIV, for example.
            assertThrows(UnsupportedAlgorithmException.class,
                    () -> CookieSealer.builder(SealingKeySet.of(key)).engines(provider()).acceptAesGcmLimit().build());
            return;
        }
        long expiresAt = (Long) v.get("expiresAt");
        SealContext context = SealContext.of((String) v.get("cookieName"), (String) v.get("purpose"));
        byte[] plaintext = TestJson.hex(v.get("plaintext"));
        String sealed = (String) v.get("sealed");
        try {
            String ours = SealedFormat.seal(spi().newAeadEngine(alg, TestJson.hex(v.get("key"))), Integer.parseUnsignedInt(key.keyId(), 16), expiresAt,
                    SealedFormat.context(context.cookieName(), context.purpose()), TestJson.hex(v.get("nonce")), plaintext);
            assertEquals(sealed, ours);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.of(key)).engines(provider()).acceptAesGcmLimit()
                .clock(Clock.fixed(Instant.ofEpochSecond(expiresAt - 1), ZoneOffset.UTC)).build();
        assertArrayEquals(plaintext, sealer.open(sealed, context).bytes());
        assertThrows(ExpiredValueException.class, () -> CookieSealer.builder(SealingKeySet.of(key)).engines(provider()).acceptAesGcmLimit()
                .clock(Clock.fixed(Instant.ofEpochSecond(expiresAt), ZoneOffset.UTC)).build().open(sealed, context));
    }

    @Test
    void rejectsEverySingleBitFlipOfTheValue() {
        for (SealingAlgorithm alg : List.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM, SealingAlgorithm.AES_256_GCM_SIV)) {
            if (!supports(alg)) {
                continue;
            }
            CookieSealer sealer = sealer(SealingKeySet.generate(alg));
            String sealed = sealer.seal("user=42", SESSION, Duration.ofMinutes(5));
            byte[] raw = Base64Url.decode(sealed);
            for (int bit = 0; bit < raw.length * 8; bit++) {
                byte[] flipped = raw.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String tampered = Base64Url.encode(flipped);
                int b = bit;
                assertThrows(InvalidSealedValueException.class, () -> sealer.open(tampered, SESSION),
                        () -> alg + ": bit " + b + " flipped was accepted");
            }
        }
    }

    @Test
    void rejectsEverySingleBitFlipOfTheText() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        String sealed = sealer.seal("user=42", SESSION, Duration.ofMinutes(5));
        for (int i = 0; i < sealed.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                char[] chars = sealed.toCharArray();
                chars[i] ^= (char) (1 << bit);
                String tampered = new String(chars);
                int at = i;
                assertThrows(InvalidSealedValueException.class, () -> sealer.open(tampered, SESSION),
                        () -> "character " + at + " changed was accepted");
            }
        }
    }

    @Test
    void rejectsEveryTruncationAndExtension() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        String sealed = sealer.seal("user=42", SESSION, Duration.ofMinutes(5));
        for (int n = 0; n < sealed.length(); n++) {
            String prefix = sealed.substring(0, n);
            String suffix = sealed.substring(sealed.length() - n);
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(prefix, SESSION));
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(suffix, SESSION));
        }
        for (String extra : List.of("A", "AA", "AAA", "AAAA", "=", "==", ".", " ")) {
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed + extra, SESSION));
        }
    }

    @Test
    void rejectsAnotherContextAlikeWithOneMessage() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        String sealed = sealer.seal("user=42", SealContext.of("session", "login"));
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.charAt(sealed.length() - 2) == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        String wrongContextMessage = assertThrows(InvalidSealedValueException.class,
                () -> sealer.open(sealed, SealContext.of("session"))).getMessage();
        for (SealContext other : List.of(SealContext.of("session", "logi"), SealContext.of("sessio", "nlogin"),
                SealContext.of("login", "session"), SealContext.of("Session", "login"))) {
            assertEquals(wrongContextMessage, assertThrows(InvalidSealedValueException.class,
                    () -> sealer.open(sealed, other)).getMessage());
        }
        // Tampering and a wrong key read exactly like a wrong context: no oracle.
        assertEquals(wrongContextMessage, assertThrows(InvalidSealedValueException.class,
                () -> sealer.open(tampered, SealContext.of("session", "login"))).getMessage());
        CookieSealer stranger = sealer(SealingKeySet.of(SealingKey.of(SealingAlgorithm.XAES_256_GCM,
                sealer.keys().primary().keyId(), new byte[32])));
        assertEquals(wrongContextMessage, assertThrows(InvalidSealedValueException.class,
                () -> stranger.open(sealed, SealContext.of("session", "login"))).getMessage());
    }

    @Test
    void rejectsAnUnknownKeyIdLikeAWrongKey() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        CookieSealer other = sealer(SealingKeySet.generate());
        String sealed = other.seal("user=42", SESSION);
        InvalidSealedValueException e = assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed, SESSION));
        assertEquals("sealed value is not authentic for this key set and context", e.getMessage());
    }

    @Test
    void rejectsAnExpiredValueBeforeDecryptingIt() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        String sealed = sealer.seal("user=42", SESSION, Duration.ofSeconds(10));
        CookieSealer later = CookieSealer.builder(sealer.keys()).engines(provider()).clock(Clock.offset(CLOCK, Duration.ofSeconds(10))).build();
        ExpiredValueException e = assertThrows(ExpiredValueException.class, () -> later.open(sealed, SESSION));
        assertEquals(NOW.plusSeconds(10), e.expiresAt());
        // Expiry is read before the key: a value under an unknown key that claims to be expired is expired.
        byte[] raw = Base64Url.decode(sealed);
        raw[1] ^= 0x55;
        assertThrows(ExpiredValueException.class, () -> later.open(Base64Url.encode(raw), SESSION));
        assertEquals("user=42", CookieSealer.builder(sealer.keys()).engines(provider()).clock(Clock.offset(CLOCK, Duration.ofSeconds(9)))
                .build().open(sealed, SESSION).text());
    }

    @Test
    void rejectsOversizedInputBeforeDecodingIt() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        char[] big = new char[CookieSealer.DEFAULT_MAX_COOKIE_BYTES + 1];
        Arrays.fill(big, 'A');
        InvalidSealedValueException e = assertThrows(InvalidSealedValueException.class,
                () -> sealer.open(new String(big), SESSION));
        assertTrue(e.getMessage().contains("longer than"));
        assertThrows(ValueTooLargeException.class, () -> sealer.seal(new byte[4000], SESSION));
    }

    @Test
    void rejectsPaddingAndNonCanonicalEncodings() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        String sealed = sealer.seal("user=42", SESSION);
        assertEquals(sealed, Base64Url.encode(Base64Url.decode(sealed)));
        String padded = sealed + "=".repeat((4 - sealed.length() % 4) % 4);
        if (!padded.equals(sealed)) {
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(padded, SESSION));
        }
        String standardAlphabet = sealed.replace('-', '+').replace('_', '/');
        if (!standardAlphabet.equals(sealed)) {
            assertThrows(InvalidSealedValueException.class, () -> sealer.open(standardAlphabet, SESSION));
        }
        assertThrows(InvalidSealedValueException.class, () -> sealer.open("\u00e9" + sealed.substring(1), SESSION));
    }

    @Test
    void rejectsAnotherFormatVersion() {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        byte[] raw = Base64Url.decode(sealer.seal("user=42", SESSION));
        for (int version : new int[] {0, 2, 0x81, 0xff}) {
            raw[0] = (byte) version;
            String other = Base64Url.encode(raw);
            InvalidSealedValueException e = assertThrows(InvalidSealedValueException.class, () -> sealer.open(other, SESSION));
            assertTrue(e.getMessage().contains("version"));
        }
    }

    @Test
    void keepsOpeningAfterRotationAndAsksToReseal() {
        SealingKeySet ring = SealingKeySet.generate();
        CookieSealer before = sealer(ring);
        String old = before.seal("user=42", SESSION);
        CookieSealer after = before.withKeys(ring.rotate().keySet());
        OpenedValue opened = after.open(old, SESSION);
        assertEquals("user=42", opened.text());
        assertTrue(opened.shouldReseal(), "sealed under a key that is no longer primary");
        String fresh = after.seal(opened.bytes(), SESSION);
        assertNotEquals(ring.primary().keyId(), after.open(fresh, SESSION).keyId());
        assertFalse(after.open(fresh, SESSION).shouldReseal());
        CookieSealer retired = after.withKeys(after.keys().remove(ring.primary().keyId()));
        assertThrows(InvalidSealedValueException.class, () -> retired.open(old, SESSION));
        assertEquals("user=42", retired.open(fresh, SESSION).text());
    }

    @Test
    void opensNothingUnderARetiredKeyOrAKeyPastItsNotAfterTime() {
        SealingKeySet ring = SealingKeySet.generate();
        String old = sealer(ring).seal("user=42", SESSION, Duration.ofMinutes(30));
        SealingKeySet rotated = ring.rotate().keySet();
        assertEquals("user=42", sealer(rotated).open(old, SESSION).text());
        CookieSealer retired = sealer(rotated.retire(ring.primary().keyId()));
        assertEquals("sealed value is not authentic for this key set and context",
                assertThrows(InvalidSealedValueException.class, () -> retired.open(old, SESSION)).getMessage());
        SealingKeySet ending = rotated.withNotAfter(ring.primary().keyId(), NOW.plusSeconds(60));
        assertEquals("user=42", sealer(ending).open(old, SESSION).text());
        CookieSealer after = CookieSealer.builder(ending).engines(provider()).clock(Clock.offset(CLOCK, Duration.ofSeconds(60))).build();
        assertThrows(InvalidSealedValueException.class, () -> after.open(old, SESSION));
        String pendingRingValue = sealer(ring.addPending(SealingAlgorithm.XAES_256_GCM).keySet()).seal("x", SESSION);
        assertEquals(ring.primary().keyId(), sealer(ring).open(pendingRingValue, SESSION).keyId(),
                "a pending key does not seal");
    }

    @Test
    void asksToResealInsideTheRefreshWindow() {
        SealingKeySet ring = SealingKeySet.generate();
        String sealed = sealer(ring).seal("user=42", SESSION, Duration.ofMinutes(30));
        CookieSealer rolling = CookieSealer.builder(ring).engines(provider()).refreshWhenRemaining(Duration.ofMinutes(10))
                .clock(Clock.offset(CLOCK, Duration.ofMinutes(19))).build();
        assertFalse(rolling.open(sealed, SESSION).shouldReseal());
        CookieSealer later = CookieSealer.builder(ring).engines(provider()).refreshWhenRemaining(Duration.ofMinutes(10))
                .clock(Clock.offset(CLOCK, Duration.ofMinutes(21))).build();
        assertTrue(later.open(sealed, SESSION).shouldReseal());
    }

    @Test
    void opensValuesFromManyThreadsAtOnce() throws Exception {
        CookieSealer sealer = sealer(SealingKeySet.generate());
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String v = "thread " + id + " value " + i;
                        if (!v.equals(sealer.open(sealer.seal(v, SESSION), SESSION).text())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverPutsKeyBytesInToStringsOrMessages() {
        SealingKeySet ring = SealingKeySet.generate().rotate(SealingAlgorithm.AES_256_GCM).keySet();
        CookieSealer sealer = sealer(ring);
        String jwks = ring.toJwkSet();
        for (SealingKey k : ring.keys()) {
            byte[] bytes = keyBytesFromJwks(jwks, k.keyId());
            Secrets.assertNotIn(bytes, k.toString(), ring.toString(), sealer.toString());
            Secrets.assertNotIn(bytes, sealer.open(sealer.seal("x", SESSION), SESSION).toString());
            for (Throwable t : List.of(
                    assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealer.seal("x", SESSION), SealContext.of("y"))),
                    assertThrows(InvalidSealedValueException.class, () -> sealer.open("AAAA", SESSION)))) {
                Secrets.assertNotIn(bytes, String.valueOf(t.getMessage()), t.toString());
            }
        }
    }

    private static byte[] keyBytesFromJwks(String jwks, String kid) {
        int at = jwks.indexOf("\"kid\":\"" + kid + "\"");
        int k = jwks.indexOf("\"k\":\"", at) + 5;
        return Base64Url.decode(jwks.substring(k, jwks.indexOf('"', k)));
    }

    @Test
    void sealsWithinTheDocumentedOverhead() {
        assumeTrue(supports(SealingAlgorithm.AES_256_GCM));
        CookieSealer sealer = sealer(SealingKeySet.generate(SealingAlgorithm.AES_256_GCM));
        String sealed = sealer.seal(new byte[0], SESSION);
        assertEquals(41, Base64Url.decode(sealed).length, "AES-256-GCM overhead is 41 bytes (docs/format.md)");
        assertEquals(55, sealed.length());
        assertEquals(SealedFormat.MIN_SEALED_CHARS, sealed.length());
        assertEquals("sealed value is too short", assertThrows(InvalidSealedValueException.class,
                () -> sealer.open(sealed.substring(1), SESSION)).getMessage());
        assertTrue(new String(Base64Url.decode(sealed), StandardCharsets.ISO_8859_1).length() == 41);
    }
}
