package dev.wafer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.wafer.Claims;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for claims and headers, on jackson-core's streaming API (no hand-made parser). */
final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MAX_DEPTH = 32;

    private JsonText() {
    }

    /** One JSON object; anything else, or duplicate members, is invalid input. */
    static Map<String, Object> parseObject(String json, String what) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CliException(ExitCode.INVALID, what + " is not a JSON object");
            }
            Map<String, Object> m = readObject(p, 0);
            if (p.nextToken() != null) {
                throw new CliException(ExitCode.INVALID, what + " has text after its JSON object");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.INVALID, what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> readObject(JsonParser p, int depth) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            m.put(name, readValue(p, depth + 1));
        }
        return m;
    }

    private static Object readValue(JsonParser p, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new CliException(ExitCode.INVALID, "JSON nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (p.currentToken()) {
            case START_OBJECT:
                return readObject(p, depth);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p, depth + 1));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new CliException(ExitCode.INVALID, "unexpected JSON token " + p.currentToken());
        }
    }

    /** Indented by two spaces, {@code "name": value}, arrays on one line. */
    static String pretty(Map<String, ?> members) {
        StringWriter w = new StringWriter();
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(pp);
            write(g, members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
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
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : (List<?>) v) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /** Claims as JSON members, registered claims first, as Wafer writes them into tokens. */
    static Map<String, Object> members(Claims claims) {
        Map<String, Object> m = new LinkedHashMap<>();
        claims.issuer().ifPresent(v -> m.put("iss", v));
        claims.subject().ifPresent(v -> m.put("sub", v));
        if (claims.audience().size() == 1) {
            m.put("aud", claims.audience().get(0));
        } else if (!claims.audience().isEmpty()) {
            m.put("aud", claims.audience());
        }
        claims.expiresAt().ifPresent(v -> m.put("exp", v.getEpochSecond()));
        claims.notBefore().ifPresent(v -> m.put("nbf", v.getEpochSecond()));
        claims.issuedAt().ifPresent(v -> m.put("iat", v.getEpochSecond()));
        claims.jwtId().ifPresent(v -> m.put("jti", v));
        m.putAll(claims.customClaims());
        return m;
    }

    /** A claims builder from a JSON object; registered claims must have their RFC 7519 types. */
    static Claims.Builder claims(Map<String, Object> json) {
        Claims.Builder b = Claims.builder();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            switch (name) {
                case "iss":
                    b.issuer(string(name, v));
                    break;
                case "sub":
                    b.subject(string(name, v));
                    break;
                case "jti":
                    b.jwtId(string(name, v));
                    break;
                case "aud":
                    if (v instanceof List) {
                        List<String> aud = new ArrayList<>();
                        for (Object a : (List<?>) v) {
                            aud.add(string(name, a));
                        }
                        b.audience(aud.toArray(new String[0]));
                    } else {
                        b.audience(string(name, v));
                    }
                    break;
                case "exp":
                    b.expiresAt(time(name, v));
                    break;
                case "nbf":
                    b.notBefore(time(name, v));
                    break;
                case "iat":
                    b.issuedAt(time(name, v));
                    break;
                default:
                    b.claim(name, v);
            }
        }
        return b;
    }

    private static String string(String name, Object v) {
        if (!(v instanceof String)) {
            throw new CliException(ExitCode.INVALID, "claim " + name + " must be a string");
        }
        return (String) v;
    }

    private static Instant time(String name, Object v) {
        if (!(v instanceof Long) || (Long) v < 0) {
            throw new CliException(ExitCode.INVALID, "claim " + name + " must be a whole number of seconds since 1970");
        }
        return Instant.ofEpochSecond((Long) v);
    }
}
