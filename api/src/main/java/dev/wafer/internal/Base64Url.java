package dev.wafer.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Strict, unpadded base64url (RFC 4648 §5, as RFC 7515 §2 uses it), on {@link java.util.Base64}.
 *
 * <p>The JDK decoder accepts padding and non-canonical trailing bits; Wafer does not, so that each
 * value has exactly one encoding and a flipped bit in the last character is never ignored.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Last characters whose unused low bits are zero, for a final group of 2 or 3 characters. */
    private static final String CANONICAL_LAST_OF_2 = "AQgw";
    private static final String CANONICAL_LAST_OF_3 = "AEIMQUYcgkosw048";

    private Base64Url() {
    }

    /**
     * Encodes without padding.
     *
     * @param bytes the bytes
     * @return the base64url text
     */
    public static String encode(byte[] bytes) {
        return new String(ENCODER.encode(bytes), StandardCharsets.ISO_8859_1);
    }

    /**
     * Encodes without padding into ASCII bytes.
     *
     * @param bytes the bytes
     * @return the base64url text as ASCII bytes
     */
    public static byte[] encodeToAscii(byte[] bytes) {
        return ENCODER.encode(bytes);
    }

    /**
     * The length of the unpadded encoding of {@code n} bytes.
     *
     * @param n a byte count
     * @return the character count
     */
    public static int encodedLength(int n) {
        return (n / 3) * 4 + ((n % 3) == 0 ? 0 : (n % 3) + 1);
    }

    /**
     * Decodes strictly: only the base64url alphabet, no padding, no impossible length, no non-zero
     * trailing bits.
     *
     * @param text the text
     * @return the decoded bytes
     * @throws IllegalArgumentException if the text is not canonical unpadded base64url; the message
     *     does not repeat the text
     */
    public static byte[] decode(CharSequence text) {
        return decode(text, 0, text.length());
    }

    /**
     * Decodes {@code text[start, end)} strictly, as {@link #decode(CharSequence)}.
     *
     * @param text the text
     * @param start first character
     * @param end one past the last character
     * @return the decoded bytes
     * @throws IllegalArgumentException if the range is not canonical unpadded base64url
     */
    public static byte[] decode(CharSequence text, int start, int end) {
        int len = end - start;
        int rem = len & 3;
        if (rem == 1) {
            throw new IllegalArgumentException("base64url text has an impossible length");
        }
        if (len == 0) {
            return new byte[0];
        }
        String chunk = text.subSequence(start, end).toString();
        // The JDK decoder accepts '=' padding; Wafer does not, anywhere. It accepts '=' only as the
        // text's last one or two characters (a '=' anywhere else is followed by more text, which it
        // refuses), so a text that does not end in '=' holds none it would accept: no scan needed.
        if (chunk.charAt(len - 1) == '=') {
            throw new IllegalArgumentException("base64url text contains a character outside the alphabet");
        }
        if (rem != 0) {
            char last = chunk.charAt(len - 1);
            String canonical = rem == 2 ? CANONICAL_LAST_OF_2 : CANONICAL_LAST_OF_3;
            if (canonical.indexOf(last) < 0 && isAlphabet(last)) {
                throw new IllegalArgumentException("base64url text has non-zero trailing bits");
            }
        }
        // ISO-8859-1 turns characters above 0xff into '?', and the decoder refuses '?' and every
        // byte of 0x80 and above: nothing outside the alphabet gets through.
        byte[] ascii = chunk.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return DECODER.decode(ascii);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base64url text contains a character outside the alphabet");
        }
    }

    private static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
