package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    private static Map<String, Object> parse(String s) {
        return Json.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryJsonType() {
        Map<String, Object> m = parse("{\"s\":\"x\",\"i\":1,\"big\":123456789012345678901234567890,\"f\":1.5,"
                + "\"t\":true,\"n\":null,\"l\":[1,\"a\"],\"o\":{\"k\":false}}");
        assertEquals("x", m.get("s"));
        assertEquals(1L, m.get("i"));
        assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
        assertEquals(1.5, m.get("f"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertTrue(m.containsKey("n"));
        assertEquals(List.of(1L, "a"), m.get("l"));
        assertEquals(Map.of("k", false), m.get("o"));
        assertEquals("{\"s\":\"x\",\"l\":[1,\"a\"]}", new String(Json.writeObject(
                new java.util.LinkedHashMap<>(Map.of("s", "x"))) , StandardCharsets.UTF_8).replace("}", ",\"l\":[1,\"a\"]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"o\":{\"a\":1,\"a\":1}}", "[1]", "\"s\"", "{\"a\":1} {}", "{\"a\":1",
        "{'a':1}", "{\"a\":NaN}", "{\"a\":01}", "", "{\"a\":1,}"})
    void rejectsDuplicatesNonObjectsTrailingContentAndMalformedJson(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertFalse(e.getMessage().contains("\"a\""), "the message does not quote input: " + e.getMessage());
    }

    @Test
    void boundsDepthAndValueCount() {
        parse("{\"a\":" + "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1) + "}");
        assertThrows(IllegalArgumentException.class,
                () -> parse("{\"a\":" + "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1) + "}"));
        StringBuilder many = new StringBuilder("{\"a\":[");
        for (int i = 0; i < Json.MAX_VALUES + 1; i++) {
            many.append(i == 0 ? "" : ",").append('0');
        }
        assertThrows(IllegalArgumentException.class, () -> parse(many.append("]}").toString()));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(new byte[Json.MAX_DOCUMENT_BYTES + 1]));
    }
}
