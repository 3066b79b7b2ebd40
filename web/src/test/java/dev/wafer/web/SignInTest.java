package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing in and out: fixation, remember-me with rotation and theft detection, log out everywhere. */
class SignInTest {
    final TestClock clock = new TestClock(WebSessionsTest.T0);
    final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();
    final InMemoryRevocationStore store = new InMemoryRevocationStore();
    final WebSessions sessions = WebSessions.builder(sealer).clock(clock).revocationStore(store, StoreFailure.FAIL_CLOSED).build();

    private SessionHandle send(Browser b, TestRequest r, java.util.function.Consumer<SessionHandle> action) {
        SessionHandle h = sessions.begin(r);
        action.accept(h);
        b.receive(h.commit());
        return h;
    }

    private Optional<String> userOf(Browser b) {
        SessionHandle h = sessions.begin(b.get());
        Optional<String> user = h.user();
        b.receive(h.commit());
        return user;
    }

    @Test
    void signingInGivesANewIdSoThatAFixedOneIsWorthless() {
        Browser victim = new Browser();
        send(victim, victim.get(), h -> h.getOrCreate().setAttribute("cart", List.of("book")));
        Browser attacker = victim.copy(); // the attacker planted this session before the login
        String before = sessions.begin(victim.get()).session().orElseThrow().id();
        send(victim, victim.get(), h -> h.login("alice", false));
        SessionHandle after = sessions.begin(victim.get());
        assertEquals(Optional.of("alice"), after.user());
        assertNotEquals(before, after.session().orElseThrow().id());
        assertEquals(List.of("book"), after.session().orElseThrow().getAttribute("cart"), "the session keeps its attributes");
        assertTrue(sessions.begin(attacker.get()).session().isEmpty(), "the fixed id was revoked at login");
        assertFalse(victim.cookies.containsKey("__Host-remember"));
    }

