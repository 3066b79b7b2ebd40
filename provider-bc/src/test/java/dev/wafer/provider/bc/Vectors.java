package dev.wafer.provider.bc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the (small, trusted) vector files under src/test/resources/vectors into maps and lists. */
final class Vectors {

    private static final JsonFactory JSON = new JsonFactory();

    private Vectors() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            try (JsonParser p = JSON.createParser(in)) {
                p.nextToken();
                return (Map<String, Object>) value(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> json, String name) {
        return (List<Map<String, Object>>) json.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> json, String name) {
        return (Map<String, Object>) json.get(name);
    }

    static String string(Map<String, Object> json, String name) {
        Object v = json.get(name);
        if (!(v instanceof String)) {
            throw new IllegalStateException("no string member " + name);
        }
        return (String) v;
    }

    static byte[] hex(Map<String, Object> json, String name) {
        return HexFormat.of().parseHex(string(json, name));
    }

    static byte[] ascii(Map<String, Object> json, String name) {
        return string(json, name).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] base64Url(Map<String, Object> json, String name) {
        return Base64.getUrlDecoder().decode(string(json, name));
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            case START_ARRAY:
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + t + " in a vector file");
        }
    }
}
