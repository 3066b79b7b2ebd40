package dev.wafer.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example on a real port: form sign-in, remember-me, CSRF and log-out-everywhere, on sealed cookies only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleAppTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("wafer-example-test");
        registry.add("wafer.sealing.key-file", () -> uncheckedKeyFile(dir));
    }

    static String uncheckedKeyFile(Path dir) {
        try {
            return ExampleApplication.keyFile(dir).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TestClient signIn(boolean remember) throws Exception {
        TestClient browser = new TestClient(port);
        assertEquals(302, browser.get("/account").statusCode());
        String login = browser.get("/login").body();
        Map<String, String> form = new java.util.HashMap<>(Map.of("username", "alice", "password", "wafer-demo",
                "_csrf", TestClient.csrf(login)));
        if (remember) {
            form.put("remember-me", "on");
        }
        HttpResponse<String> r = browser.post("/login", form);
        assertEquals(302, r.statusCode());
        return browser;
    }

    @Test
    void signInKeepsASealedSessionAndNoServerSession() throws Exception {
        TestClient browser = signIn(false);
        String account = browser.get("/account").body();
        assertTrue(account.contains("<b id=user>alice</b>") && account.contains("UsernamePasswordAuthenticationToken"), account);
        assertTrue(browser.get("/account").body().contains("<b id=visits>2</b>"));
        assertFalse(browser.cookies.containsKey("JSESSIONID"));
        assertTrue(browser.cookies.containsKey("__Host-session"));
    }

    @Test
    void aFormPostWithoutItsTokenIsRefused() throws Exception {
        TestClient browser = signIn(false);
        String notes = browser.get("/notes").body();
        assertEquals(403, browser.post("/notes", Map.of("note", "forged")).statusCode());
        assertEquals(302, browser.post("/notes", Map.of("note", "hello", "_csrf", TestClient.csrf(notes))).statusCode());
        assertTrue(browser.get("/notes").body().contains("<li>hello</li>"));
    }

    @Test
    void rememberMeAndLogOutEverywhere() throws Exception {
        TestClient first = signIn(true);
        TestClient second = signIn(false);
        TestClient reopened = new TestClient(port);
        reopened.cookies.put("__Host-remember", first.cookies.get("__Host-remember"));
        String account = reopened.get("/account").body();
        assertTrue(account.contains("RememberMeAuthenticationToken"), account);

        String page = second.get("/account").body();
        HttpResponse<String> out = second.post("/logout-everywhere", Map.of("_csrf", TestClient.csrf(page)));
        assertEquals(302, out.statusCode());
        assertEquals(302, first.get("/account").statusCode(), "the first browser's session ended");
        assertEquals(302, reopened.get("/account").statusCode(), "and the remember-me token with it");
    }
}