    @Test
    void rememberMeSignsInAgainAfterTheSessionCookieIsGone() {
        Browser b = new Browser();
        send(b, b.get(), h -> h.login("alice", true));
        String line = b.lines.get("__Host-remember");
        assertTrue(line.contains("; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax"), line);
        b.cookies.remove("__Host-session"); // the browser was closed, or the session timed out
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.of("alice"), userOf(b), "signed in again from the remember-me cookie");
        assertTrue(b.cookies.containsKey("__Host-session"), "with a new session cookie");
    }

    @Test
    void rememberMeCanBeAskedForAfterSignInAndSaysWhenItSignedTheUserIn() {
        Browser b = new Browser();
        SessionHandle signedIn = send(b, b.get(), h -> h.login("alice", false));
        assertFalse(signedIn.remembered());
        assertFalse(b.cookies.containsKey("__Host-remember"));
        assertThrows(IllegalStateException.class, () -> send(new Browser(), new Browser().get(), SessionHandle::rememberMe),
                "no user is signed in");
        send(b, b.get(), SessionHandle::rememberMe); // as Spring Security's loginSuccess does, after the sign-in
        String first = b.cookies.get("__Host-remember");
        assertTrue(first != null);
        Browser copy = b.copy();
        send(b, b.get(), SessionHandle::rememberMe);
        assertNotEquals(first, b.cookies.get("__Host-remember"), "a new series");
        copy.cookies.remove("__Host-session");
        assertTrue(sessions.begin(copy.get()).user().isEmpty(), "the replaced series was revoked");

        b.cookies.remove("__Host-session");
        SessionHandle back = sessions.begin(b.get());
        assertEquals(Optional.of("alice"), back.user());
        assertTrue(back.remembered(), "this request's session came from the remember-me token");
        b.receive(back.commit());
        assertFalse(sessions.begin(b.get()).remembered(), "the next request has its session cookie");
    }

    @Test
    void aRememberMeTokenRotatesOnUseAndParallelRequestsWithinTheGraceWindowPass() {
        Browser b = new Browser();
        send(b, b.get(), h -> h.login("alice", true));
        b.cookies.remove("__Host-session");
        Browser parallel = b.copy(); // a second tab's request, sent with the same (old) token
        assertEquals(Optional.of("alice"), userOf(b));
        assertNotEquals(parallel.cookies.get("__Host-remember"), b.cookies.get("__Host-remember"), "rotated on use");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of("alice"), userOf(parallel), "within the grace window: not logged out");
        // Both now hold the current step; both keep working.
        b.cookies.remove("__Host-session");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.of("alice"), userOf(b));
    }

    @Test
    void anOldRememberMeTokenThatReappearsAfterTheWindowRevokesTheSeries() {
        Browser user = new Browser();
        send(user, user.get(), h -> h.login("alice", true));
        user.cookies.remove("__Host-session");
        Browser thief = user.copy(); // the token was copied
        assertEquals(Optional.of("alice"), userOf(user)); // the user's browser rotates it
        clock.advance(Duration.ofMinutes(5));
        thief.cookies.remove("__Host-session");
        assertEquals(Optional.empty(), userOf(thief), "the stolen token is detected");
        assertFalse(thief.cookies.containsKey("__Host-remember"), "and cleared");
        user.cookies.remove("__Host-session");
        assertEquals(Optional.empty(), userOf(user), "the whole series is revoked: the user signs in again");
    }

    @Test
    void loggingOutEndsTheSessionAndItsRememberMeSeries() {
        Browser b = new Browser();
        send(b, b.get(), h -> h.login("alice", true));
        Browser copy = b.copy();
        send(b, b.get(), SessionHandle::logout);
        assertTrue(b.cookies.isEmpty(), "both cookies cleared: " + b.cookies.keySet());
        assertEquals(Optional.empty(), userOf(copy), "a copy of the session cookie is revoked");
        copy.cookies.remove("__Host-session");
        assertEquals(Optional.empty(), userOf(copy), "and so is the remember-me series");
    }

    @Test
    void loggingOutEverywhereEndsEverySessionAndTokenOfTheUser() {
        Browser laptop = new Browser();
        Browser phone = new Browser();
        Browser bob = new Browser();
        send(laptop, laptop.get(), h -> h.login("alice", true));
        send(phone, phone.get(), h -> h.login("alice", true));
        send(bob, bob.get(), h -> h.login("bob", false));
        send(laptop, laptop.get(), SessionHandle::logoutEverywhere);
        assertEquals(Optional.empty(), userOf(phone), "the phone's session ends");
        phone.cookies.remove("__Host-session");
        assertEquals(Optional.empty(), userOf(phone), "and its remember-me token");
        assertEquals(Optional.of("bob"), userOf(bob), "other users are untouched");
        send(phone, phone.get(), h -> h.login("alice", false));
        assertEquals(Optional.of("alice"), userOf(phone), "signing in again works: the new session has the new generation");
        assertThrows(IllegalStateException.class, () -> sessions.begin(TestRequest.get()).logoutEverywhere());
    }

    @Test
    void aStoreThatIsDownRefusesARememberMeLoginButNeverThrowsOnARequest() {
        Browser b = new Browser();
        send(b, b.get(), h -> h.login("alice", true));
        b.cookies.remove("__Host-session");
        WebSessions open = WebSessions.builder(sealer).clock(clock).revocationStore(WebSessionsTest.failing(), StoreFailure.FAIL_OPEN)
                .build();
        SessionHandle h = open.begin(b.get());
        assertEquals(Optional.empty(), h.user(), "a remember-me login is never granted unchecked");
        h.commit();
    }

    @Test
    void theStoreIsGivenOnlyHashes() {
        List<String> seen = new java.util.ArrayList<>();
        RevocationStore recording = new RevocationStore() {
            @Override
            public void revoke(String idHash, java.time.Instant until) {
                seen.add(idHash);
                store.revoke(idHash, until);
            }

            @Override
            public boolean isRevoked(String idHash, java.time.Instant now) {
                seen.add(idHash);
                return store.isRevoked(idHash, now);
            }

            @Override
            public long generation(String userHash) {
                seen.add(userHash);
                return store.generation(userHash);
            }

            @Override
            public long advanceGeneration(String userHash) {
                seen.add(userHash);
                return store.advanceGeneration(userHash);
            }

            @Override
            public void startSeries(String seriesHash, java.time.Instant expiresAt) {
                seen.add(seriesHash);
                store.startSeries(seriesHash, expiresAt);
            }

            @Override
            public SeriesUse useSeries(String seriesHash, long step, java.time.Instant now, Duration grace) {
                seen.add(seriesHash);
                return store.useSeries(seriesHash, step, now, grace);
            }
        };
        WebSessions recorded = WebSessions.builder(sealer).clock(clock).revocationStore(recording, StoreFailure.FAIL_CLOSED).build();
        Browser b = new Browser();
        SessionHandle login = recorded.begin(b.get());
        login.login("alice", true);
        String id = login.session().orElseThrow().id();
        b.receive(login.commit());
        b.cookies.remove("__Host-session");
        SessionHandle again = recorded.begin(b.get());
        assertEquals(Optional.of("alice"), again.user());
        b.receive(again.commit());
        SessionHandle out = recorded.begin(b.get());
        out.logoutEverywhere();
        out.commit();
        assertTrue(seen.size() >= 6, seen.toString());
        for (String arg : seen) {
            assertTrue(arg.matches("[A-Za-z0-9_-]{43}"), "a SHA-256 hash, not " + arg);
        }
        assertFalse(seen.contains(id) || seen.contains("alice"));
        assertTrue(seen.contains(Ids.hash(Ids.Kind.USER, "alice")), "the user's generation, by its hash");
        assertNotEquals(Ids.hash(Ids.Kind.SESSION, id), Ids.hash(Ids.Kind.SERIES, id), "kinds hash apart");
    }
}
