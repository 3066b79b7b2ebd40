package dev.wafer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a browser test cannot see: status codes, headers, the key file on disk. */
class DemoServerTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> r) {
        String line = r.headers().firstValue("Set-Cookie").orElseThrow();
        return line.substring(0, line.indexOf(';'));
    }

    @Test
    void servesStrictPagesAndAnswersASignInWith303() throws Exception {
        try (DemoServer server = DemoServer.start(0, workDir)) {
            String base = server.url();
            Path keyFile = workDir.resolve(DemoApp.KEY_FILE);
            assertTrue(Files.exists(keyFile), "a key file is made when missing");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

            HttpResponse<String> home = send(HttpRequest.newBuilder(URI.create(base + "/")));
            assertEquals(200, home.statusCode());
            assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
            assertEquals("no-store", home.headers().firstValue("Cache-Control").orElse(""));
            assertFalse(home.headers().firstValue("Server").isPresent(), "no server version");
            assertTrue(home.headers().allValues("Set-Cookie").isEmpty(), "the home page makes no session");
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "/favicon.ico"))).statusCode());

            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login")));
            Matcher m = TOKEN.matcher(login.body());
            assertTrue(m.find(), login.body());
            String session = cookie(login);
            HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&user=alice&password=wrong")));
            assertEquals(200, wrong.statusCode());
            assertTrue(wrong.body().contains("Wrong user name or password."));
            assertTrue(wrong.headers().allValues("Set-Cookie").isEmpty(), "a wrong password changes nothing");

            HttpResponse<String> right = send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&user=alice&password=wafer-demo")));
            assertEquals(303, right.statusCode(), "POST, then 303 See Other to a page to GET");
            assertEquals("/session", right.headers().firstValue("Location").orElse(""));
            assertTrue(cookie(right).startsWith("__Host-session="), "a new session cookie, set before the redirect commits");
        }
    }

    @Test
    void checksThePasswordOfTheOneUser() {
        assertTrue(DemoApp.checkPassword("alice", "wafer-demo"));
        assertFalse(DemoApp.checkPassword("alice", "wafer-demo "));
        assertFalse(DemoApp.checkPassword("bob", "wafer-demo"));
        assertFalse(DemoApp.checkPassword(null, null));
    }
}
