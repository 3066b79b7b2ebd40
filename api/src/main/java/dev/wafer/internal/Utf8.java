package dev.wafer.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: text that is not valid Unicode (an unpaired surrogate) or bytes that are not valid
 * UTF-8 are refused, never replaced by {@code '?'} or U+FFFD as {@code String.getBytes} and
 * {@code new String} do, so that two different inputs can never become the same bytes.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Encodes text as UTF-8.
     *
     * @param text the text
     * @return its UTF-8 bytes
     * @throws IllegalArgumentException if the text holds an unpaired surrogate
     */
    public static byte[] encode(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid Unicode (it holds an unpaired surrogate)");
        }
    }

    /**
     * Decodes UTF-8.
     *
     * @param utf8 the bytes
     * @return the text
     * @throws IllegalArgumentException if the bytes are not valid UTF-8
     */
    public static String decode(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid UTF-8");
        }
    }

    /**
     * The length of a text in UTF-8, without encoding it; an unpaired surrogate counts as the one
     * byte {@link String#getBytes(java.nio.charset.Charset)} puts in its place.
     *
     * @param text the text
     * @return its length in UTF-8 bytes
     */
    public static long encodedLength(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
