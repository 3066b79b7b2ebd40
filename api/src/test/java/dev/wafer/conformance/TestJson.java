package dev.wafer.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads test-vector files (large, trusted) from the test class path into maps and lists. */
public final class TestJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(-1).build()).build();

    private TestJson() {
    }

    /**
     * Reads a JSON object from a class-path resource.
     *
     * @param resource the resource path, for example {@code /vectors/wycheproof/aes_gcm_test.json}
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(String resource) {
        try (InputStream in = TestJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            try (JsonParser p = FACTORY.createParser(in)) {
                p.nextToken();
                return (Map<String, Object>) read(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, read(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            default:
                return null;
        }
    }

    /**
     * Decodes lowercase hex.
     *
     * @param hex the hex text
     * @return the bytes
     */
    public static byte[] hex(Object hex) {
        return HexFormat.of().parseHex((String) hex);
    }

    /**
     * A member as a map.
     *
     * @param m the object
     * @param name the member
     * @return the member
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Map<String, Object> m, String name) {
        return (Map<String, Object>) m.get(name);
    }

    /**
     * A member as a list of objects.
     *
     * @param m the object
     * @param name the member
     * @return the member
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> m, String name) {
        return (List<Map<String, Object>>) m.get(name);
    }
}
