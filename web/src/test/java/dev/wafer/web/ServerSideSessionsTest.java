package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.ValueTooLargeException;
import dev.wafer.Wafer;
import dev.wafer.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Sessions whose attributes live in a {@link SessionStore}: always, or when they outgrow the cookie. */
class ServerSideSessionsTest {
    static final Instant T0 = WebSessionsTest.T0;

    final TestClock clock = new TestClock(T0);
    final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();
    final Recording store = new Recording(new InMemorySessionStore(clock));
    final InMemoryRevocationStore revocations = new InMemoryRevocationStore();

    /** A store that records what it was asked, and can be made to fail. */
    static final class Recording implements SessionStore {
        final SessionStore inner;
        final List<String> ids = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        int loads;
        int saves;
        int touches;
        int deletes;
        boolean down;

        Recording(SessionStore inner) {
            this.inner = inner;
        }

        private void check(String idHash) {
            ids.add(idHash);
            if (down) {
                throw new SessionStoreException("store down", new java.io.IOException("connection refused"));
            }
        }

        @Override
        public byte[] load(String idHash) {
            loads++;
            check(idHash);
            return inner.load(idHash);
        }

        @Override
        public void save(String idHash, byte[] data, Instant expiresAt) {
            saves++;
            check(idHash);
            times.add(expiresAt);
            inner.save(idHash, data, expiresAt);
        }

        @Override
        public void touch(String idHash, Instant expiresAt) {
            touches++;
            check(idHash);
            times.add(expiresAt);
            inner.touch(idHash, expiresAt);
        }

        @Override
        public void delete(String idHash) {
            deletes++;
            check(idHash);
            inner.delete(idHash);
        }

        @Override
        public String toString() {
            return inner.toString();
        }
    }

    WebSessions sessions(SessionStore.Mode mode) {
        return WebSessions.builder(sealer).clock(clock).revocationStore(revocations, StoreFailure.FAIL_CLOSED)
                .sessionStore(store, mode).build();
    }

    static List<String> request(WebSessions ws, Browser b, TestRequest r, Consumer<SessionHandle> action) {
        SessionHandle h = ws.begin(r);
        action.accept(h);
        return b.receive(h.commit());
    }

    Map<String, Object> cookie(WebSessions ws, Browser b) {
        return Json.parseObject(sealer.open(b.cookies.get("__Host-session"), ws.sessionCookie().context()).bytes());
    }

    static String hash(String id) {
        return Ids.hash(Ids.Kind.SESSION, id);
    }

    @Test
    void alwaysKeepsTheAttributesInTheStoreUnderTheHashedIdAndTheSealedSessionInTheCookie() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        String[] id = new String[1];
        request(ws, b, b.get(), h -> {
            WebSession s = h.getOrCreate();
            s.setAttribute("cart", List.of("tea", 2));
            s.setAttribute("big", "x".repeat(10_000)); // more than a cookie holds
            id[0] = s.id();
        });
        Map<String, Object> c = cookie(ws, b);
        assertEquals(id[0], c.get("id"));
        assertEquals(1L, c.get("s"), "the cookie says its attributes are in the store");
        assertFalse(c.containsKey("a"), "and holds none of them");
        assertTrue(b.cookies.get("__Host-session").length() < 300, "the cookie stays small");
        assertEquals(1, store.saves);
        assertEquals(List.of(hash(id[0])), store.ids, "the store is given the hashed id, never the id");
        assertEquals(T0.plus(Duration.ofMinutes(30)), store.times.get(0), "kept until the idle deadline");
        Map<String, Object> data = Json.parseObject(store.inner.load(hash(id[0])), SessionState.DATA_LIMITS);
        assertEquals(Map.of("v", 1L, "a", Map.of("cart", List.of("tea", 2L), "big", "x".repeat(10_000))), data,
                "the session's own JSON, never serialized objects");

