package dev.wafer.provider.jca;

import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Changes to a sealed value or a token, as an attacker or a broken proxy would make them. */
final class Mutations {
    private Mutations() {
    }

    enum Kind {
        /** Flip one bit of the decoded bytes (of one part, for a token), re-encoded canonically. */
        FLIP_BIT,
        /** Insert one byte into the decoded bytes, re-encoded. */
        INSERT_BYTE,
        /** Delete one decoded byte, re-encoded. */
        DELETE_BYTE,
        /** Swap two different decoded bytes, re-encoded. */
        SWAP_BYTES,
        /** Keep a strict prefix of the text. */
        TRUNCATE,
        /** Replace one character with any other character. */
        SUBSTITUTE_CHAR,
        /** Insert any character anywhere. */
        INSERT_CHAR,
        /** Delete one character. */
        DELETE_CHAR
    }

    /** One change: its kind, where (taken modulo the length) and what (a byte or a character). */
    record Mutation(Kind kind, int where, int where2, char what) {
        @Override
        public String toString() {
            return kind + "@" + where + "/" + where2 + " with U+" + Integer.toHexString(what);
        }
    }

    // The api's strict codec is internal (not exported); these only ever decode canonical text.
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static String encode(byte[] b) {
        return ENCODER.encodeToString(b);
    }

    private static byte[] decode(String s) {
        return DECODER.decode(s);
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    static Arbitrary<Mutation> mutations() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toArray(Character[]::new)),
                Arbitraries.of('=', '.', '+', '/', ' ', '\n', '\u0000', '\u00e9', '\ud800', '\uffff'),
                Arbitraries.chars());
        Arbitrary<Integer> where = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(Arbitraries.of(Kind.class), where, where, chars).as(Mutation::new);
    }

    /** Applies a change to the whole text (a sealed value). */
    static String apply(String text, Mutation m) {
        switch (m.kind()) {
            case TRUNCATE:
                return text.substring(0, m.where() % text.length());
            case SUBSTITUTE_CHAR: {
                int at = m.where() % text.length();
                char c = m.what() == text.charAt(at) ? (char) (m.what() + 1) : m.what();
                return text.substring(0, at) + c + text.substring(at + 1);
            }
            case INSERT_CHAR: {
                int at = m.where() % (text.length() + 1);
                return text.substring(0, at) + m.what() + text.substring(at);
            }
            case DELETE_CHAR: {
                int at = m.where() % text.length();
                return text.substring(0, at) + text.substring(at + 1);
            }
            default:
                return encode(applyToBytes(decode(text), m));
        }
    }

    /**
     * Applies a change to a token: character changes anywhere in it, byte changes to one of its
     * three parts (chosen by {@code where2}).
     */
    static String applyToToken(String token, Mutation m) {
        switch (m.kind()) {
            case TRUNCATE:
            case SUBSTITUTE_CHAR:
            case INSERT_CHAR:
            case DELETE_CHAR:
                return apply(token, m);
            default:
                String[] parts = token.split("\\.", -1);
                int p = m.where2() % 3;
                parts[p] = encode(applyToBytes(decode(parts[p]), m));
                return String.join(".", parts);
        }
    }

    private static byte[] applyToBytes(byte[] b, Mutation m) {
        switch (m.kind()) {
            case FLIP_BIT: {
                if (b.length == 0) {
                    return new byte[] {(byte) m.what()};
                }
                byte[] out = b.clone();
                int bit = m.where() % (b.length * 8);
                out[bit / 8] ^= (byte) (1 << (bit % 8));
                return out;
            }
            case INSERT_BYTE: {
                int at = m.where() % (b.length + 1);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) m.what();
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
            case DELETE_BYTE: {
                if (b.length == 0) {
                    return new byte[] {0};
                }
                int at = m.where() % b.length;
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            case SWAP_BYTES: {
                byte[] out = b.clone();
                if (b.length < 2) {
                    return Arrays.copyOf(b, b.length + 1);
                }
                int i = m.where() % b.length;
                int j = m.where2() % b.length;
                if (b[i] == b[j]) {
                    // no swap of equal bytes changes anything: flip one instead
                    out[i] ^= 1;
                } else {
                    out[i] = b[j];
                    out[j] = b[i];
                }
                return out;
            }
            default:
                throw new IllegalArgumentException(m.kind().toString());
        }
    }
}
