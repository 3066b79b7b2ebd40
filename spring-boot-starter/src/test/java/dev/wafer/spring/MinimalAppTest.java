package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.spring.app.minimal.MinimalApp;
import dev.wafer.web.WebSessions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new Boot application with the starter and one property, {@code wafer.sealing.key-file}, and
 * nothing else: sealed cookie sessions, CSRF and remember-me work on a real port.
 */
@SpringBootTest(classes = MinimalApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinimalAppTest {
    @LocalServerPort
    int port;

    @Autowired
    WebSessions sessions;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("wafer.sealing.key-file", Keys.SEALING::toString); // the one property
    }

    @Test
    void theSessionIsOneSealedCookieWithTheStrictAttributes() throws Exception {
        TestClient browser = new TestClient(port);
        HttpResponse<String> first = browser.get("/visits");
        assertEquals("visits=1 user=-", first.body());
        List<String> set = TestClient.setCookies(first, "__Host-session");
        assertEquals(1, set.size(), first.headers().allValues("Set-Cookie").toString());
        String line = set.get(0);
        for (String attribute : List.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax")) {
            assertTrue(line.contains(attribute), line);
        }
        assertFalse(line.contains("Domain"), line);
        assertEquals("visits=2 user=-", browser.get("/visits").body());
        assertFalse(browser.cookies.containsKey("JSESSIONID"), "the container keeps no session");
        assertFalse(browser.cookies.get("__Host-session").contains("visits"), "the value is sealed, not readable");

        String before = browser.cookies.get("__Host-session");
        browser.cookies.put("__Host-session", before.substring(0, before.length() - 2)
                + (before.endsWith("AA") ? "BB" : "AA"));
        assertEquals("visits=1 user=-", browser.get("/visits").body(), "a tampered cookie is no session, never a 500");
    }

    @Test
    void anUnsafeRequestWithoutTheTokenIsRefused() throws Exception {
        TestClient browser = new TestClient(port);
        HttpResponse<String> refused = browser.post("/login", Map.of("user", "alice"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("MISSING_TOKEN"), refused.body());
        HttpResponse<String> crossSite = browser.post("/login", Map.of("user", "alice", "_csrf", "x"),
                "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("CROSS_SITE"), crossSite.body());

        String token = TestClient.csrf(browser.get("/form").body());
        assertEquals(200, browser.post("/login", Map.of("user", "alice", "_csrf", token)).statusCode());
        assertEquals("visits=1 user=alice", browser.get("/visits").body());
        HttpResponse<String> stale = browser.post("/login", Map.of("user", "mallory", "_csrf", token));
        assertEquals(403, stale.statusCode(), "sign-in replaced the CSRF secret");
    }

    @Test
    void rememberMeRestoresTheSessionAndLogOutEverywhereEndsIt() throws Exception {
        TestClient browser = new TestClient(port);
        String token = TestClient.csrf(browser.get("/form").body());
        HttpResponse<String> login = browser.post("/login", Map.of("user", "bob", "remember", "true", "_csrf", token));
        assertEquals(200, login.statusCode());
        assertEquals(1, TestClient.setCookies(login, "__Host-remember").size());

        browser.cookies.remove("__Host-session"); // the browser was closed
        assertEquals("visits=1 user=bob", browser.get("/visits").body(), "remember-me signed bob in again");

        TestClient other = new TestClient(port);
        other.cookies.putAll(browser.cookies);
        String token2 = TestClient.csrf(other.get("/form").body());
        assertEquals(200, other.post("/logout-everywhere", Map.of("_csrf", token2)).statusCode());
        assertEquals("visits=1 user=-", browser.get("/visits").body(), "log-out-everywhere ended the first browser's session");
    }
}