        clock.advance(Duration.ofSeconds(30));
        SessionHandle next = ws.begin(b.get());
        assertEquals(List.of("tea", 2L), next.session().orElseThrow().getAttribute("cart"));
        assertEquals(10_000, ((String) next.session().orElseThrow().getAttribute("big")).length());
        assertEquals(List.of(), next.commit(), "read only, no touch due: nothing set");
        assertEquals(1, store.saves, "and nothing written");
        assertEquals(0, store.touches);
    }

    @Test
    void aTouchMovesTheDataTimeWithoutRewritingItAndAChangeRewritesIt() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        request(ws, b, b.get(), h -> h.getOrCreate().setAttribute("n", 1));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, request(ws, b, b.get(), h -> h.session().orElseThrow()).size(), "a touch is due");
        assertEquals(1, store.saves);
        assertEquals(1, store.touches, "the data's time moved, the data was not rewritten");
        assertEquals(T0.plus(Duration.ofMinutes(31)), store.times.get(1));
        request(ws, b, b.get(), h -> h.session().orElseThrow().setAttribute("n", 2));
        assertEquals(2, store.saves);
        assertEquals(2L, ws.begin(b.get()).session().orElseThrow().getAttribute("n"));
    }

    @Test
    void theDataEndsWithTheSessionIdleOrAbsolute() {
        WebSessions ws = WebSessions.builder(sealer).clock(clock).revocationStore(revocations, StoreFailure.FAIL_CLOSED)
                .sessionStore(store, SessionStore.Mode.ALWAYS).absoluteTimeout(Duration.ofHours(1)).build();
        Browser b = new Browser();
        request(ws, b, b.get(), h -> h.getOrCreate().setAttribute("n", 1));
        clock.advance(Duration.ofMinutes(20));
        request(ws, b, b.get(), h -> h.session().orElseThrow().setAttribute("n", 2));
        assertEquals(T0.plus(Duration.ofMinutes(50)), store.times.get(store.times.size() - 1), "the idle deadline");
        clock.advance(Duration.ofMinutes(25));
        request(ws, b, b.get(), h -> h.session().orElseThrow().setAttribute("n", 3));
        assertEquals(T0.plus(Duration.ofHours(1)), store.times.get(store.times.size() - 1),
                "15 minutes before its absolute end, the data is kept 15 minutes, not 30");
        Browser idle = b.copy();
        clock.advance(Duration.ofMinutes(15));
        assertTrue(ws.begin(idle.get()).session().isEmpty());
        assertTrue(store.inner.load(store.ids.get(0)) == null, "the store forgot it at the same time");
    }

    @Test
    void signingInAndChangingTheIdMoveTheDataAndRevokeTheOldId() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        String[] ids = new String[2];
        request(ws, b, b.get(), h -> {
            h.getOrCreate().setAttribute("basket", List.of("tea"));
            ids[0] = h.session().orElseThrow().id();
        });
        Browser fixated = b.copy();
        request(ws, b, b.get(), h -> {
            h.login("alice", false);
            ids[1] = h.session().orElseThrow().id();
        });
        assertNotEquals(ids[0], ids[1]);
        assertNull(store.inner.load(hash(ids[0])), "the old id's data is gone");
        assertNotNull(store.inner.load(hash(ids[1])));
        SessionHandle h = ws.begin(b.get());
        assertEquals("alice", h.user().orElseThrow());
        assertEquals(List.of("tea"), h.session().orElseThrow().getAttribute("basket"), "the attributes came along");
        assertTrue(ws.begin(fixated.get()).session().isEmpty(), "the old id is revoked");
    }

    @Test
    void signingOutDeletesTheDataAndRevokesTheId() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        String[] id = new String[1];
        request(ws, b, b.get(), h -> {
            h.login("alice", false);
            h.session().orElseThrow().setAttribute("a", "b");
            id[0] = h.session().orElseThrow().id();
        });
        Browser copy = b.copy();
        List<String> set = request(ws, b, b.get(), SessionHandle::logout);
        assertTrue(set.get(0).startsWith("__Host-session=; Max-Age=0"), set.toString());
        assertNull(store.inner.load(hash(id[0])));
        assertTrue(ws.begin(copy.get()).session().isEmpty());
    }

    @Test
    void dataThatIsGoneOrMalformedEndsTheSessionAndClearsItsCookie() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        String[] id = new String[1];
        request(ws, b, b.get(), h -> id[0] = h.getOrCreate().id());
        Browser malformed = b.copy();
        store.inner.delete(hash(id[0]));
        SessionHandle h = ws.begin(b.get());
        assertTrue(h.session().isEmpty(), "evicted or flushed: the session is over");
        assertTrue(h.commit().get(0).startsWith("__Host-session=; Max-Age=0"));
        store.inner.save(hash(id[0]), "{\"v\":2}".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(60));
        assertTrue(ws.begin(malformed.get()).session().isEmpty());
        store.inner.save(hash(id[0]), "not json".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(60));
        assertTrue(ws.begin(malformed.get()).session().isEmpty());
        store.inner.save(hash(id[0]), "{\"v\":1,\"a\":{\"d\":1.5E400}}".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(60));
        assertTrue(ws.begin(malformed.get()).session().isEmpty());
    }

    @Test
    void aStoreThatCannotAnswerLeavesTheRequestWithoutItsSessionAndKeepsItsCookie() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        request(ws, b, b.get(), h -> {
            h.login("alice", true);
            h.session().orElseThrow().setAttribute("a", "b");
        });
        store.down = true;
        SessionHandle h = ws.begin(b.get());
        assertTrue(h.session().isEmpty(), "unreachable for this request");
        assertTrue(h.user().isEmpty());
        assertEquals(List.of(), h.commit(), "its cookie is kept, and the remember-me token not spent");
        store.down = false;
        SessionHandle back = ws.begin(b.get());
        assertEquals("b", back.session().orElseThrow().getAttribute("a"), "the same session, once the store answers");
        assertEquals("alice", back.user().orElseThrow());
    }

    @Test
    void aChangeThatCannotBeSavedFailsTheRequestRatherThanBeingLost() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        request(ws, b, b.get(), h -> h.getOrCreate().setAttribute("n", 1));
        SessionHandle h = ws.begin(b.get());
        h.session().orElseThrow().setAttribute("n", 2);
        store.down = true;
        assertThrows(SessionStoreException.class, h::commit);
        store.down = false;
        assertEquals(1L, ws.begin(b.get()).session().orElseThrow().getAttribute("n"), "the browser still holds the old session");
        // A touch that cannot be recorded does not fail a request that changed nothing.
        clock.advance(Duration.ofMinutes(1));
        SessionHandle touch = ws.begin(b.get());
        touch.session().orElseThrow();
        store.down = true;
        assertEquals(1, b.receive(touch.commit()).size());
    }

    @Test
    void overflowKeepsSessionsThatFitInTheirCookieAndMovesLargerOnesToTheStoreAndBack() {
        WebSessions ws = sessions(SessionStore.Mode.OVERFLOW);
        Browser b = new Browser();
        request(ws, b, b.get(), h -> h.getOrCreate().setAttribute("small", "s"));
        assertEquals(Map.of("small", "s"), cookie(ws, b).get("a"), "it fits: the whole session is in the cookie");
        assertEquals(0, store.loads + store.saves + store.touches + store.deletes, "and the store is never asked");
        assertEquals("s", ws.begin(b.get()).session().orElseThrow().getAttribute("small"));
        assertEquals(0, store.loads);

        String[] id = new String[1];
        request(ws, b, b.get(), h -> {
            h.session().orElseThrow().setAttribute("big", "y".repeat(6000));
            id[0] = h.session().orElseThrow().id();
        });
        assertEquals(1L, cookie(ws, b).get("s"), "too large: moved to the store");
        assertNotNull(store.inner.load(hash(id[0])));
        SessionHandle read = ws.begin(b.get());
        assertEquals(6000, ((String) read.session().orElseThrow().getAttribute("big")).length());
        assertEquals("s", read.session().orElseThrow().getAttribute("small"));

        request(ws, b, b.get(), h -> h.session().orElseThrow().removeAttribute("big"));
        assertEquals(Map.of("small", "s"), cookie(ws, b).get("a"), "it fits again: back in the cookie");
        assertNull(store.inner.load(hash(id[0])), "and its data left the store");
    }

    @Test
    void theStoreKeepsAtMostAMebibyteOfDataAndNoCookieLimitApplies() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        SessionHandle h = ws.begin(b.get());
        WebSession s = h.getOrCreate();
        s.setAttribute("fits", "z".repeat(100_000));
        ValueTooLargeException big = assertThrows(ValueTooLargeException.class,
                () -> s.setAttribute("huge", "z".repeat(SessionStore.MAX_DATA_BYTES)));
        assertTrue(big.getMessage().contains("session store"), big.getMessage());
        assertNull(s.getAttribute("huge"), "refused, not truncated");
        b.receive(h.commit());
        assertEquals(100_000, ((String) ws.begin(b.get()).session().orElseThrow().getAttribute("fits")).length());
    }

    @Test
    void aCookieThatPointsToAStoreIsNoSessionWhereThereIsNone() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        request(ws, b, b.get(), h -> h.getOrCreate().setAttribute("a", "b"));
        WebSessions without = WebSessions.builder(sealer).clock(clock).revocationStore(revocations, StoreFailure.FAIL_CLOSED)
                .build();
        SessionHandle h = without.begin(b.get());
        assertTrue(h.session().isEmpty(), "never a session without its attributes");
        assertTrue(h.commit().get(0).startsWith("__Host-session=; Max-Age=0"));
    }

    @Test
    void csrfAndRememberMeWorkAsWithCookieSessions() {
        WebSessions ws = sessions(SessionStore.Mode.ALWAYS);
        Browser b = new Browser();
        String[] token = new String[1];
        request(ws, b, b.get(), h -> {
            h.login("alice", true);
            token[0] = h.csrfToken().value();
        });
        SessionHandle post = ws.begin(b.post().field("_csrf", token[0]).header("Origin", "https://app.example"));
        post.checkCsrf();
        assertThrows(CsrfException.class, () -> ws.begin(b.post().field("_csrf", "x".repeat(86))
                .header("Origin", "https://app.example")).checkCsrf());
        b.cookies.remove("__Host-session"); // the browser was closed
        SessionHandle again = ws.begin(b.get());
        assertEquals("alice", again.user().orElseThrow(), "remember-me signs the user in again");
        again.session().orElseThrow().setAttribute("after", true);
        b.receive(again.commit());
        assertEquals(true, ws.begin(b.get()).session().orElseThrow().getAttribute("after"));
        assertEquals(1L, cookie(ws, b).get("s"));
    }

    @Test
    void exclusiveSessionsEndTheUsersOtherSessionsAndRememberMeTokensAtSignIn() {
        WebSessions ws = WebSessions.builder(sealer).clock(clock).revocationStore(revocations, StoreFailure.FAIL_CLOSED)
                .exclusiveSessions(true).build();
        assertTrue(ws.toString().contains("one session per user"), ws.toString());
        Browser laptop = new Browser();
        Browser phone = new Browser();
        Browser other = new Browser();
        request(ws, laptop, laptop.get(), h -> h.login("alice", true));
        request(ws, other, other.get(), h -> h.login("bob", false));
        assertTrue(ws.begin(laptop.get()).user().isPresent());
        request(ws, phone, phone.get(), h -> h.login("alice", false));
        assertTrue(ws.begin(laptop.get()).session().isEmpty(), "the phone's sign-in ended the laptop's session");
        laptop.cookies.remove("__Host-session");
        assertTrue(ws.begin(laptop.get()).user().isEmpty(), "and its remember-me token");
        assertEquals("alice", ws.begin(phone.get()).user().orElseThrow());
        assertEquals("bob", ws.begin(other.get()).user().orElseThrow(), "other users keep theirs");
        request(ws, laptop, laptop.get(), h -> h.login("alice", false));
        assertTrue(ws.begin(phone.get()).session().isEmpty(), "and back");

        WebSessions shared = WebSessions.builder(sealer).clock(clock).revocationStore(revocations, StoreFailure.FAIL_CLOSED)
                .build();
        Browser one = new Browser();
        Browser two = new Browser();
        request(shared, one, one.get(), h -> h.login("carol", false));
        request(shared, two, two.get(), h -> h.login("carol", false));
        assertTrue(shared.begin(one.get()).user().isPresent(), "by default a user keeps many sessions");
        assertFalse(shared.toString().contains("one session per user"));
    }

    @Test
    void theSettingsSayWhereAttributesLive() {
        assertTrue(sessions(SessionStore.Mode.OVERFLOW).toString().contains("attributes in InMemorySessionStore"),
                sessions(SessionStore.Mode.OVERFLOW).toString().replace(", ", "\n"));
        assertThrows(NullPointerException.class, () -> WebSessions.builder(sealer).sessionStore(null, SessionStore.Mode.ALWAYS));
        assertThrows(NullPointerException.class, () -> WebSessions.builder(sealer).sessionStore(store, null));
    }
}
