package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSRF: fetch metadata, origin, synchronizer tokens masked per response, signed double-submit. */
class CsrfTest {
    final TestClock clock = new TestClock(WebSessionsTest.T0);
    final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();

    private WebSessions sessions(CsrfPolicy policy) {
        return WebSessions.builder(sealer).clock(clock).csrf(policy).build();
    }

    private CsrfException.Reason refusal(WebSessions sessions, TestRequest r) {
        return assertThrows(CsrfException.class, () -> sessions.begin(r).checkCsrf()).reason();
    }

    /** A page load: the browser gets a session and the page a token. */
    private String page(WebSessions sessions, Browser b) {
        SessionHandle h = sessions.begin(b.get());
        String token = h.csrfToken().value();
        b.receive(h.commit());
        return token;
    }

    @Test
    void synchronizerTokensAreMaskedPerResponseAndBoundToTheSession() {
        WebSessions s = sessions(CsrfPolicy.synchronizer());
        Browser b = new Browser();
        String first = page(s, b);
        String second = page(s, b);
        assertNotEquals(first, second, "masked afresh for every page (BREACH)");
        assertEquals(86, first.length());
        s.begin(b.post().header("X-CSRF-Token", first)).checkCsrf();
        s.begin(b.post().field("_csrf", second)).checkCsrf();
        s.begin(b.get()).checkCsrf(); // safe methods are not checked
        s.begin(TestRequest.get()).checkCsrf();
        assertEquals(CsrfException.Reason.MISSING_TOKEN, refusal(s, b.post()));
        assertEquals(CsrfException.Reason.MISSING_TOKEN, refusal(s, b.post().field("_csrf", "")));
        Browser other = new Browser();
        String others = page(s, other);
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, b.post().header("X-CSRF-Token", others)), "another session's");
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, TestRequest.post().header("X-CSRF-Token", first)), "no session");
        char[] c = first.toCharArray();
        c[50] = c[50] == 'A' ? 'B' : 'A';
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, b.post().header("X-CSRF-Token", new String(c))));
        for (String garbage : List.of("x", "!!!", first + "AA", first.substring(2))) {
            assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, b.post().header("X-CSRF-Token", garbage)), garbage);
        }
        for (String unsafe : List.of("PUT", "PATCH", "DELETE", "PROPFIND", "post")) {
            TestRequest r = b.get();
            r.method = unsafe;
            assertEquals(CsrfException.Reason.MISSING_TOKEN, refusal(s, r), unsafe);
        }
    }

    @Test
    void signingInGivesANewSecretSoThatATokenFromBeforeIsWorthless() {
        WebSessions s = sessions(CsrfPolicy.synchronizer());
        Browser b = new Browser();
        String before = page(s, b);
        SessionHandle login = s.begin(b.post().header("X-CSRF-Token", before));
        login.checkCsrf();
        login.login("alice", false);
        b.receive(login.commit());
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, b.post().header("X-CSRF-Token", before)));
        String after = page(s, b); // before b.post(): the page load reissues the cookie with the new secret
        s.begin(b.post().header("X-CSRF-Token", after)).checkCsrf();
    }

    @Test
    void fetchMetadataAndOriginRefuseOtherSitesBeforeAnyToken() {
        WebSessions s = sessions(CsrfPolicy.synchronizer());
        Browser b = new Browser();
        String token = page(s, b);
        assertEquals(CsrfException.Reason.CROSS_SITE, refusal(s, b.post().header("X-CSRF-Token", token)
                .header("Sec-Fetch-Site", "cross-site")));
        assertEquals(CsrfException.Reason.CROSS_SITE, refusal(s, b.post().header("X-CSRF-Token", token)
                .header("Sec-Fetch-Site", "same-site")), "a sibling subdomain may be someone else's");
        sessions(CsrfPolicy.synchronizer().allowSameSite()).begin(b.post().header("X-CSRF-Token", token)
                .header("Sec-Fetch-Site", "same-site")).checkCsrf();
        s.begin(b.post().header("X-CSRF-Token", token).header("Sec-Fetch-Site", "same-origin")).checkCsrf();
        assertEquals(CsrfException.Reason.CROSS_ORIGIN, refusal(s, b.post().header("X-CSRF-Token", token)
                .header("Origin", "https://evil.example")));
        assertEquals(CsrfException.Reason.CROSS_ORIGIN, refusal(s, b.post().header("X-CSRF-Token", token)
                .header("Origin", "null")), "an opaque origin");
        s.begin(b.post().header("X-CSRF-Token", token).header("Origin", "https://APP.example")).checkCsrf();
        WebSessions spa = sessions(CsrfPolicy.synchronizer().allowOrigins("https://spa.example"));
        spa.begin(b.post().header("X-CSRF-Token", token).header("Origin", "https://spa.example")).checkCsrf();
        assertThrows(IllegalArgumentException.class, () -> CsrfPolicy.synchronizer().allowOrigins("https://x.example/path"));
    }

    @Test
    void doubleSubmitTokensLiveInACookieScriptReadsBoundToTheSessionId() {
        WebSessions s = sessions(CsrfPolicy.doubleSubmit());
        Browser b = new Browser();
        String token = page(s, b);
        String line = b.lines.get("__Host-csrf");
        assertTrue(line.startsWith("__Host-csrf=" + token + "; Path=/; Secure; SameSite=Lax"), line);
        assertFalse(line.contains("HttpOnly"), "script reads it");
        assertEquals(token, page(s, b), "the same token while the session id stays");
        s.begin(b.post().header("X-CSRF-Token", token)).checkCsrf();
        assertEquals(CsrfException.Reason.MISSING_TOKEN, refusal(s, b.post()));
        // An attacker's own valid token, planted as a cookie, is bound to the attacker's session.
        Browser attacker = new Browser();
        String theirs = page(s, attacker);
        Browser planted = b.copy();
        planted.cookies.put("__Host-csrf", theirs);
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, planted.post().header("X-CSRF-Token", theirs)),
                "an unbound double-submit cookie would pass here");
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, b.post().header("X-CSRF-Token", theirs)), "header and cookie differ");
        // A new session id (sign-in) gets a new token, and the old one stops working.
        SessionHandle login = s.begin(b.post().header("X-CSRF-Token", token));
        login.checkCsrf();
        login.login("alice", false);
        b.receive(login.commit());
        assertNotEquals(token, b.cookies.get("__Host-csrf"));
        s.begin(b.post().header("X-CSRF-Token", b.cookies.get("__Host-csrf"))).checkCsrf();
        Browser stale = b.copy();
        stale.cookies.put("__Host-csrf", token);
        assertEquals(CsrfException.Reason.BAD_TOKEN, refusal(s, stale.post().header("X-CSRF-Token", token)));
    }

    @Test
    void offAndExemptRequestsAreNotChecked() {
        sessions(CsrfPolicy.off()).begin(TestRequest.post()).checkCsrf();
        assertThrows(IllegalStateException.class, () -> sessions(CsrfPolicy.off()).begin(TestRequest.get()).csrfToken());
        assertTrue(CsrfPolicy.off().isOff());
        assertFalse(CsrfPolicy.synchronizer().isOff() || CsrfPolicy.doubleSubmit().isOff());
        WebSessions webhook = sessions(CsrfPolicy.synchronizer().exempt(r -> "hook".equals(r.header("X-Source"))));
        webhook.begin(TestRequest.post().header("X-Source", "hook")).checkCsrf();
        assertThrows(CsrfException.class, () -> webhook.begin(TestRequest.post()).checkCsrf());
        assertTrue(CsrfPolicy.isUnsafe("POST") && !CsrfPolicy.isUnsafe("get") && !CsrfPolicy.isUnsafe("OPTIONS"));
    }
}
