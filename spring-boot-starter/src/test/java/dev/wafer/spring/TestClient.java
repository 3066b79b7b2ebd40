package dev.wafer.spring;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar over {@code java.net.http}, for tests against a server on loopback: keeps
 * every cookie a response sets (browsers treat http://127.0.0.1 as secure, so {@code Secure} and
 * {@code __Host-} cookies are kept and sent), follows no redirect.
 */
final class TestClient {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"?_csrf\"?[^>]*value=\"?([A-Za-z0-9_\\-]+)");

    final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    TestClient(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (!java.util.Arrays.asList(headers).contains("Accept")) {
            b.header("Accept", "text/html"); // as a browser asks for a page
        }
        return send(b, headers);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "text/html"), all);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers) throws IOException, InterruptedException {
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.headers().allValues("Set-Cookie")) {
            String pair = line.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || line.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    /** The Set-Cookie lines of a response for one cookie. */
    static List<String> setCookies(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(l -> l.startsWith(name + "=")).toList();
    }

    /** The CSRF token of a page's form. */
    static String csrf(String html) {
        Matcher m = HIDDEN_CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in the page: " + html);
        }
        return m.group(1);
    }
}
