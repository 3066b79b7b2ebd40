package dev.wafer.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sealed session may hold: values JSON carries, copied so that a caller's later change
 * cannot reach the session unseen. Never Java serialization, whose deserialization of a cookie
 * ran attackers' code in Apache Shiro (CVE-2016-4437).
 *
 * <p>Strings, booleans, numbers ({@code Integer}, {@code Long}, {@code Short}, {@code Byte} and a
 * {@code BigInteger} that fits come back as {@code Long}, {@code Float} as {@code Double}; a
 * {@code BigDecimal} is refused, as it would not read back exactly), lists and maps with string keys
 * of such values, nested at most {@value #MAX_DEPTH} deep; {@code null} only inside lists and maps.
 * What {@link #copy} returns is exactly what the session reads back after a round trip.
 *
 * @since 0.1
 */
public final class SessionValues {
    /** The deepest nesting of lists and maps in one attribute. */
    public static final int MAX_DEPTH = 8;
    /** The most attributes in one session. */
    public static final int MAX_ATTRIBUTES = 64;
    /** The longest attribute name, in characters. */
    public static final int MAX_NAME_CHARS = 128;

    private SessionValues() {
    }

    /**
     * Checks and copies an attribute value: lists and maps become unmodifiable copies, integral
     * numbers {@code Long}, floats {@code Double}.
     *
     * @param name the attribute name, for the message
     * @param value the value
     * @return the value as the session keeps it, and as it reads back after a round trip
     * @throws IllegalArgumentException if the value, or one inside it, is of a type JSON does not
     *     carry, a key is not a string, a number is not finite, or nesting is too deep
     * @since 0.1
     */
    public static Object copy(String name, Object value) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("session attribute '" + name + "' is null: remove it instead");
        }
        return copy(name, value, 0);
    }

    /**
     * An attribute value as {@code Json.parseObject} read it from a session, checked as
     * {@link #copy} checks a value, and kept as it is when it is already in the form {@code copy}
     * would give: that parser's maps and lists are unmodifiable and hold only strings, booleans,
     * {@code Long}, {@code BigInteger} beyond a long, finite {@code Double} and {@code null}.
     * Anything else is copied, so that a session never holds a value a caller could change.
     *
     * @throws IllegalArgumentException on what {@link #copy} refuses: a bad name, a {@code null}
     *     value, nesting deeper than {@value #MAX_DEPTH}
     */
    static Object readBack(String name, Object value) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("session attribute '" + name + "' is null: remove it instead");
        }
        return isAsCopied(value, 0) ? value : copy(name, value, 0);
    }

    private static final Class<?> UNMODIFIABLE_MAP = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();
    private static final Class<?> UNMODIFIABLE_LIST = Collections.unmodifiableList(new ArrayList<>()).getClass();

    /** Whether {@link #copy} would return a value equal to this one, and it cannot be changed. */
    private static boolean isAsCopied(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return true;
        }
        if (v instanceof BigInteger) {
            return ((BigInteger) v).bitLength() >= 64;
        }
        if (v instanceof Double) {
            return Double.isFinite((Double) v);
        }
        Class<?> c = v.getClass();
        if (c != UNMODIFIABLE_MAP && c != UNMODIFIABLE_LIST || depth >= MAX_DEPTH) {
            return false; // copy refuses it, or makes it unmodifiable
        }
        if (c == UNMODIFIABLE_MAP) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!(e.getKey() instanceof String) || !isAsCopied(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        for (Object o : (List<?>) v) {
            if (!isAsCopied(o, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("a session attribute name has 1 to " + MAX_NAME_CHARS + " characters");
        }
    }

    private static Object copy(String name, Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            return b.bitLength() < 64 ? (Object) b.longValue() : b; // as JSON reads it back
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("session attribute '" + name + "' holds " + d + ", which JSON cannot carry");
            }
            return d;
        }
        if (v instanceof BigDecimal) {
            throw new IllegalArgumentException("session attribute '" + name + "' is a BigDecimal, which would read back "
                    + "as a Double: keep exact decimals as strings");
        }
        if (v instanceof Map || v instanceof List) {
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException("session attribute '" + name + "' nests deeper than " + MAX_DEPTH);
            }
            if (v instanceof Map) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (!(e.getKey() instanceof String)) {
                        throw new IllegalArgumentException("session attribute '" + name + "' has a map key that is not "
                                + "a string (" + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + ")");
                    }
                    m.put((String) e.getKey(), copy(name, e.getValue(), depth + 1));
                }
                return Collections.unmodifiableMap(m);
            }
            List<Object> l = new ArrayList<>(((List<?>) v).size());
            for (Object o : (List<?>) v) {
                l.add(copy(name, o, depth + 1));
            }
            return Collections.unmodifiableList(l);
        }
        throw new IllegalArgumentException("session attribute '" + name + "' is a " + v.getClass().getName()
                + ": a sealed session keeps only strings, numbers, booleans, lists and maps (JSON), never "
                + "serialized Java objects");
    }
}
