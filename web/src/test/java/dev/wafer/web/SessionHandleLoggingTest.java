package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What {@link SessionHandle} logs (issue 11): the warning for a session cookie above 80 % of its
 * budget, at most once a minute, and never the value of a cookie that did not open.
 *
 * <p>slf4j-simple writes to whatever {@code System.err} is when it logs, so each test captures
 * it. The build runs this class in a JVM of its own (web/pom.xml, execution {@code logging}) with
 * {@code dev.wafer.web} at debug, so that the debug line about a bad cookie is written and read
 * too; and so that no other test has used this minute's size warning.
 */
class SessionHandleLoggingTest {
    /** A minute no other test's clock is in: the size warning is once a minute over the JVM. */
    static final Instant T0 = Instant.parse("2031-03-04T05:06:00Z");

    final TestClock clock = new TestClock(T0);
    final CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();

    /** Runs an action with System.err captured; returns what was written. */
    static String captured(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.setErr(original);
        }
        String log = out.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }

    static List<String> lines(String log, String containing) {
        List<String> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains(containing)) {
                out.add(line);
            }
        }
        return out;
    }

    // ---- the 80 % warning -------------------------------------------------------------------------

    static final String SIZE_WARNING = "more than 80 % of its budget";

    /** A request that sets an attribute of so many characters; returns the session cookie's name=value. */
    static String setPadding(WebSessions sessions, Browser b, int chars) {
        SessionHandle h = sessions.begin(b.get());
        h.getOrCreate().setAttribute("pad", "x".repeat(chars));
        b.receive(h.commit());
        return "__Host-session=" + b.cookies.get("__Host-session");
    }

    @Test
    void warnsOnceAMinuteWhenASessionCookieIsAboveEightyPercentOfItsBudget() {
        int budget = 1024;
        WebSessions sessions = WebSessions.builder(sealer).clock(clock).sizeBudget(budget).build();
        Browser small = new Browser();
        Browser large = new Browser();
        Browser larger = new Browser();
        String[] pairs = new String[4];

        String log = captured(() -> {
            pairs[0] = setPadding(sessions, small, 10);
            pairs[1] = setPadding(sessions, large, 500);
            pairs[2] = setPadding(sessions, larger, 520); // the same minute: no second warning
            clock.advance(Duration.ofMinutes(1));
            pairs[3] = setPadding(sessions, large, 510); // the next minute: warned again
        });

        assertTrue(pairs[0].length() * 5 < budget * 4, "the small session is below 80 %: " + pairs[0].length());
        for (int i = 1; i < 4; i++) {
            assertTrue(pairs[i].length() * 5 > budget * 4 && pairs[i].length() <= budget,
                    "the large sessions are between 80 % and 100 % of the budget: " + pairs[i].length());
        }
        List<String> warnings = lines(log, SIZE_WARNING);
        assertEquals(2, warnings.size(), "one warning in each minute, none for the small session:\n" + log);
        for (String w : warnings) {
            assertTrue(w.contains("WARN"), w);
            assertTrue(w.contains("of " + budget), "it gives the budget: " + w);
            assertTrue(w.contains("SessionHandle"), w);
        }
        assertTrue(warnings.get(0).contains("is " + pairs[1].length() + " bytes"), "it gives the size: " + warnings.get(0));
        assertTrue(warnings.get(1).contains("is " + pairs[3].length() + " bytes"), "it gives the size: " + warnings.get(1));
        for (String pair : pairs) {
            String value = pair.substring(pair.indexOf('=') + 1);
            assertFalse(log.contains(value.substring(0, 32)), "the warning never quotes the cookie");
        }
    }

    // ---- bad cookies ------------------------------------------------------------------------------

    static String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether a log holds any 16-character run of a value. */
    static boolean quotes(String log, String value) {
        for (int i = 0; i + 16 <= value.length(); i++) {
            if (log.contains(value.substring(i, i + 16))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void neverLogsTheValueOfACookieThatDidNotOpen() {
        CookieSpec refresh = CookieSpec.builder("__Host-session-refresh").purpose("session-refresh").build();
        WebSessions sessions = WebSessions.builder(sealer).clock(clock).build();
        WebSessions shortLived = WebSessions.builder(sealer).clock(clock).shortLived(Duration.ofMinutes(5), refresh).build();
        SealContext sessionContext = sessions.sessionCookie().context();

        Browser good = new Browser();
        SessionHandle first = sessions.begin(good.get());
        first.login("alice", true);
        good.receive(first.commit());
        String valid = good.cookies.get("__Host-session");
        String remember = good.cookies.get("__Host-remember");

        CookieSealer otherKeys = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).clock(clock).build();
        List<String> bad = new ArrayList<>();
        bad.add(randomBase64Url(300)); // garbage
        bad.add(valid.substring(0, 40) + (valid.charAt(40) == 'A' ? 'B' : 'A') + valid.substring(41)); // tampered
        bad.add(valid.substring(0, valid.length() - 7)); // truncated
        bad.add(otherKeys.seal("{\"v\":1}", sessionContext)); // another application's keys
        bad.add(sealer.seal("{\"v\":1}", SealContext.of("other-purpose"))); // another context
        bad.add(sealer.seal("{\"v\":2,\"id\":\"" + randomBase64Url(16) + "\"}", sessionContext)); // opens, not a session
        bad.add(sealer.seal("{\"v\":1,\"id\":\"" + randomBase64Url(16) + "\",\"c\":1,\"i\":1,\"e\":4102444800,"
                + "\"a\":{\"n\":null}}", sessionContext)); // a session with a null attribute
        bad.add(sealer.seal("[" + randomBase64Url(40).replace('-', 'a') + "]", sessionContext)); // not JSON
        String soonExpired = sealer.seal("{\"v\":1}", sessionContext, Duration.ofSeconds(30)); // opened after it ends

        String log = captured(() -> {
            for (String value : bad) {
                for (String name : List.of("__Host-session", "__Host-remember")) {
                    SessionHandle h = sessions.begin(TestRequest.get().cookies(name + "=" + value));
                    assertTrue(h.session().isEmpty());
                    h.commit();
                }
                SessionHandle h = shortLived.begin(TestRequest.get().cookies("__Host-session-refresh=" + value));
                assertTrue(h.session().isEmpty());
                h.commit();
                // HTTP/2 may split cookies over headers: the bad value beside a good session
                SessionHandle both = sessions.begin(TestRequest.get().cookies("__Host-session=" + value)
                        .cookies("__Host-session=" + valid));
                assertTrue(both.session().isPresent(), "the good value still opens");
                both.commit();
            }
            // a remember-me token used again after its grace window: the series is revoked, and that is logged
            for (int i = 0; i < 2; i++) {
                SessionHandle h = sessions.begin(TestRequest.get().cookies("__Host-remember=" + remember));
                assertEquals(i == 0, h.session().isPresent());
                h.commit();
                clock.advance(Duration.ofMinutes(1));
            }
            SessionHandle h = sessions.begin(TestRequest.get().cookies("__Host-session=" + soonExpired));
            assertTrue(h.session().isEmpty());
            h.commit();
        });

        bad.add(soonExpired);
        bad.add(remember);
        for (String value : bad) {
            assertFalse(quotes(log, value), "a cookie value (or 16 characters of it) is in the log:\n" + log);
        }
        assertFalse(quotes(log, valid), "nor is a good one");
        // The capture works, and the lines that are about these cookies were written.
        assertTrue(log.contains("A remember-me token was used again"), log);
        boolean debug = LoggerFactory.getLogger(SessionHandle.class).isDebugEnabled();
        assumeTrue(debug, "dev.wafer.web logs at debug only in the build's own JVM for this test (web/pom.xml)");
        assertTrue(lines(log, "did not open as a session").size() >= bad.size(), "every refusal was logged, at debug:\n" + log);
    }
}
