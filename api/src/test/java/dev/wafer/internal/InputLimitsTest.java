package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.conformance.Allocations;
import dev.wafer.conformance.CountingCharSequence;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds on what a client can send, and that rejecting an input beyond them costs the same
 * whatever its size: the sealed-value length, strict base64url, and JSON depth, value count and
 * document length. Measured as characters read and bytes allocated, never as time.
 */
class InputLimitsTest {
    private static final byte[] CONTEXT = SealedFormat.context("session", "");
    private static final long NOW = 1_795_000_000L;

    private static void open(CharSequence sealed, int maxChars) {
        SealedFormat.open(sealed, maxChars, CONTEXT, NOW, kid -> null);
    }

    @Test
    void measuresAllocationsAtAll() {
        // The scaling tests below compare allocations; this one shows that the measure sees them.
        long oneMb = Allocations.perRun(() -> Base64Url.decode(new CountingCharSequence(1 << 20, 'A')), 20);
        assertTrue(oneMb >= (1 << 20), oneMb + " B to decode 1 MiB of text");
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {4097, 5 * 1024, 64 * 1024, 1 << 20, 16 << 20})
    void rejectsAnOversizedSealedValueWithoutReadingOneCharacter(int length) {
        CountingCharSequence text = new CountingCharSequence(length, 'A');
        InvalidSealedValueException e = assertThrows(InvalidSealedValueException.class,
                () -> open(text, CookieSealer.DEFAULT_MAX_COOKIE_BYTES));
        assertEquals("sealed value is longer than 4096 characters", e.getMessage());
        assertEquals(0, text.reads(), "the length alone decides");
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {0, 1, 54})
    void rejectsATooShortSealedValueWithoutReadingOneCharacter(int length) {
        CountingCharSequence text = new CountingCharSequence(length, 'A');
        assertThrows(InvalidSealedValueException.class, () -> open(text, CookieSealer.DEFAULT_MAX_COOKIE_BYTES));
        assertEquals(0, text.reads());
    }

    @Test
    void readsEachCharacterOfAnAcceptableLengthAtMostOnce() {
        // 4096 characters of '!' (outside the alphabet) and of 'A' (an unknown key id, expiry 0):
        // the reader may look at every character, but only once, so the work is bounded by the limit.
        for (char fill : new char[] {'!', 'A', '='}) {
            CountingCharSequence text = new CountingCharSequence(CookieSealer.DEFAULT_MAX_COOKIE_BYTES, fill);
            assertThrows(InvalidSealedValueException.class, () -> open(text, CookieSealer.DEFAULT_MAX_COOKIE_BYTES));
            assertTrue(text.reads() <= CookieSealer.DEFAULT_MAX_COOKIE_BYTES + 1, fill + ": " + text.reads() + " reads");
        }
    }

    @Test
    void rejectingAMegabyteSealedValueAllocatesNoMoreThanRejectingFiveKilobytes() {
        String fiveKb = "A".repeat(5 * 1024);
        String oneMb = "A".repeat(1 << 20);
        long small = Allocations.perRun(() -> open(fiveKb, CookieSealer.DEFAULT_MAX_COOKIE_BYTES), 2000);
        long large = Allocations.perRun(() -> open(oneMb, CookieSealer.DEFAULT_MAX_COOKIE_BYTES), 2000);
        assertTrue(large <= small + 256, "1 MB: " + large + " B per rejection, 5 KB: " + small + " B");
        assertTrue(large < 16 * 1024, "1 MB: " + large + " B per rejection");
    }

    @Test
    void decodesStrictBase64UrlReadingEachCharacterOnce() {
        CountingCharSequence text = new CountingCharSequence(4096, 'A');
        assertEquals(3072, Base64Url.decode(text).length);
        assertEquals(4096, text.reads());
    }

    // ---- JSON -----------------------------------------------------------------------------------

    private static Map<String, Object> parse(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An object whose member "a" nests arrays so that the document is {@code depth} levels deep. */
    private static String nested(int depth) {
        return "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    /** An object with {@code members} members, each a number. */
    private static String wide(int members) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < members; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(Integer.toString(i, 36)).append("\":0");
        }
        return b.append('}').toString();
    }

    /** An object with one member holding an array of {@code elements} zeros. */
    private static String long_(int elements) {
        return "{\"a\":[" + "0,".repeat(Math.max(0, elements - 1)) + (elements > 0 ? "0" : "") + "]}";
    }

    @Test
    void acceptsExactlySixteenLevelsOfNesting() {
        assertEquals(16, Json.MAX_DEPTH);
        parse(nested(16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(nested(17)));
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    }

    @Test
    void acceptsExactlyOneThousandAndTwentyFourValues() {
        assertEquals(1024, Json.MAX_VALUES);
        assertEquals(1024, parse(wide(1024)).size());
        assertThrows(IllegalArgumentException.class, () -> parse(wide(1025)));
        // members and elements count alike, at every depth: one member plus 1023 elements
        parse(long_(1023));
        assertEquals("JSON document has too many values (more than 1024)",
                assertThrows(IllegalArgumentException.class, () -> parse(long_(1024))).getMessage());
    }

    @Test
    void rejectsADocumentLongerThanSixtyFourKibibytesBeforeParsingIt() {
        byte[] limit = new byte[Json.MAX_DOCUMENT_BYTES + 1];
        java.util.Arrays.fill(limit, (byte) ' ');
        assertEquals("JSON document is longer than 65536 bytes",
                assertThrows(IllegalArgumentException.class, () -> Json.parseObject(limit)).getMessage());
    }

    @Test
    void rejectingDeepNestingCostsTheSameAtAnyDepth() {
        byte[] shallow = nested(17).getBytes(StandardCharsets.US_ASCII);
        byte[] deep = nested(30_000).getBytes(StandardCharsets.US_ASCII); // 60 kB, under the document limit
        long small = Allocations.perRun(() -> Json.parseObject(shallow), 2000);
        long large = Allocations.perRun(() -> Json.parseObject(deep), 2000);
        assertTrue(large <= small + 512, "30000 levels: " + large + " B, 17 levels: " + small + " B");
    }

    @Test
    void rejectingTooManyValuesCostsTheSameForAnyCount() {
        byte[] justOver = long_(1024).getBytes(StandardCharsets.US_ASCII);
        byte[] far = long_(30_000).getBytes(StandardCharsets.US_ASCII); // 60 kB
        long small = Allocations.perRun(() -> Json.parseObject(justOver), 500);
        long large = Allocations.perRun(() -> Json.parseObject(far), 500);
        assertTrue(large <= small + 512, "30000 values: " + large + " B, 1024 values: " + small + " B");
    }
}
