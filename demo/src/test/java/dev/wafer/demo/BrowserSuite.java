package dev.wafer.demo;

import static dev.wafer.demo.Chromium.body;
import static dev.wafer.demo.Chromium.submit;
import static dev.wafer.demo.Chromium.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.SealedHeader;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The demo in real headless Chromium, over plain HTTP on a free loopback port (Chromium treats
 * {@code http://127.0.0.1} as secure, so it keeps the {@code __Host-} cookies): the same scenarios
 * on every container a subclass starts. Each test has a fresh server, key file and browsers.
 */
abstract class BrowserSuite {
    static final String SESSION = "__Host-session";
    static final String REMEMBER = "__Host-remember";

    /** Starts the demo application over a working directory; returns its base URL, without a trailing slash. */
    protected abstract String start(Path workDir) throws Exception;

    /** The application started. */
    protected abstract DemoApp app();

    protected abstract void stop() throws Exception;

    @TempDir
    Path workDir;

    String base;
    Chromium browsers;

    @BeforeEach
    void startAll() throws Exception {
        Chromium.requireInstalled();
        base = start(workDir);
        browsers = new Chromium(Path.of("target", "browser-profiles", UUID.randomUUID().toString()));
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            browsers.close();
        } finally {
            stop();
        }
    }

    /** Signs alice in from the sign-in page; ends on the session page. */
    void signIn(WebDriver d, boolean remember) {
        d.get(base + "/login");
        d.findElement(By.id("user")).sendKeys(DemoApp.USER);
        d.findElement(By.id("password")).sendKeys(DemoApp.PASSWORD);
        if (remember) {
            d.findElement(By.id("remember")).click();
        }
        submit(d, By.id("sign-in"));
        assertEquals(base + "/session", d.getCurrentUrl());
        assertEquals(DemoApp.USER, text(d, "user"));
    }

    static String keyIdOf(Cookie cookie) {
        return SealedHeader.peek(cookie.getValue()).keyId();
    }

    @Test
    void signingInSetsOneStrictSessionCookieThatScriptCannotRead() throws Exception {
        WebDriver a = browsers.open();
        signIn(a, false);
        Cookie session = a.manage().getCookieNamed(SESSION);
        assertNotNull(session, "the session cookie is stored");
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertTrue(session.isSecure(), "Secure");
        assertEquals("Lax", session.getSameSite());
        assertEquals("/", session.getPath());
        assertFalse(session.getDomain().startsWith("."), "host-only, as __Host- requires: " + session.getDomain());
        assertNull(a.manage().getCookieNamed(REMEMBER), "no remember-me unless asked");
        assertEquals(1, a.manage().getCookies().size(), "one cookie, no container session: " + a.manage().getCookies());
        String script = (String) ((JavascriptExecutor) a).executeScript("return document.cookie");
        assertFalse(script.contains(SESSION), "document.cookie does not show the session cookie: " + script);
        assertEquals(text(a, "primary-kid"), keyIdOf(session), "sealed under the primary key");

        assertEquals("1", text(a, "visits"));
        String created = text(a, "created");
        a.navigate().refresh();
        assertEquals("2", text(a, "visits"), "the counter lives in the cookie");
        assertEquals(created, text(a, "created"));
        assertEquals(DemoApp.USER, text(a, "user"));
    }

    @Test
    void aFormPostWithoutItsTokenIsRefusedAndWithItAccepted() throws Exception {
        WebDriver a = browsers.open();
        a.get(base + "/form");
        submit(a, By.id("post-without-token"));
        assertEquals("403 Forbidden: CSRF check failed (MISSING_TOKEN)", body(a).strip());

        a.get(base + "/form");
        WebElement note = a.findElement(By.id("note"));
        note.clear();
        note.sendKeys("<b>bold?</b> & \"quoted\"");
        submit(a, By.id("post-with-token"));
        assertTrue(text(a, "accepted").startsWith("Accepted"), body(a));
        assertEquals("<b>bold?</b> & \"quoted\"", text(a, "note-text"), "the note comes back as text, escaped");
    }

    @Test
    void rememberMeSignsInAgainAfterTheSessionCookieIsDeleted() throws Exception {
        WebDriver a = browsers.open();
        signIn(a, true);
        a.navigate().refresh();
        assertEquals("2", text(a, "visits"));
        Cookie remember = a.manage().getCookieNamed(REMEMBER);
        assertNotNull(remember, "remember-me was asked for");
        assertTrue(remember.isHttpOnly() && remember.isSecure(), remember.toString());

        a.manage().deleteCookieNamed(SESSION);
        assertNull(a.manage().getCookieNamed(SESSION));
        a.get(base + "/session");
        assertEquals(DemoApp.USER, text(a, "user"), "signed in again by the remember-me cookie");
        assertEquals("1", text(a, "visits"), "in a new session");
        assertNotNull(a.manage().getCookieNamed(SESSION), "with a new session cookie");
        Cookie next = a.manage().getCookieNamed(REMEMBER);
        assertNotNull(next);
        assertNotEquals(remember.getValue(), next.getValue(), "the remember-me token moved on a step");
    }

    @Test
    void signingOutEverywhereInOneBrowserEndsTheOthersSessionAndRememberMe() throws Exception {
        WebDriver a = browsers.open();
        WebDriver b = browsers.open();
        signIn(a, true);
        signIn(b, false);
        Cookie oldSession = a.manage().getCookieNamed(SESSION);

        submit(b, By.id("logout-everywhere"));
        assertEquals(base + "/login?out=everywhere", b.getCurrentUrl());
        assertEquals("You are signed out on every browser.", text(b, "signed-out"));
        assertEquals("Not signed in", text(b, "nav-user"));

        // Browser a still holds both cookies. First its remember-me alone: it no longer signs in.
        a.manage().deleteCookieNamed(SESSION);
        a.get(base + "/session");
        assertEquals("nobody", text(a, "user"), "the remember-me token was ended too");
        assertNull(a.manage().getCookieNamed(REMEMBER), "and the server deleted it");

        // Then its old session cookie, put back: no session either.
        a.manage().addCookie(new Cookie.Builder(SESSION, oldSession.getValue()).path("/").isSecure(true)
                .isHttpOnly(true).sameSite("Lax").build());
        assertEquals(oldSession.getValue(), a.manage().getCookieNamed(SESSION).getValue());
        a.get(base + "/session");
        assertEquals("nobody", text(a, "user"), "the old session cookie no longer signs in");
        assertEquals("1", text(a, "visits"), "a new, anonymous session");
    }

    @Test
    void rotatingTheKeysKeepsTheUserSignedInAndResealsTheCookie() throws Exception {
        WebDriver a = browsers.open();
        signIn(a, false);
        String before = text(a, "primary-kid");
        assertEquals(before, keyIdOf(a.manage().getCookieNamed(SESSION)));

        a.get(base + "/keys");
        submit(a, By.id("rotate"));
        String after = text(a, "primary-kid");
        assertNotEquals(before, after, "a new primary key");
        assertEquals(after, app().sealer().keys().primary().keyId(), "the sealer follows the key file");
        assertTrue(text(a, "rotated").contains(after), body(a));
        assertEquals(before, text(a, "cookie-kid"), "this request came with the cookie sealed under the old key");
        assertEquals("Signed in as " + DemoApp.USER, text(a, "nav-user"));
        assertEquals(after, keyIdOf(a.manage().getCookieNamed(SESSION)), "and its response resealed it under the new one");
        assertEquals(2, a.findElements(By.className("kid")).size(), "the old key still opens");

        a.get(base + "/session");
        assertEquals(DemoApp.USER, text(a, "user"));
        assertEquals(after, text(a, "cookie-kid"));
        assertEquals("2", text(a, "visits"), "the same session");
    }

    @Test
    void anOversizedSessionIsRefusedNotTruncated() throws Exception {
        WebDriver a = browsers.open();
        signIn(a, false);
        assertEquals("1", text(a, "visits"));
        String cookieBefore = a.manage().getCookieNamed(SESSION).getValue();

        a.get(base + "/big");
        assertEquals("5000", a.findElement(By.id("size")).getAttribute("value"));
        submit(a, By.id("store"));
        assertTrue(text(a, "refused").startsWith("Refused."), body(a));
        int cookieBytes = Integer.parseInt(text(a, "cookie-bytes"));
        int budget = Integer.parseInt(text(a, "budget-bytes"));
        assertEquals(4096, budget);
        assertTrue(cookieBytes > 5000 && cookieBytes > budget, cookieBytes + " bytes");
        assertEquals("none", text(a, "big-length"), "nothing stored, nothing cut");
        // The refused change leaves the session as it was: the cookie (reissued or not) seals as many bytes.
        assertEquals(cookieBefore.length(), a.manage().getCookieNamed(SESSION).getValue().length(),
                "the cookie holds what it held");

        a.get(base + "/session");
        assertEquals("2", text(a, "visits"), "the session still works");
        assertEquals(DemoApp.USER, text(a, "user"));

        a.get(base + "/big");
        WebElement size = a.findElement(By.id("size"));
        size.clear();
        size.sendKeys("1000");
        submit(a, By.id("store"));
        assertEquals("Stored 1000 characters in the session.", text(a, "stored"));
        assertEquals("1000 characters", text(a, "big-length"));
        a.get(base + "/session");
        assertEquals("3", text(a, "visits"));
    }
}
