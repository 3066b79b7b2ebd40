package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a session reads back from its cookie's JSON is checked as {@link SessionValues#copy} checks
 * a value set by the application, and kept without a copy only when it is already in the form, and
 * as unchangeable, as a copy would be.
 */
class SessionValuesReadBackTest {
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static List<Object> list(Object... items) {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(items)));
    }

    /** A value nested {@code depth} lists deep. */
    private static Object nested(int depth) {
        Object v = "leaf";
        for (int i = 0; i < depth; i++) {
            v = list(v);
        }
        return v;
    }

    @Test
    void valuesAlreadyInTheCopiedFormAreKeptAsTheyAre() {
        BigInteger big = BigInteger.ONE.shiftLeft(64);
        for (Object v : new Object[] {"text", true, 42L, big, 1.5d, map("a", 1L, "b", list("x", null, false)),
                list(map("k", "v"), 2.0d, big), nested(SessionValues.MAX_DEPTH)}) {
            assertSame(v, SessionValues.readBack("a", v), String.valueOf(v));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesNotInTheCopiedFormAreCopiedIntoIt() {
        Object small = SessionValues.readBack("a", BigInteger.TEN);
        assertEquals(10L, small, "a small BigInteger reads back as a Long, as a copy would make it");
        assertEquals(7L, SessionValues.readBack("a", 7));
        List<Object> modifiable = new ArrayList<>(List.of("x", 1L));
        Object copied = SessionValues.readBack("a", modifiable);
        assertNotSame(modifiable, copied);
        assertEquals(modifiable, copied);
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) copied).add("y"), "the copy cannot be changed");
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("k", 1L));
        Object outer = map("m", inner);
        Object copiedOuter = SessionValues.readBack("a", outer);
        assertNotSame(outer, copiedOuter, "a changeable map inside an unchangeable one is copied");
        assertEquals(outer, copiedOuter);
        Object withInt = list(1L, 2);
        assertEquals(List.of(1L, 2L), SessionValues.readBack("a", withInt));
        Object withFloat = map("f", 1.5f);
        assertEquals(Map.of("f", 1.5d), SessionValues.readBack("a", withFloat));
    }

    @Test
    void whatCopyRefusesIsRefusedOnTheWayBackToo() {
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("a", null));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("", "v"));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("x".repeat(SessionValues.MAX_NAME_CHARS + 1), "v"));
        assertSame("v", SessionValues.readBack("x".repeat(SessionValues.MAX_NAME_CHARS), "v"));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("a", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("a", list(Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("a", nested(SessionValues.MAX_DEPTH + 1)));
        Map<Object, Object> badKey = new LinkedHashMap<>();
        badKey.put(1, "v");
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("a", Collections.unmodifiableMap(badKey)));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.readBack("a", list(new Object())));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.copy("", "v"), "copy checks the name too");
        assertThrows(IllegalArgumentException.class, () -> SessionValues.copy("a", nested(SessionValues.MAX_DEPTH + 1)));
        assertEquals(nested(SessionValues.MAX_DEPTH), SessionValues.copy("a", nested(SessionValues.MAX_DEPTH)));
    }
}
