package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.spring.app.defaults.DefaultSecurityApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Security's defaults on the starter, with the key-file property and Boot's own user
 * properties only: form sign-in keeps its security context in the sealed cookie, the sign-in page's
 * CSRF token is Wafer's, remember-me is Wafer's rotating series, and sign-out revokes both.
 */
@SpringBootTest(classes = DefaultSecurityApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.security.user.name=alice", "spring.security.user.password=correct horse",
            "spring.security.user.roles=USER"})
class DefaultSecurityTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("wafer.sealing.key-file", Keys.SEALING::toString);
    }

    @Autowired
    InMemoryUserDetailsManager users;

    private TestClient signIn(boolean remember) throws Exception {
        return signIn("alice", "correct horse", remember);
    }

    private TestClient signIn(String user, String password, boolean remember) throws Exception {
        TestClient browser = new TestClient(port);
        HttpResponse<String> asked = browser.get("/me");
        assertEquals(302, asked.statusCode());
        String loginPage = browser.get("/login").body();
        assertTrue(loginPage.contains("remember-me"), "the sign-in page offers remember-me");
        Map<String, String> form = new java.util.HashMap<>(Map.of("username", user, "password", password,
                "_csrf", TestClient.csrf(loginPage)));
        if (remember) {
            form.put("remember-me", "on");
        }
        HttpResponse<String> signedIn = browser.post("/login", form);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/me"),
                "back to the page that asked: " + signedIn.headers().map());
        return browser;
    }

    @Test
    void formSignInIsStatelessAndSealed() throws Exception {
        TestClient browser = signIn(false);
        String me = browser.get("/me").body();
        assertTrue(me.startsWith("alice [") && me.contains("ROLE_USER") && me.contains("FACTOR_PASSWORD")
                && me.endsWith("] UsernamePasswordAuthenticationToken"), me);
        assertFalse(browser.cookies.containsKey("JSESSIONID"), "no server session: " + browser.cookies.keySet());
        assertFalse(browser.cookies.containsKey("__Host-remember"), "not asked for");
        HttpResponse<String> missing = browser.get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "an error page dispatch never reaches the container's session: " + missing.headers().map());

        TestClient copy = new TestClient(port);
        copy.cookies.put("__Host-session", browser.cookies.get("__Host-session"));
        assertEquals(200, copy.get("/me").statusCode(), "the cookie alone carries the sign-in (any server)");
    }

    @Test
    void rememberMeRechecksTheAccount() throws Exception {
        users.createUser(User.withUsername("bob").password("{noop}bob's password").roles("USER").build());
        String remember = signIn("bob", "bob's password", true).cookies.get("__Host-remember");
        TestClient later = new TestClient(port);
        later.cookies.put("__Host-remember", remember);
        assertTrue(later.get("/me").body().startsWith("bob [ROLE_USER]"));
        users.updateUser(User.withUsername("bob").password("{noop}bob's password").roles("USER").disabled(true).build());
        TestClient afterDisabled = new TestClient(port);
        afterDisabled.cookies.put("__Host-remember", later.cookies.get("__Host-remember"));
        assertEquals(302, afterDisabled.get("/me").statusCode(), "a disabled account is not signed in by remember-me");
        users.deleteUser("bob");
    }

    @Test
    void aWrongPasswordOrAMissingTokenSignsNobodyIn() throws Exception {
        TestClient browser = new TestClient(port);
        String token = TestClient.csrf(browser.get("/login").body());
        HttpResponse<String> wrong = browser.post("/login", Map.of("username", "alice", "password", "nope", "_csrf", token));
        assertEquals(302, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Location").orElse("").contains("error"));
        assertEquals(302, browser.get("/me").statusCode());
        HttpResponse<String> noToken = new TestClient(port).post("/login",
                Map.of("username", "alice", "password", "correct horse"));
        assertEquals(403, noToken.statusCode());
    }

    @Test
    void rememberMeSignsInAgainAndSignOutRevokesItAll() throws Exception {
        TestClient browser = signIn(true);
        String session = browser.cookies.get("__Host-session");
        String remember = browser.cookies.get("__Host-remember");
        assertTrue(remember != null, "remember-me was asked for: " + browser.cookies.keySet());

        TestClient later = new TestClient(port); // the browser was closed: only the remember-me cookie is left
        later.cookies.put("__Host-remember", remember);
        assertEquals("alice [ROLE_USER] RememberMeAuthenticationToken", later.get("/me").body());
        assertEquals("alice [ROLE_USER] RememberMeAuthenticationToken", later.get("/me").body(),
                "the session it made keeps the remember-me authentication");

        String logoutPage = browser.get("/logout").body();
        HttpResponse<String> noToken = browser.post("/logout", Map.of());
        assertEquals(403, noToken.statusCode(), "sign-out is CSRF-protected too");
        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", TestClient.csrf(logoutPage)));
        assertEquals(302, out.statusCode());
        assertFalse(browser.cookies.containsKey("__Host-session"), "the cookie is cleared");

        TestClient replay = new TestClient(port);
        replay.cookies.put("__Host-session", session);
        assertEquals(302, replay.get("/me").statusCode(), "a copy of the signed-out session cookie is refused");
        TestClient replayRemember = new TestClient(port);
        replayRemember.cookies.put("__Host-remember", remember);
        assertEquals(302, replayRemember.get("/me").statusCode(), "the remember-me series was revoked");
    }
}
