package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON is read as UTF-8 only (RFC 8259 §8.1; RFC 7515 §2 encodes a JWS header as UTF-8), and a
 * document in any other encoding is an {@link IllegalArgumentException}, like any malformed JSON.
 *
 * <p>Regression for finding 1 of issue 5 (docs/fuzzing.md): jackson-core guesses UTF-16 and UTF-32
 * from leading zero bytes, and its UTF-32 reader fails with {@code java.io.CharConversionException},
 * which {@link Json#parseObject(byte[])} rethrew as {@code java.io.UncheckedIOException}: eight bytes
 * of unauthenticated token header escaped {@code TokenVerifier.verify} untyped.
 */
class JsonEncodingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0000007b7fffffff",         // UTF-32BE "{" then a code point above U+10FFFF
        "7b000000ffffff7f",         // the same, UTF-32LE
        "0000007b0000",             // UTF-32BE cut inside a character
        "0000007b",                 // UTF-32BE "{" alone
    })
    void rejectsUtf32WithIllegalArgumentException(String hex) {
        byte[] doc = HexFormat.of().parseHex(hex);
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(doc));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "007b007d",         // UTF-16BE {}
        "7b007d00",         // UTF-16LE {}
        "feff007b007d",     // UTF-16BE with a byte-order mark
        "0000007b0000007d", // UTF-32BE {}
        "0000feff0000007b0000007d", // UTF-32BE with a byte-order mark
    })
    void readsNoEncodingButUtf8(String hex) {
        // (A UTF-8 byte-order mark may be ignored: RFC 8259 §8.1 allows parsers to.)
        byte[] doc = HexFormat.of().parseHex(hex);
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(doc));
    }
}
