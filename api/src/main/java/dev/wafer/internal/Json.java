package dev.wafer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON objects to and from bytes, on jackson-core's streaming API, with bounds.
 *
 * <p>Reading rejects duplicate members (RFC 8725 §3.2 via RFC 7515 §5.2: a JWS parser must reject
 * them or use the last, and Wafer rejects), nesting deeper than {@link #MAX_DEPTH}, more than
 * {@link #MAX_VALUES} values in a document, and trailing content. Values come back as
 * {@code String}, {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean},
 * {@code null}, unmodifiable {@code List} and unmodifiable insertion-ordered {@code Map}.
 */
public final class Json {
    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 16;
    /** Most values (members and elements, at every depth) in one document. */
    public static final int MAX_VALUES = 1024;
    /** Longest document accepted, in bytes. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    /** Longest key file document accepted, in bytes: a key file's own limit, 1 MiB. */
    public static final int MAX_KEY_FILE_BYTES = 1 << 20;
    /** Most values in a key file document. */
    public static final int MAX_KEY_FILE_VALUES = 1 << 16;

    /**
     * The bounds of one kind of document.
     *
     * @param maxBytes the longest document
     * @param maxValues the most values (members and elements, at every depth)
     */
    public record Limits(int maxBytes, int maxValues) {
        /** Tokens' headers and claims: 64 KiB, 1024 values. */
        public static final Limits TOKEN = new Limits(MAX_DOCUMENT_BYTES, MAX_VALUES);
        /** Key files (JWK Sets): 1 MiB, 65536 values, as large as a key file may be. */
        public static final Limits KEY_FILE = new Limits(MAX_KEY_FILE_BYTES, MAX_KEY_FILE_VALUES);
    }

    private static final JsonFactory FACTORY = factory(MAX_DOCUMENT_BYTES);
    private static final JsonFactory KEY_FILE_FACTORY = factory(MAX_KEY_FILE_BYTES);

    private static JsonFactory factory(int maxBytes) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(maxBytes)
                        .maxStringLength(maxBytes)
                        .maxNumberLength(64)
                        .maxNameLength(1024)
                        .build())
                .build();
    }

    private Json() {
    }

    /**
     * Parses a JSON document that must be one object.
     *
     * @param utf8 the document
     * @return the members, in document order
     * @throws IllegalArgumentException if the bytes are not one well-formed, bounded JSON object
     *     without duplicate members; the message never quotes the input
     */
    public static Map<String, Object> parseObject(byte[] utf8) {
        return parseObject(utf8, Limits.TOKEN);
    }

    /**
     * Parses a JSON document that must be one object, within given bounds.
     *
     * @param utf8 the document
     * @param limits its bounds
     * @return the members, in document order
     * @throws IllegalArgumentException if the bytes are not one well-formed, bounded JSON object
     *     without duplicate members or unpaired surrogates; the message never quotes the input
     */
    public static Map<String, Object> parseObject(byte[] utf8, Limits limits) {
        if (utf8.length > limits.maxBytes()) {
            throw new IllegalArgumentException("JSON document is longer than " + limits.maxBytes() + " bytes");
        }
        // JSON in a JWS is UTF-8 (RFC 8259 §8.1). Read it through a strict UTF-8 decoder: from raw
        // bytes jackson would guess UTF-16 or UTF-32 from zero bytes. The decoder works as jackson
        // reads, so a document rejected early (too deep, too many values) is not decoded to its end.
        Reader reader = new StrictUtf8Reader(utf8);
        JsonFactory factory = limits.maxBytes() <= MAX_DOCUMENT_BYTES ? FACTORY : KEY_FILE_FACTORY;
        try (JsonParser p = factory.createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("JSON document is not an object");
            }
            int[] budget = {limits.maxValues(), limits.maxValues()}; // what is left, the limit
            Map<String, Object> result = readObject(p, budget);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("JSON document has content after its object");
            }
            return result;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + describe(e));
        } catch (IOException e) {
            // Reading memory does no I/O: this is invalid UTF-8, or another malformed document.
            throw new IllegalArgumentException(e instanceof CharacterCodingException
                    ? "JSON document is not valid UTF-8" : "malformed JSON");
        }
    }

    private static String describe(JsonProcessingException e) {
        // Jackson's message may quote input; keep only its first clause, which names the problem.
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable";
        }
        if (m.startsWith("Duplicate field")) {
            return "duplicate member";
        }
        int cut = m.indexOf(':');
        String head = cut > 0 ? m.substring(0, cut) : m;
        int quote = head.indexOf('\'');
        head = quote > 0 ? head.substring(0, quote) : head;
        return head.length() > 80 ? head.substring(0, 80) : head.trim();
    }

    private static Map<String, Object> readObject(JsonParser p, int[] budget) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = wellFormed(p.currentName());
            spend(budget);
            p.nextToken();
            map.put(name, readValue(p, budget));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("malformed JSON object");
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> readArray(JsonParser p, int[] budget) throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IllegalArgumentException("malformed JSON array");
            }
            spend(budget);
            list.add(readValue(p, budget));
        }
        return Collections.unmodifiableList(list);
    }

    private static void spend(int[] budget) {
        if (--budget[0] < 0) {
            throw new IllegalArgumentException("JSON document has too many values (more than " + budget[1] + ")");
        }
    }

    /**
     * Refuses a string with an unpaired surrogate, which only a {@code \\uD800}-style escape can
     * bring in (the UTF-8 decoding refuses raw ones): such text is not Unicode, Wafer's writer
     * refuses it, and two of them could compare equal after a lossy conversion (RFC 8725 §3.7,
     * I-JSON RFC 7493 §2.1).
     */
    private static String wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("JSON text holds an unpaired surrogate escape; it is not Unicode");
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("JSON text holds an unpaired surrogate escape; it is not Unicode");
            }
        }
        return s;
    }

    private static Object readValue(JsonParser p, int[] budget) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("malformed JSON: unexpected end");
        }
        switch (t) {
            case START_OBJECT:
                return readObject(p, budget);
            case START_ARRAY:
                return readArray(p, budget);
            case VALUE_STRING:
                return wellFormed(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("JSON number out of range");
                }
                return d;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("malformed JSON value");
        }
    }

    /**
     * Writes a JSON object compactly, members in map order.
     *
     * @param members values as {@link #parseObject} returns them ({@code Integer} and
     *     {@code BigDecimal} are accepted too)
     * @return UTF-8 bytes
     * @throws IllegalArgumentException if a value has a type JSON cannot carry
     */
    public static byte[] writeObject(Map<String, ?> members) {
        return writeObject(members, Limits.TOKEN);
    }

    /**
     * Writes a JSON object compactly within the value bound of the limits it will be read with.
     *
     * @param members values as {@link #parseObject} returns them
     * @param limits the limits a reader applies: {@link Limits#KEY_FILE} for a JWK Set
     * @return UTF-8 bytes
     * @throws IllegalArgumentException if a value has a type JSON cannot carry, or the document
     *     would break the limits
     */
    public static byte[] writeObject(Map<String, ?> members, Limits limits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            // Never write what parseObject would refuse to read: the same depth and value bounds.
            writeValue(g, members, 1, new int[] {limits.maxValues(), limits.maxValues()});
        } catch (JsonProcessingException e) {
            // jackson refuses unpaired surrogates, which no UTF-8 document can carry
            throw new IllegalArgumentException("JSON cannot carry this text: it is not valid Unicode");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.size() > limits.maxBytes()) {
            throw new IllegalArgumentException("JSON document would be longer than " + limits.maxBytes() + " bytes");
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object v, int depth, int[] budget) throws IOException {
        if ((v instanceof Map || v instanceof List) && depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON value nests deeper than " + MAX_DEPTH);
        }
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v);
        } else if (v instanceof BigDecimal) {
            g.writeNumber((BigDecimal) v);
        } else if (v instanceof Double) {
            double d = (Double) v;
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot carry " + d);
            }
            g.writeNumber(d);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                spend(budget);
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue(), depth + 1, budget);
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : (List<?>) v) {
                spend(budget);
                writeValue(g, o, depth + 1, budget);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("JSON cannot carry a " + v.getClass().getName());
        }
    }

    /**
     * Writes a JSON object for people to read: indented by two spaces, {@code "name": value},
     * arrays on one line, every control and format character escaped. For the command line;
     * values as {@link #writeObject(Map)} takes them.
     *
     * @param members the members
     * @return the text, without a final newline
     * @throws IllegalArgumentException if a value has a type JSON cannot carry
     */
    public static String writePretty(Map<String, ?> members) {
        java.io.StringWriter w = new java.io.StringWriter();
        com.fasterxml.jackson.core.util.DefaultPrettyPrinter pp = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(
                com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        pp.indentObjectsWith(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = KEY_FILE_FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(pp);
            g.setCharacterEscapes(NoControls.INSTANCE);
            writeValue(g, members, 1, new int[] {MAX_KEY_FILE_VALUES});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JSON cannot carry this text: it is not valid Unicode");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Escapes, besides what JSON requires, every character {@link Text#isControl(int)} names: DEL,
     * C1 controls, separators, bidirectional and other format characters. Text printed on a
     * terminal then cannot move the cursor or reorder what follows.
     */
    private static final class NoControls extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final NoControls INSTANCE = new NoControls();
        private final int[] ascii;

        private NoControls() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return Text.isControl(ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /**
     * A {@link Reader} over a byte array that decodes strict UTF-8 (malformed input, overlong forms
     * and encoded surrogates are errors) straight into the caller's buffer. Unlike an
     * {@code InputStreamReader} it allocates no 8 KiB buffer per document: tokens parse two
     * documents each, on the hot path.
     */
    static final class StrictUtf8Reader extends Reader {
        private final ByteBuffer in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        /** The low surrogate of a pair when the caller asked for a single char; -1 if none. */
        private int pending = -1;

        StrictUtf8Reader(byte[] utf8) {
            this.in = ByteBuffer.wrap(utf8);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pending >= 0) {
                cbuf[off] = (char) pending;
                pending = -1;
                return 1;
            }
            if (!in.hasRemaining()) {
                return -1;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                r.throwException();
            }
            if (out.position() == off) {
                // Room for one char and the next code point needs two: decode the pair aside.
                CharBuffer pair = CharBuffer.allocate(2);
                r = decoder.decode(in, pair, true);
                if (r.isError()) {
                    r.throwException();
                }
                cbuf[off] = pair.get(0);
                pending = pair.position() > 1 ? pair.get(1) : -1;
                return 1;
            }
            return out.position() - off;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
