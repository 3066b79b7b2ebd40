package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealedHeader;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Short-lived session cookies with a refresh cookie, and binding a session to its client. */
class ShortLivedAndBindingTest {
    final TestClock clock = new TestClock(WebSessionsTest.T0);
    final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();
    final CookieSpec refresh = CookieSpec.builder("__Host-session-refresh").purpose("session-refresh").build();

    private List<String> send(WebSessions s, Browser b, TestRequest r, java.util.function.Consumer<SessionHandle> action) {
        SessionHandle h = s.begin(r);
        action.accept(h);
        return b.receive(h.commit());
    }

    @Test
    void aShortLivedSessionCookieIsUsefulForMinutesAndTheRefreshCookieReMintsIt() {
        InMemoryRevocationStore store = new InMemoryRevocationStore();
        WebSessions s = WebSessions.builder(sealer).clock(clock).shortLived(Duration.ofMinutes(5), refresh)
                .revocationStore(store, StoreFailure.FAIL_CLOSED).build();
        Browser b = new Browser();
        send(s, b, b.get(), h -> h.login("alice", false));
        assertEquals(WebSessionsTest.T0.plus(Duration.ofMinutes(5)), SealedHeader.peek(b.cookies.get("__Host-session")).expiresAt());
        assertEquals(WebSessionsTest.T0.plus(Duration.ofMinutes(30)),
                SealedHeader.peek(b.cookies.get("__Host-session-refresh")).expiresAt());
        assertTrue(b.lines.get("__Host-session").contains("; Max-Age=300;"));
        Browser copied = new Browser();
        copied.cookies.put("__Host-session", b.cookies.get("__Host-session")); // a stolen session cookie alone
        // Active: nothing is reissued within the touch interval; after it, both cookies move on.
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), send(s, b, b.get(), h -> assertTrue(h.user().isPresent())));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(2, send(s, b, b.get(), h -> assertTrue(h.user().isPresent())).size(), "re-minted while active");
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), SealedHeader.peek(b.cookies.get("__Host-session")).expiresAt());
        // A pause of 20 minutes: the short cookie expired, the refresh cookie re-mints it.
        clock.advance(Duration.ofMinutes(20));
        assertEquals(Optional.of("alice"), s.begin(b.get()).user());
        List<String> reminted = send(s, b, b.get(), h -> assertTrue(h.user().isPresent()));
        assertEquals(2, reminted.size(), reminted.toString());
        assertEquals(Optional.empty(), s.begin(copied.get()).user(), "the stolen session cookie expired within minutes");
    }

    @Test
    void theRefreshCookieIsCheckedAgainstRevocation() {
        InMemoryRevocationStore store = new InMemoryRevocationStore();
        WebSessions s = WebSessions.builder(sealer).clock(clock).shortLived(Duration.ofMinutes(5), refresh)
                .revocationStore(store, StoreFailure.FAIL_CLOSED).build();
        Browser laptop = new Browser();
        Browser phone = new Browser();
        send(s, laptop, laptop.get(), h -> h.login("alice", false));
        send(s, phone, phone.get(), h -> h.login("alice", false));
        send(s, laptop, laptop.get(), SessionHandle::logoutEverywhere);
        assertEquals(Optional.of("alice"), s.begin(phone.get()).user(), "until its short cookie expires, the phone is "
                + "not asked: the documented trade-off");
        clock.advance(Duration.ofMinutes(6));
        SessionHandle h = s.begin(phone.get());
        assertEquals(Optional.empty(), h.user(), "at the re-mint, the refresh cookie is refused");
        assertEquals(2, phone.receive(h.commit()).size(), "both cookies cleared");
        assertTrue(phone.cookies.isEmpty());
    }

    @Test
    void aBoundSessionPresentedByAnotherClientEndsOrIsMarkedAsTheApplicationDecides() {
        WebSessions ends = WebSessions.builder(sealer).clock(clock).clientBinding(ClientBinding.of(24, 64, true)).build();
        Browser b = new Browser();
        send(ends, b, b.get().from("198.51.100.7").header("User-Agent", "Firefox/140"), h -> h.login("alice", false));
        assertEquals(Optional.of("alice"), ends.begin(b.get().from("198.51.100.200").header("User-Agent", "Firefox/140")).user(),
                "the same /24");
        assertEquals(Optional.empty(), ends.begin(b.get().from("203.0.113.7").header("User-Agent", "Firefox/140")).user(),
                "another network");
        assertEquals(Optional.empty(), ends.begin(b.get().from("198.51.100.7").header("User-Agent", "curl/8")).user(),
                "another user agent");
        WebSessions marks = WebSessions.builder(sealer).clock(clock).clientBinding(ClientBinding.of(24, 64, true)
                .onMismatch(r -> ClientBinding.Decision.KEEP_AND_MARK)).build();
        SessionHandle h = marks.begin(b.get().from("203.0.113.7").header("User-Agent", "Firefox/140"));
        assertEquals(Optional.of("alice"), h.user());
        assertTrue(h.bindingMismatch(), "kept, and marked for re-authentication");
        assertFalse(marks.begin(b.get().from("198.51.100.9").header("User-Agent", "Firefox/140")).bindingMismatch());
        // IPv6: a /64 keeps working across privacy addresses.
        Browser v6 = new Browser();
        send(ends, v6, v6.get().from("2001:db8:1:2::10").header("User-Agent", "x"), x -> x.login("bob", false));
        assertEquals(Optional.of("bob"), ends.begin(v6.get().from("2001:db8:1:2:aaaa::1").header("User-Agent", "x")).user());
        assertEquals(Optional.empty(), ends.begin(v6.get().from("2001:db8:1:3::10").header("User-Agent", "x")).user());
        // A host name is never looked up: it binds as "no address".
        assertEquals(ClientBinding.of(24, 64, false).fingerprint(TestRequest.get().from("localhost")),
                ClientBinding.of(24, 64, false).fingerprint(TestRequest.get().from(null)));
    }
}
