package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.SealingAlgorithm;
import dev.wafer.spi.AeadEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bounds and messages of the formats, exactly at each bound: the expiry a sealed value may
 * carry, the JSON document length and nesting, the shape of a compact JWS. Mutation testing
 * (docs/mutation-testing.md) showed which of them no test pinned down. The AEAD engine here is a
 * stand-in that copies bytes: only the format's own checks are under test.
 */
class FormatBoundariesTest {
    private static final byte[] CONTEXT = SealedFormat.context("session", "");

    /** Copies plaintext and appends a zero tag; "opens" anything: no cryptography, format checks only. */
    private static final AeadEngine COPY = new AeadEngine() {
        @Override
        public SealingAlgorithm algorithm() {
            return SealingAlgorithm.AES_256_GCM;
        }

        @Override
        public void seal(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
                         byte[] out, int outOff) {
            System.arraycopy(in, inOff, out, outOff, inLen);
            Arrays.fill(out, outOff + inLen, outOff + inLen + 16, (byte) 0);
        }

        @Override
        public void open(byte[] nonce, int nonceOff, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int inLen,
                         byte[] out, int outOff) {
            System.arraycopy(in, inOff, out, outOff, inLen - 16);
        }
    };

    private static String seal(long expiresAt) {
        return SealedFormat.seal(COPY, 7, expiresAt, CONTEXT, new byte[12], "v".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sealsAnyExpiryFrom1970To9999() {
        seal(0);
        String last = seal(SealedFormat.MAX_EXPIRES_AT);
        assertThrows(IllegalArgumentException.class, () -> seal(-1));
        assertThrows(IllegalArgumentException.class, () -> seal(SealedFormat.MAX_EXPIRES_AT + 1));
        SealedFormat.Opened o = SealedFormat.open(last, 4096, CONTEXT, 0, kid -> kid == 7 ? COPY : null);
        assertEquals(SealedFormat.MAX_EXPIRES_AT, o.expiresAtEpochSecond());
        assertEquals("v", new String(o.plaintext(), StandardCharsets.UTF_8));
        assertEquals(7, o.keyId());
    }

    @Test
    void refusesToOpenAnImpossibleExpiry() {
        byte[] raw = Base64Url.decode(seal(SealedFormat.MAX_EXPIRES_AT));
        raw[12]++; // MAX_EXPIRES_AT + 1
        assertEquals("sealed value has an impossible expiry", assertThrows(InvalidSealedValueException.class,
                () -> SealedFormat.open(Base64Url.encode(raw), 4096, CONTEXT, 0, kid -> COPY)).getMessage());
        raw[5] = (byte) 0x80; // negative
        assertEquals("sealed value has an impossible expiry", assertThrows(InvalidSealedValueException.class,
                () -> SealedFormat.open(Base64Url.encode(raw), 4096, CONTEXT, 0, kid -> COPY)).getMessage());
    }

    @Test
    void anExpiryOfZeroIsExpiredNotImpossible() {
        String sealed = seal(0);
        assertThrows(dev.wafer.ExpiredValueException.class, () -> SealedFormat.open(sealed, 4096, CONTEXT, 0, kid -> COPY));
    }

    @Test
    void opensUntilTheSecondBeforeExpiry() {
        String sealed = seal(1000);
        SealedFormat.open(sealed, 4096, CONTEXT, 999, kid -> COPY);
        assertThrows(dev.wafer.ExpiredValueException.class, () -> SealedFormat.open(sealed, 4096, CONTEXT, 1000, kid -> COPY));
    }

    @Test
    void acceptsAValueOfExactlyTheMaximumLength() {
        String sealed = seal(1000);
        SealedFormat.open(sealed, sealed.length(), CONTEXT, 0, kid -> COPY);
        assertThrows(InvalidSealedValueException.class, () -> SealedFormat.open(sealed, sealed.length() - 1, CONTEXT, 0, kid -> COPY));
    }

    // ---- JSON -----------------------------------------------------------------------------------

    @Test
    void readsADocumentOfExactlySixtyFourKibibytes() {
        String prefix = "{\"a\":\"";
        String suffix = "\"}";
        String doc = prefix + "x".repeat(Json.MAX_DOCUMENT_BYTES - prefix.length() - suffix.length()) + suffix;
        assertEquals(Json.MAX_DOCUMENT_BYTES, doc.length());
        Json.parseObject(doc.getBytes(StandardCharsets.US_ASCII));
        byte[] over = (doc.substring(0, doc.length() - 2) + "x\"}").getBytes(StandardCharsets.US_ASCII);
        assertEquals("JSON document is longer than 65536 bytes",
                assertThrows(IllegalArgumentException.class, () -> Json.parseObject(over)).getMessage());
    }

    @Test
    void namesWhatIsWrongWithoutQuotingTheInput() {
        assertEquals("JSON document is not valid UTF-8", assertThrows(IllegalArgumentException.class,
                () -> Json.parseObject(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'})).getMessage());
        assertEquals("malformed JSON: duplicate member", assertThrows(IllegalArgumentException.class,
                () -> Json.parseObject("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII))).getMessage());
        String unexpected = assertThrows(IllegalArgumentException.class,
                () -> Json.parseObject("{\"secret-value\" 1}".getBytes(StandardCharsets.US_ASCII))).getMessage();
        assertTrue(unexpected.startsWith("malformed JSON: Unexpected character ("), unexpected);
        assertTrue(!unexpected.contains("secret-value") && unexpected.length() <= "malformed JSON: ".length() + 80, unexpected);
        assertEquals("JSON document is not an object", assertThrows(IllegalArgumentException.class,
                () -> Json.parseObject("[]".getBytes(StandardCharsets.US_ASCII))).getMessage());
        assertEquals("JSON document has content after its object", assertThrows(IllegalArgumentException.class,
                () -> Json.parseObject("{} {}".getBytes(StandardCharsets.US_ASCII))).getMessage());
    }

    @Test
    void writesSixteenLevelsAndNoMore() {
        Object deep = "x";
        for (int i = 0; i < Json.MAX_DEPTH - 1; i++) {
            deep = List.of(deep);
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("a", deep);
        byte[] written = Json.writeObject(ok);
        Json.parseObject(written);
        ok.put("a", List.of(deep));
        assertThrows(IllegalArgumentException.class, () -> Json.writeObject(ok));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("n", null);
        withNull.put("d", new java.math.BigDecimal("1.25"));
        assertEquals("{\"n\":null,\"d\":1.25}", new String(Json.writeObject(withNull), StandardCharsets.UTF_8));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < Json.MAX_VALUES - 1; i++) {
            many.add(i);
        }
        Json.parseObject(Json.writeObject(Map.of("a", many)));
    }

    // ---- JWS shape ------------------------------------------------------------------------------

    private static String rejection(String token) {
        return assertThrows(InvalidTokenException.class, () -> Jws.verify(token, 8192, null, kid -> null)).getMessage();
    }

    @Test
    void namesAShapeThatIsNotThreeNonEmptyParts() {
        String shape = "token is not a JWS compact serialization (three non-empty base64url parts)";
        for (String bad : List.of(".e30.c2ln", "e30..c2ln", "e30.e30.", "e30.e30", "e30", "e30.e30.c2ln.x", ".", "..", "...")) {
            assertEquals(shape, rejection(bad), bad);
        }
        assertEquals("token is longer than 8 characters", assertThrows(InvalidTokenException.class,
                () -> Jws.verify("e30.e30.c2ln", 8, null, kid -> null)).getMessage());
    }

    @Test
    void namesAMissingOrUnknownKeyId() {
        String noKid = Base64Url.encode("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
        assertEquals("token has no kid and the key set has several keys", rejection(noKid));
        String unknown = Base64Url.encode("{\"alg\":\"EdDSA\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
        assertEquals("token names an unknown key id", rejection(unknown));
    }
}
