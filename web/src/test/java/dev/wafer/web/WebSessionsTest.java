package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealedHeader;
import dev.wafer.SealingKeySet;
import dev.wafer.ValueTooLargeException;
import dev.wafer.Wafer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealed cookie sessions: what is set, when it is reissued, how it ends. */
class WebSessionsTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    final TestClock clock = new TestClock(T0);
    SealingKeySet keys = SealingKeySet.generate();
    CookieSealer sealer = CookieSealer.builder(keys).engines(Wafer.engines("jca")).clock(clock).build();
    WebSessions sessions = WebSessions.builder(sealer).clock(clock).build();

    /** One request: begin, do something, commit into the browser. */
    List<String> request(Browser browser, TestRequest r, java.util.function.Consumer<SessionHandle> action) {
        SessionHandle h = sessions.begin(r);
        action.accept(h);
        return browser.receive(h.commit());
    }

    @Test
    void noCookieMeansNoSessionAndNothingToSet() {
        SessionHandle h = sessions.begin(TestRequest.get());
        assertTrue(h.session().isEmpty());
        assertTrue(h.user().isEmpty());
        assertEquals(List.of(), h.commit());
    }

    @Test
    void aNewSessionIsOneStrictSealedCookieThatOpensOnTheNextRequest() {
        Browser b = new Browser();
        List<String> set = request(b, b.get(), h -> h.getOrCreate().setAttribute("count", 1));
        assertEquals(1, set.size());
        String line = set.get(0);
        assertTrue(line.startsWith("__Host-session="), line);
        assertTrue(line.endsWith("; Max-Age=1800; Path=/; Secure; HttpOnly; SameSite=Lax"), line);
        String value = b.cookies.get("__Host-session");
        assertEquals(sealer.keys().primary().keyId(), SealedHeader.peek(value).keyId());
        assertEquals(T0.plus(Duration.ofMinutes(30)), SealedHeader.peek(value).expiresAt(), "the sealed value ends at idle");
        SessionHandle next = sessions.begin(b.get());
        WebSession s = next.session().orElseThrow();
        assertEquals(1L, s.getAttribute("count"), "an Integer reads back as a Long (JSON)");
        assertFalse(s.isNew());
        assertEquals(List.of(), next.commit(), "nothing changed and no touch is due: no Set-Cookie");
    }

    @Test
    void aCookieIsReissuedOnlyWhenItChangedItsKeyRotatedOrItsIdleDeadlineMustMoveAndNeverTwice() {
        Browser b = new Browser();
        request(b, b.get(), h -> h.getOrCreate().setAttribute("n", 0));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(), request(b, b.get(), h -> h.session().orElseThrow().getAttribute("n")), "read only");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, request(b, b.get(), h -> h.session().orElseThrow()).size(), "a touch is due after a minute");
        SessionHandle h = sessions.begin(b.get());
        h.session().orElseThrow().setAttribute("n", 1);
        h.session().orElseThrow().setAttribute("n", 2);
        assertEquals(1, b.receive(h.commit()).size(), "two changes, one cookie");
        assertEquals(List.of(), h.commit(), "never twice in one request");
        assertThrows(IllegalStateException.class, () -> h.session().orElseThrow().setAttribute("n", 3),
                "a change after the cookies were sent is refused, not lost");
        // A rotation: the value under the old key opens, and is resealed under the new primary.
        sessions = WebSessions.builder(sealer.withKeys(keys.rotate().keySet())).clock(clock).build();
        List<String> resealed = request(b, b.get(), x -> x.session().orElseThrow());
        assertEquals(1, resealed.size());
        assertEquals(sessions.sealer.get().keys().primary().keyId(), SealedHeader.peek(b.cookies.get("__Host-session")).keyId());
        assertEquals(2L, sessions.begin(b.get()).session().orElseThrow().getAttribute("n"));
    }

    @Test
    void anIdleSessionEndsAndAnActiveOneStillEndsAtItsAbsoluteLifetime() {
        Browser b = new Browser();
        request(b, b.get(), h -> h.getOrCreate().setAttribute("a", "b"));
        Browser idle = b.copy();
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.begin(idle.get()).session().isEmpty(), "30 minutes without a request: ended");
        clock.advance(Duration.ofMinutes(-30));
        // Active every 10 minutes: the idle deadline moves, the absolute end (12 h) does not.
        for (int i = 0; i < 12 * 6 - 1; i++) {
            clock.advance(Duration.ofMinutes(10));
            request(b, b.get(), h -> assertTrue(h.session().isPresent()));
        }
        clock.advance(Duration.ofMinutes(10));
        SessionHandle end = sessions.begin(b.get());
        assertTrue(end.session().isEmpty(), "12 hours after it began, however active");
        List<String> cleared = b.receive(end.commit());
        assertEquals(List.of("__Host-session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly; "
                + "SameSite=Lax"), cleared, "a cookie that no longer opens is cleared");
    }

    @Test
    void aTamperedForeignOrGarbageCookieIsNoSessionNeverAnError() {
        Browser b = new Browser();
        request(b, b.get(), h -> h.getOrCreate().setAttribute("a", "b"));
        String good = b.cookies.get("__Host-session");
        CookieSealer other = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();
        for (String bad : List.of(good.substring(1), good + "A", good.replace(good.charAt(40), good.charAt(40) == 'A' ? 'B' : 'A'),
                "", "garbage", "%00%0d%0a", "\"" + good + "\"", other.seal("{\"v\":1}", sessions.sessionCookie().context()),
                sealer.seal("{\"v\":1}", sessions.sessionCookie().context()), sealer.seal("not json", sessions.sessionCookie().context()),
                sealer.seal("{\"v\":1}", dev.wafer.SealContext.of("__Host-session", "other")))) {
            SessionHandle h = sessions.begin(TestRequest.get().cookies("__Host-session=" + bad));
            assertTrue(h.session().isEmpty(), bad);
        }
        // The first of several values that opens wins (a cookie set for two paths, or tossed by a subdomain).
        SessionHandle h = sessions.begin(TestRequest.get().cookies("__Host-session=garbage; __Host-session=" + good));
        assertEquals("b", h.session().orElseThrow().getAttribute("a"));
    }

    @Test
    void attributesAreJsonValuesNeverObjectsAndTheSessionMustFitItsCookie() {
        Browser b = new Browser();
        SessionHandle h = sessions.begin(b.get());
        WebSession s = h.getOrCreate();
        s.setAttribute("list", List.of(1, "two", 3.5, true, Map.of("k", List.of())));
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class, () -> s.setAttribute("when", new Date()));
        assertTrue(date.getMessage().contains("java.util.Date") && date.getMessage().contains("never serialized Java objects"),
                date.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.setAttribute("d", new java.math.BigDecimal("1.10")));
        assertThrows(IllegalArgumentException.class, () -> s.setAttribute("nan", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.setAttribute("m", Map.of(1, "x")));
        Object deep = List.of();
        for (int i = 0; i < SessionValues.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThrows(IllegalArgumentException.class, () -> s.setAttribute("deep", tooDeep));
        s.setAttribute("fits", "x".repeat(2000));
        ValueTooLargeException big = assertThrows(ValueTooLargeException.class, () -> s.setAttribute("big", "x".repeat(3000)));
        assertTrue(big.cookieBytes() > 4096 && big.maxCookieBytes() == 4096, big.getMessage());
        assertNull(s.getAttribute("big"), "refused, not truncated: the attribute was not set");
        assertEquals(List.of("list", "fits"), s.attributeNames());
        b.receive(h.commit());
        WebSession back = sessions.begin(b.get()).session().orElseThrow();
        assertEquals(List.of(1L, "two", 3.5, true, Map.of("k", List.of())), back.getAttribute("list"));
        assertEquals(2000, ((String) back.getAttribute("fits")).length());
        SessionHandle refused = sessions.begin(b.get());
        assertThrows(ValueTooLargeException.class, () -> refused.session().orElseThrow().setAttribute("big", "x".repeat(3000)));
        assertEquals(List.of(), refused.commit(), "a refused change leaves nothing to reissue");
    }

    @Test
    void invalidatingEndsTheSessionClearsTheCookieAndRevokesItsId() {
        Browser b = new Browser();
        request(b, b.get(), h -> h.getOrCreate().setAttribute("a", "b"));
        Browser copy = b.copy(); // a copy of the cookie, as a thief would keep it
        List<String> set = request(b, b.get(), h -> h.session().orElseThrow().invalidate());
        assertTrue(set.get(0).startsWith("__Host-session=; Max-Age=0"), set.toString());
        assertTrue(b.cookies.isEmpty());
        assertTrue(sessions.begin(copy.get()).session().isEmpty(), "the copy is revoked, though it has not expired");
        SessionHandle h = sessions.begin(copy.get());
        assertTrue(h.session().isEmpty());
    }

    @Test
    void changingTheIdRevokesTheOldOneAndKeepsTheAttributes() {
        Browser b = new Browser();
        request(b, b.get(), h -> h.getOrCreate().setAttribute("a", "b"));
        Browser fixated = b.copy();
        String[] ids = new String[2];
        request(b, b.get(), h -> {
            ids[0] = h.session().orElseThrow().id();
            ids[1] = h.changeId();
        });
        assertNotEquals(ids[0], ids[1]);
        assertTrue(ids[1].matches("[A-Za-z0-9_-]{22}"));
        assertEquals("b", sessions.begin(b.get()).session().orElseThrow().getAttribute("a"));
        assertTrue(sessions.begin(fixated.get()).session().isEmpty(), "the old id is worthless");
        assertThrows(IllegalStateException.class, () -> sessions.begin(TestRequest.get()).changeId());
    }

    @Test
    void aStoreThatCannotAnswerFailsClosedOrOpenAsTheApplicationChose() {
        Browser b = new Browser();
        request(b, b.get(), h -> h.getOrCreate().setAttribute("a", "b"));
        RevocationStore down = failing();
        WebSessions closed = WebSessions.builder(sealer).clock(clock).revocationStore(down, StoreFailure.FAIL_CLOSED).build();
        SessionHandle outage = closed.begin(b.get());
        assertTrue(outage.session().isEmpty());
        assertEquals(List.of(), outage.commit(), "an outage is not the client's doing: its cookie is kept, not cleared");
        assertEquals("b", sessions.begin(b.get()).session().orElseThrow().getAttribute("a"), "and works once the store is back");
        WebSessions open = WebSessions.builder(sealer).clock(clock).revocationStore(down, StoreFailure.FAIL_OPEN).build();
        assertEquals("b", open.begin(b.get()).session().orElseThrow().getAttribute("a"));
    }

    static RevocationStore failing() {
        return new RevocationStore() {
            private RuntimeException down() {
                return new RevocationStoreException("store down", new java.io.IOException("connection refused"));
            }

            @Override
            public void revoke(String idHash, Instant until) {
                throw down();
            }

            @Override
            public boolean isRevoked(String idHash, Instant now) {
                throw down();
            }

            @Override
            public long generation(String userHash) {
                throw down();
            }

            @Override
            public long advanceGeneration(String userHash) {
                throw down();
            }

            @Override
            public void startSeries(String seriesHash, Instant expiresAt) {
                throw down();
            }

            @Override
            public SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace) {
                throw down();
            }
        };
    }

    @Test
    void settingsThatContradictEachOtherFailAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> WebSessions.builder(sealer).idleTimeout(Duration.ofSeconds(30)).build());
        assertThrows(IllegalArgumentException.class, () -> WebSessions.builder(sealer).idleTimeout(Duration.ofHours(2))
                .absoluteTimeout(Duration.ofHours(1)).build());
        assertThrows(IllegalArgumentException.class, () -> WebSessions.builder(sealer).touchInterval(Duration.ofHours(1)).build());
        assertThrows(IllegalArgumentException.class, () -> WebSessions.builder(sealer)
                .shortLived(Duration.ofMinutes(5), CookieSpec.builder("__Host-session").build()).build(), "two cookies, one name");
        assertThrows(IllegalArgumentException.class, () -> WebSessions.builder(sealer).sizeBudget(5000));
        assertTrue(sessions.toString().contains("idle=PT30M"), sessions.toString());
    }
}
