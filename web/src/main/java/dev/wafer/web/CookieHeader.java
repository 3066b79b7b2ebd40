package dev.wafer.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code Cookie} request header (RFC 6265 §5.4, as browsers send it:
 * {@code a=1; b=2}), within bounds: a header longer than {@value #MAX_HEADER_BYTES} bytes in all
 * is ignored whole, and at most {@value #MAX_COOKIES} cookies are read. Pairs without {@code =}
 * and names that are not tokens are skipped; values are kept as sent, quotes included. A name may
 * come more than once (a cookie set for several paths or by a subdomain): every value is kept, in
 * order, and the caller tries each.
 *
 * <h2>Security</h2>
 * <p>Never throws on input and never logs it: a malformed header is no cookies. Work is linear
 * in the header's length, which the bound caps.
 *
 * @since 0.1
 */
public final class CookieHeader {
    /** The most header text read, over every {@code Cookie} header of a request. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The most cookies read from a request. */
    public static final int MAX_COOKIES = 100;

    private CookieHeader() {
    }

    /**
     * The cookies of a request's {@code Cookie} headers.
     *
     * @param headers the header values (HTTP/2 may split cookies over several); {@code null}
     *     entries are skipped
     * @return cookie name to values, in the order sent; empty if the headers are too long
     * @since 0.1
     */
    public static Map<String, List<String>> parse(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        long total = 0;
        for (String h : headers) {
            total += h == null ? 0 : h.length();
        }
        if (total > MAX_HEADER_BYTES) {
            return Map.of();
        }
        // A name's values: a singleton list for the usual one, an ArrayList once a second comes.
        Map<String, List<String>> cookies = new LinkedHashMap<>();
        int count = 0;
        for (String h : headers) {
            if (h == null) {
                continue;
            }
            int at = 0;
            int n = h.length();
            while (at < n && count < MAX_COOKIES) {
                int end = h.indexOf(';', at);
                if (end < 0) {
                    end = n;
                }
                int eq = h.indexOf('=', at);
                if (eq > at && eq < end) {
                    // strip() of the name and of the value, by index: one substring each, none for a bad name
                    int nameStart = skipSpace(h, at, eq);
                    int nameEnd = trimSpace(h, nameStart, eq);
                    if (isToken(h, nameStart, nameEnd)) {
                        int valueStart = skipSpace(h, eq + 1, end);
                        String name = h.substring(nameStart, nameEnd);
                        String value = h.substring(valueStart, trimSpace(h, valueStart, end));
                        List<String> values = cookies.get(name);
                        if (values == null) {
                            cookies.put(name, Collections.singletonList(value));
                        } else {
                            if (!(values instanceof ArrayList)) {
                                values = new ArrayList<>(values);
                                cookies.put(name, values);
                            }
                            values.add(value);
                        }
                        count++;
                    }
                }
                at = end + 1;
            }
        }
        cookies.replaceAll((k, v) -> v instanceof ArrayList ? Collections.unmodifiableList(v) : v);
        return Collections.unmodifiableMap(cookies);
    }

    /** The first index from {@code from} that is not whitespace ({@link String#strip()}'s), or {@code to}. */
    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of {@code s[from, to)} without its trailing whitespace. */
    private static int trimSpace(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /**
     * The cookies of one {@code Cookie} header.
     *
     * @param header the header value, or {@code null}
     * @return cookie name to values
     * @since 0.1
     */
    public static Map<String, List<String>> parse(String header) {
        return header == null ? Map.of() : parse(List.of(header));
    }

    private static boolean isToken(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!CookieSpec.isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
