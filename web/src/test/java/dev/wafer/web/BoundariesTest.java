package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.ValueTooLargeException;
import dev.wafer.Wafer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every bound of the web layer, at the bound and one past it. */
class BoundariesTest {
    final TestClock clock = new TestClock(WebSessionsTest.T0);
    final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();

    private WebSessions.Builder builder() {
        return WebSessions.builder(sealer).clock(clock);
    }

    private static final CookieSpec REMEMBER = CookieSpec.builder("__Host-remember").purpose("remember-me").build();

    @Test
    void settingsAreCheckedAtTheirBounds() {
        builder().idleTimeout(Duration.ofMinutes(1)).touchInterval(Duration.ofSeconds(59)).build();
        assertThrows(IllegalArgumentException.class, () -> builder().idleTimeout(Duration.ofSeconds(59)).build());
        builder().idleTimeout(Duration.ofHours(1)).absoluteTimeout(Duration.ofHours(1)).build();
        assertThrows(IllegalArgumentException.class, () -> builder().idleTimeout(Duration.ofHours(1))
                .absoluteTimeout(Duration.ofMinutes(59)).build());
        builder().touchInterval(Duration.ofSeconds(1)).build();
        assertThrows(IllegalArgumentException.class, () -> builder().touchInterval(Duration.ofMillis(999)).build());
        builder().touchInterval(Duration.ofMinutes(29)).build();
        assertThrows(IllegalArgumentException.class, () -> builder().touchInterval(Duration.ofMinutes(30)).build());
        CookieSpec refresh = CookieSpec.builder("__Host-r").purpose("r").build();
        builder().shortLived(Duration.ofSeconds(30), refresh).build();
        assertThrows(IllegalArgumentException.class, () -> builder().shortLived(Duration.ofSeconds(29), refresh).build());
        builder().shortLived(Duration.ofMinutes(29), refresh).build();
        assertThrows(IllegalArgumentException.class, () -> builder().shortLived(Duration.ofMinutes(30), refresh).build());
        builder().rememberMe(REMEMBER, Duration.ofHours(1), Duration.ZERO).build();
        builder().rememberMe(REMEMBER, CookieSealer.MAX_LIFETIME, Duration.ofMinutes(5)).build();
        assertThrows(IllegalArgumentException.class, () -> builder().rememberMe(REMEMBER, Duration.ofMinutes(59), Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> builder().rememberMe(REMEMBER,
                CookieSealer.MAX_LIFETIME.plusSeconds(1), Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> builder().rememberMe(REMEMBER, Duration.ofDays(1), Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().rememberMe(REMEMBER, Duration.ofDays(1),
                Duration.ofMinutes(5).plusSeconds(1)).build());
        builder().sizeBudget(512).build();
        builder().sizeBudget(4096).build();
        assertThrows(IllegalArgumentException.class, () -> builder().sizeBudget(511));
        assertThrows(IllegalArgumentException.class, () -> builder().sizeBudget(4097));
        assertThrows(IllegalArgumentException.class, () -> builder().rememberMe(CookieSpec.builder("__Host-session").build(),
                Duration.ofDays(1), Duration.ZERO).build(), "the remember-me cookie cannot share the session cookie's name");
    }

    @Test
    void cookieOctetsAndTokenCharactersAreExactlyRfc6265s() {
        String octets = "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        for (char c = 0; c < 0x100; c++) {
            assertEquals(octets.indexOf(c) >= 0, CookieSpec.isCookieOctet(c), "cookie-octet U+" + Integer.toHexString(c));
        }
        String tchars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (char c = 0; c < 0x100; c++) {
            assertEquals(tchars.indexOf(c) >= 0, CookieSpec.isTokenChar(c), "tchar U+" + Integer.toHexString(c));
        }
        CookieSpec s = CookieSpec.builder("n").build();
        assertEquals("n=" + octets + "; Path=/; Secure; HttpOnly; SameSite=Lax", s.setCookie(octets, null));
        assertEquals("n=x; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax", s.setCookie("x", Duration.ZERO));
        assertEquals(256, CookieSpec.builder("a".repeat(256)).build().name().length());
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.builder("a".repeat(257)).build());
        CookieSpec.builder("n").purpose("p".repeat(256)).build();
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.builder("n").purpose("p".repeat(257)).build());
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.builder("n").purpose("\u007f").build());
        CookieSpec.builder("n").purpose(" ~").build();
        assertEquals("n", CookieSpec.builder("n").domain(".example.com").build().name());
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.builder("n").domain("-example.com").build());
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.builder("n").path("/a b").build());
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.builder("n").path("/a,b").build());
        CookieSpec.builder("n").path("/~!").build();
        assertTrue(CookieSpec.builder("n").sameSite(SameSite.NONE).build().toString().contains("SameSite=None"));
        assertFalse(CookieSpec.builder("n").build().toString().contains(" for "), "no purpose, no 'for'");
        assertEquals(SameSite.STRICT, CookieSpec.builder("n").sameSite(SameSite.STRICT).build().sameSite());
        assertTrue(s.secure() && s.httpOnly());
        assertEquals("", s.purpose());
    }

    @Test
    void theCookieHeaderReaderHoldsItsBoundsExactly() {
        String fits = "a=" + "v".repeat(CookieHeader.MAX_HEADER_BYTES - 2);
        assertEquals(CookieHeader.MAX_HEADER_BYTES, fits.length());
        assertEquals(1, CookieHeader.parse(fits).size());
        assertEquals(Map.of(), CookieHeader.parse(fits + "v"));
        assertEquals(Map.of(), CookieHeader.parse(List.of(fits, "b=1")), "the bound is over every header together");
        StringBuilder hundred = new StringBuilder();
        for (int i = 0; i < CookieHeader.MAX_COOKIES; i++) {
            hundred.append("c=").append(i).append(';');
        }
        assertEquals(CookieHeader.MAX_COOKIES, CookieHeader.parse(hundred + "c=last").get("c").size(), "one name, 100 values");
        assertFalse(CookieHeader.parse(hundred + "c=last").get("c").contains("last"));
        assertEquals(Map.of("a", List.of("")), CookieHeader.parse("a="));
        assertEquals(Map.of("b", List.of("2")), CookieHeader.parse("=1;b=2"));
        assertEquals(Map.of("a", List.of("1")), CookieHeader.parse("a=1;"));
        assertEquals(Map.of("a", List.of("1"), "b", List.of("2")), CookieHeader.parse("a=1;b=2"));
        assertEquals(Map.of("b", List.of("2")), CookieHeader.parse("x;b=2"), "a pair without '=' is skipped, not glued to the next");
        Map<String, List<String>> parsed = CookieHeader.parse("a=1");
        assertThrows(UnsupportedOperationException.class, () -> parsed.put("b", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> parsed.get("a").add("2"));
        List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        withNull.add("a=1");
        assertEquals(Map.of("a", List.of("1")), CookieHeader.parse(withNull));
        assertEquals(Map.of(), CookieHeader.parse(List.of()));
        assertEquals(Map.of(), CookieHeader.parse((List<String>) null));
    }

    @Test
    void aSessionThatFillsItsCookieExactlyFitsAndOneByteMoreDoesNot() {
        WebSessions s = builder().build();
        Browser b = new Browser();
        SessionHandle h = s.begin(b.get());
        WebSession session = h.getOrCreate();
        // Grow one attribute a character at a time until it no longer fits: the last that fits is exactly the budget.
        int n = 2500;
        while (true) {
            try {
                session.setAttribute("v", "x".repeat(n));
                n++;
            } catch (ValueTooLargeException e) {
                assertTrue(e.cookieBytes() == 4097 || e.cookieBytes() == 4098 || e.cookieBytes() == 4099, e.getMessage());
                break;
            }
        }
        assertEquals(n - 1, ((String) session.getAttribute("v")).length(), "the last that fitted stays");
        b.receive(h.commit());
        assertTrue(b.lines.get("__Host-session").length() > 4000);
        int cookie = "__Host-session=".length() + b.cookies.get("__Host-session").length();
        assertTrue(cookie <= 4096 && cookie >= 4094, "name=value is " + cookie + " bytes");
        assertEquals(n - 1, ((String) s.begin(b.get()).session().orElseThrow().getAttribute("v")).length());
        WebSessions small = builder().sizeBudget(512).build();
        SessionHandle smallHandle = small.begin(TestRequest.get());
        assertThrows(ValueTooLargeException.class, () -> smallHandle.getOrCreate().setAttribute("v", "x".repeat(400)));
    }

    @Test
    void aSessionEndsAtItsAbsoluteEndToTheSecond() {
        WebSessions s = builder().idleTimeout(Duration.ofMinutes(10)).absoluteTimeout(Duration.ofMinutes(10)).build();
        Browser b = new Browser();
        SessionHandle first = s.begin(b.get());
        first.getOrCreate().setAttribute("a", 1);
        b.receive(first.commit());
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(s.begin(b.get()).session().isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(s.begin(b.get()).session().isEmpty());
    }

    @Test
    void aShortLivedCookieIsReMintedFromHalfItsLife() {
        WebSessions s = builder().touchInterval(Duration.ofMinutes(20)).shortLived(Duration.ofMinutes(4),
                CookieSpec.builder("__Host-r").purpose("r").build()).build();
        Browser b = new Browser();
        SessionHandle first = s.begin(b.get());
        first.getOrCreate().setAttribute("a", 1);
        b.receive(first.commit());
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        SessionHandle before = s.begin(b.get());
        before.session().orElseThrow();
        assertEquals(List.of(), before.commit());
        clock.advance(Duration.ofSeconds(1));
        SessionHandle at = s.begin(b.get());
        at.session().orElseThrow();
        List<String> set = b.receive(at.commit());
        assertEquals(1, set.size(), "the session cookie alone: the refresh cookie's touch is not due: " + set);
        assertTrue(set.get(0).startsWith("__Host-session="));
        // A refresh cookie that no longer opens, and no session cookie: both are cleared.
        Browser stale = new Browser();
        stale.cookies.put("__Host-r", "garbage");
        SessionHandle h = s.begin(stale.get());
        assertTrue(h.session().isEmpty());
        assertEquals(2, stale.receive(h.commit()).size());
    }

    @Test
    void theHandleKeepsItsPromisesInAnyOrderOfCalls() {
        WebSessions s = builder().clientBinding(ClientBinding.of(24, 64, false)
                .onMismatch(r -> ClientBinding.Decision.KEEP_AND_MARK)).build();
        Browser b = new Browser();
        SessionHandle login = s.begin(b.get().from("198.51.100.1"));
        login.login("alice", false);
        WebSession fresh = login.session().orElseThrow();
        assertTrue(fresh.isNew());
        assertEquals(Optional.of("alice"), fresh.user());
        assertEquals(WebSessionsTest.T0, fresh.createdAt());
        assertEquals(WebSessionsTest.T0, fresh.lastIssuedAt());
        assertEquals(WebSessionsTest.T0.plus(Duration.ofHours(12)), fresh.endsAt());
        assertEquals("WebSession[0 attributes, signed in]", fresh.toString());
        b.receive(login.commit());
        // The first call on a handle loads the session, whichever it is.
        assertTrue(s.begin(b.get().from("203.0.113.1")).bindingMismatch());
        assertFalse(s.begin(b.get().from("198.51.100.2")).bindingMismatch());
        SessionHandle change = s.begin(b.get().from("198.51.100.1")); // changeId as the first call
        String changed = change.changeId();
        assertTrue(changed.matches("[A-Za-z0-9_-]{22}"));
        b.receive(change.commit());
        Browser copy = b.copy();
        SessionHandle invalidate = s.begin(b.get().from("198.51.100.1"));
        invalidate.invalidate(); // without a look at the session first
        b.receive(invalidate.commit());
        assertTrue(s.begin(copy.get().from("198.51.100.1")).session().isEmpty(), "revoked though never looked at");
        // After the cookies are sent, nothing can change.
        SessionHandle done = s.begin(TestRequest.get());
        done.commit();
        assertThrows(IllegalStateException.class, done::getOrCreate);
        assertThrows(IllegalStateException.class, () -> done.login("bob", false));
        SessionHandle old = s.begin(TestRequest.get());
        WebSession x = old.getOrCreate();
        old.commit();
        assertThrows(IllegalStateException.class, old::changeId);
        assertThrows(IllegalStateException.class, () -> x.setAttribute("a", 1));
    }

    @Test
    void aWebSessionFollowsHttpSessionsRules() {
        WebSessions s = builder().build();
        SessionHandle h = s.begin(TestRequest.get());
        WebSession session = h.getOrCreate();
        session.setAttribute("a", "1");
        session.setAttribute("b", "2");
        session.setAttribute("a", null);
        assertEquals(List.of("b"), session.attributeNames(), "null removes");
        session.removeAttribute("missing");
        String id = session.id();
        session.invalidate();
        assertEquals(id, session.id(), "the id stays readable");
        assertThrows(IllegalStateException.class, session::invalidate);
        assertThrows(IllegalStateException.class, () -> session.getAttribute("b"));
        assertThrows(IllegalStateException.class, session::attributeNames);
        assertThrows(IllegalStateException.class, session::createdAt);
        assertEquals("WebSession[invalidated]", session.toString());
        assertTrue(h.session().isEmpty());
        assertTrue(h.user().isEmpty());
        WebSession again = h.getOrCreate();
        assertNotEquals(id, again.id(), "a new session after an invalidation");
        again.setAttribute("n".repeat(SessionValues.MAX_NAME_CHARS), 1);
        again.removeAttribute("n".repeat(SessionValues.MAX_NAME_CHARS));
        for (int i = 0; i < SessionValues.MAX_ATTRIBUTES; i++) {
            again.setAttribute("k" + i, i);
        }
        again.setAttribute("k0", "replacing one is fine");
        assertThrows(IllegalArgumentException.class, () -> again.setAttribute("one-more", 1));
        assertThrows(IllegalArgumentException.class, () -> again.setAttribute("", 1));
        assertThrows(IllegalArgumentException.class, () -> again.setAttribute("n".repeat(SessionValues.MAX_NAME_CHARS + 1), 1));
        assertThrows(IllegalArgumentException.class, () -> SessionValues.copy("x", null));
        assertEquals(Long.MAX_VALUE, SessionValues.copy("x", java.math.BigInteger.valueOf(Long.MAX_VALUE)));
        assertEquals(java.math.BigInteger.ONE.shiftLeft(63), SessionValues.copy("x", java.math.BigInteger.ONE.shiftLeft(63)));
        assertEquals(2.5, SessionValues.copy("x", 2.5f));
        assertEquals(7L, SessionValues.copy("x", (short) 7));
        assertEquals(7L, SessionValues.copy("x", (byte) 7));
        Object deepest = List.of();
        for (int i = 1; i < SessionValues.MAX_DEPTH; i++) {
            deepest = List.of(deepest);
        }
        SessionValues.copy("deep", deepest);
        assertThrows(IllegalArgumentException.class, () -> SessionValues.copy("x", Map.of("k", Float.POSITIVE_INFINITY)));
    }

    @Test
    void signingInAgainWithRememberMeRevokesThePreviousSeries() {
        WebSessions s = builder().build();
        Browser b = new Browser();
        SessionHandle first = s.begin(b.get());
        first.login("alice", true);
        b.receive(first.commit());
        Browser oldToken = b.copy();
        SessionHandle second = s.begin(b.get());
        second.login("alice", true);
        b.receive(second.commit());
        oldToken.cookies.remove("__Host-session");
        assertTrue(s.begin(oldToken.get()).user().isEmpty(), "the first series was revoked at the second sign-in");
        b.cookies.remove("__Host-session");
        assertEquals(Optional.of("alice"), s.begin(b.get()).user());
    }

    @Test
    void loggingOutEverywhereClearsThisBrowsersCookiesInTheSameResponse() {
        WebSessions s = builder().build();
        Browser b = new Browser();
        SessionHandle login = s.begin(b.get());
        login.login("alice", true);
        b.receive(login.commit());
        SessionHandle out = s.begin(b.get());
        out.logoutEverywhere();
        List<String> set = b.receive(out.commit());
        assertEquals(2, set.size(), set.toString());
        assertTrue(set.stream().allMatch(l -> l.contains("Max-Age=0")), set.toString());
    }

    @Test
    void aRememberMeSessionIsBoundLikeAnyOther() {
        InMemoryRevocationStore store = new InMemoryRevocationStore();
        WebSessions s = builder().revocationStore(store, StoreFailure.FAIL_CLOSED).clientBinding(ClientBinding.of(24, 64, false)).build();
        Browser b = new Browser();
        SessionHandle login = s.begin(b.get().from("198.51.100.1"));
        login.login("alice", true);
        b.receive(login.commit());
        b.cookies.remove("__Host-session");
        SessionHandle restored = s.begin(b.get().from("198.51.100.7"));
        assertEquals(Optional.of("alice"), restored.user());
        b.receive(restored.commit());
        assertTrue(s.begin(b.get().from("203.0.113.9")).user().isEmpty(), "the restored session is bound to its client");
        Browser tokenOnly = b.copy();
        tokenOnly.cookies.remove("__Host-session");
        SessionHandle elsewhere = s.begin(tokenOnly.get().from("203.0.113.9"));
        assertTrue(elsewhere.user().isEmpty(), "and so is the remember-me token: deleting the session cookie does not evade it");
        assertTrue(tokenOnly.receive(elsewhere.commit()).get(0).startsWith("__Host-remember=; Max-Age=0"));
        WebSessions marks = builder().revocationStore(store, StoreFailure.FAIL_CLOSED).clientBinding(ClientBinding.of(24, 64, false)
                .onMismatch(r -> ClientBinding.Decision.KEEP_AND_MARK)).build();
        Browser marked = b.copy();
        marked.cookies.remove("__Host-session");
        SessionHandle kept = marks.begin(marked.get().from("203.0.113.9"));
        assertEquals(Optional.of("alice"), kept.user());
        assertTrue(kept.bindingMismatch(), "kept, and marked for re-authentication");
    }

    @Test
    void addressPrefixesKeepExactlyTheirBits() {
        WebRequest a = TestRequest.get().from("198.51.100.255");
        assertEquals(ClientBinding.of(24, 64, false).fingerprint(a), ClientBinding.of(24, 64, false)
                .fingerprint(TestRequest.get().from("198.51.100.0")));
        assertNotEquals(ClientBinding.of(25, 64, false).fingerprint(a), ClientBinding.of(25, 64, false)
                .fingerprint(TestRequest.get().from("198.51.100.0")));
        assertEquals(ClientBinding.of(20, 64, false).fingerprint(TestRequest.get().from("198.51.111.1")),
                ClientBinding.of(20, 64, false).fingerprint(TestRequest.get().from("198.51.96.200")));
        assertNotEquals(ClientBinding.of(20, 64, false).fingerprint(TestRequest.get().from("198.51.112.1")),
                ClientBinding.of(20, 64, false).fingerprint(TestRequest.get().from("198.51.96.200")));
        assertEquals(ClientBinding.of(0, 0, false).fingerprint(a), ClientBinding.of(0, 0, false).fingerprint(TestRequest.get().from("10.0.0.1")));
        assertNotEquals(ClientBinding.of(32, 64, false).fingerprint(a), ClientBinding.of(32, 64, false)
                .fingerprint(TestRequest.get().from("198.51.100.254")));
        assertNotEquals(ClientBinding.of(24, 128, false).fingerprint(TestRequest.get().from("[2001:db8::1]")),
                ClientBinding.of(24, 128, false).fingerprint(TestRequest.get().from("2001:db8::2")));
        assertEquals(ClientBinding.of(24, 64, false).fingerprint(TestRequest.get().from("fe80::1%eth0")),
                ClientBinding.of(24, 64, false).fingerprint(TestRequest.get().from("fe80::2")));
        ClientBinding.of(0, 0, true);
        ClientBinding.of(32, 128, true);
        assertThrows(IllegalArgumentException.class, () -> ClientBinding.of(-1, 64, false));
        assertThrows(IllegalArgumentException.class, () -> ClientBinding.of(33, 64, false));
        assertThrows(IllegalArgumentException.class, () -> ClientBinding.of(24, -1, false));
        assertThrows(IllegalArgumentException.class, () -> ClientBinding.of(24, 129, false));
        assertEquals(ClientBinding.Decision.END_SESSION, ClientBinding.of(24, 64, false).onMismatch(r -> null).mismatch(a));
        assertEquals("ClientBinding[ipv4/24, ipv6/64, user agent]", ClientBinding.of(24, 64, true).toString());
    }
}
