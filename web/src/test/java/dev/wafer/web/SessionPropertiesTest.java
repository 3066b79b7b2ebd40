package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.ValueTooLargeException;
import dev.wafer.Wafer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of sessions and cookies: any JSON-mappable attributes round-trip through the cookie
 * exactly; no change to a session cookie opens; the Cookie header reads back what a browser wrote.
 */
class SessionPropertiesTest {
    private static final TestClock CLOCK = new TestClock(WebSessionsTest.T0);
    private static final CookieSealer SEALER = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca"))
            .clock(CLOCK).build();
    private static final WebSessions SESSIONS = WebSessions.builder(SEALER).clock(CLOCK).build();

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(10).filter(SessionPropertiesTest::isUnicode)
                        .map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TWO.pow(70).negate(), java.math.BigInteger.TWO.pow(70))
                        .map(b -> (Object) b));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), inner).ofMaxSize(4).map(m -> (Object) m)),
                0, 3);
    }

    private static boolean isUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Map<String, Object>> attributes() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20), values()).ofMaxSize(8);
    }

    @Property(tries = 300)
    void everyJsonMappableSessionRoundTripsThroughItsCookieExactly(@ForAll("attributes") Map<String, Object> attributes) {
        Browser b = new Browser();
        SessionHandle h = SESSIONS.begin(b.get());
        WebSession s = h.getOrCreate();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            try {
                s.setAttribute(e.getKey(), e.getValue());
                expected.put(e.getKey(), SessionValues.copy(e.getKey(), e.getValue()));
            } catch (ValueTooLargeException tooLarge) {
                assertTrue(tooLarge.cookieBytes() > 4096);
            }
        }
        b.receive(h.commit());
        WebSession back = SESSIONS.begin(b.get()).session().orElseThrow();
        Map<String, Object> actual = new LinkedHashMap<>();
        for (String name : back.attributeNames()) {
            actual.put(name, back.getAttribute(name));
        }
        assertEquals(expected, actual);
    }

    @Property(tries = 300)
    void noChangeToASessionCookieOpens(@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll char replacement) {
        Browser b = new Browser();
        SessionHandle h = SESSIONS.begin(b.get());
        h.login("alice", false);
        b.receive(h.commit());
        String value = b.cookies.get("__Host-session");
        int at = position % value.length();
        if (value.charAt(at) == replacement) {
            return;
        }
        String changed = value.substring(0, at) + replacement + value.substring(at + 1);
        SessionHandle other = SESSIONS.begin(TestRequest.get().cookies("__Host-session=" + changed));
        assertTrue(other.session().isEmpty());
        assertTrue(other.user().isEmpty());
    }

    @Provide
    Arbitrary<List<String[]>> cookies() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019-_.!#$%&'*+^`|~").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> values = Arbitraries.strings().withChars("abcXYZ019-_=/+!#$%&'()*.:<>?@[]^`{|}~").ofMaxLength(30);
        return Combinators.combine(names, values).as((n, v) -> new String[] {n, v}).list().ofMaxSize(30);
    }

    @Property(tries = 500)
    void theCookieHeaderReadsBackWhatABrowserWrote(@ForAll("cookies") @Size(max = 30) List<String[]> pairs) {
        StringBuilder header = new StringBuilder();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String[] p : pairs) {
            header.append(header.length() == 0 ? "" : "; ").append(p[0]).append('=').append(p[1]);
            expected.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]);
        }
        assertEquals(expected, CookieHeader.parse(header.toString()));
    }
}
