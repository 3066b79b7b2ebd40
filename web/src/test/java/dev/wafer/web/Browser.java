package dev.wafer.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie jar as a browser keeps one: Set-Cookie lines store or delete (Max-Age=0) a cookie,
 * a Cookie header sends them all. Enough for the session layer's tests; the real browser runs in
 * the demo's Selenium suite.
 */
final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    final Map<String, String> lines = new LinkedHashMap<>();

    /** Applies a response's Set-Cookie lines; returns them for inspection. */
    List<String> receive(List<String> setCookies) {
        for (String line : setCookies) {
            String pair = line.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (line.contains("; Max-Age=0;") || value.isEmpty()) {
                cookies.remove(name);
                lines.remove(name);
            } else {
                cookies.put(name, value);
                lines.put(name, line);
            }
        }
        return setCookies;
    }

    String header() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    TestRequest get() {
        return TestRequest.get().cookies(header());
    }

    TestRequest post() {
        return TestRequest.post().cookies(header());
    }

    Browser copy() {
        Browser b = new Browser();
        b.cookies.putAll(cookies);
        b.lines.putAll(lines);
        return b;
    }
}
