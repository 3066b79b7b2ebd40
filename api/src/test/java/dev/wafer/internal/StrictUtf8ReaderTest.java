package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict UTF-8 reader under {@link Json#parseObject(byte[])}, at every buffer size. */
class StrictUtf8ReaderTest {
    private static final String TEXT = "{\"sub\":\"a\u00e9\u20ac\uD83D\uDE00b\uD83D\uDE00\"}";

    private static String readAll(byte[] utf8, int chunk) throws IOException {
        Reader r = new Json.StrictUtf8Reader(utf8);
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[chunk + 2];
        int n;
        while ((n = r.read(buf, 1, chunk)) != -1) {
            if (n <= 0 || n > chunk) {
                throw new AssertionError("read returned " + n + " for a request of " + chunk);
            }
            sb.append(buf, 1, n);
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 4000})
    void decodesEveryCodePointWhateverTheCallersBufferSize(int chunk) throws IOException {
        // chunk 1 splits each surrogate pair across two reads
        assertEquals(TEXT, readAll(TEXT.getBytes(StandardCharsets.UTF_8), chunk));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "C080",     // overlong NUL
        "E08080",   // overlong three-byte form
        "EDA080",   // an encoded surrogate (CESU-8)
        "F09F",     // truncated four-byte sequence at the end
        "80",       // a lone continuation byte
        "F4908080", // above U+10FFFF
        "FF"})
    void rejectsMalformedUtf8AtEveryBufferSize(String hex) {
        byte[] bad = HexFormat.of().parseHex("7B2261223A22" + hex + "227D"); // {"a":"<bad>"}
        for (int chunk : new int[] {1, 2, 4000}) {
            assertThrows(CharacterCodingException.class, () -> readAll(bad, chunk), hex + " in chunks of " + chunk);
        }
    }
}
