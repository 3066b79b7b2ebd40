package dev.wafer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wafer.CookieSealer;
import dev.wafer.web.CookieHeader;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.WebRequest;
import dev.wafer.web.WebSession;
import dev.wafer.web.WebSessions;
import java.util.List;
import java.util.Map;

/** The web layer's readers of client input: the Cookie header, and the session inside a sealed cookie. */
class WebFuzzTest {
    private static final CookieSealer SEALER = CookieSealer.builder(Fuzzing.RING).engines(Fuzzing.JCA).clock(Fuzzing.CLOCK).build();
    private static final WebSessions SESSIONS = WebSessions.builder(SEALER).clock(Fuzzing.CLOCK).build();
    /** Seals any input, however long, so that the session layer's own budget is what refuses it. */
    private static final CookieSealer MINT = CookieSealer.builder(Fuzzing.RING).engines(Fuzzing.JCA).clock(Fuzzing.CLOCK)
            .maxCookieBytes(1 << 20).build();

    /** A GET with one Cookie header and nothing else. */
    private static WebRequest request(String cookieHeader) {
        return new WebRequest() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public List<String> cookieHeaders() {
                return List.of(cookieHeader);
            }

            @Override
            public String header(String name) {
                return null;
            }

            @Override
            public String remoteAddress() {
                return "192.0.2.1";
            }

            @Override
            public String origin() {
                return "https://app.example";
            }

            @Override
            public String formField(String name) {
                return null;
            }
        };
    }

    /** Never throws; what it returns is bounded, and every name is a token. */
    @FuzzTest
    void parseCookieHeader(byte[] input) {
        String header = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1); // as a container decodes it
        Fuzzing.expect(input, () -> {
            Map<String, List<String>> cookies = CookieHeader.parse(header);
            int n = cookies.values().stream().mapToInt(List::size).sum();
            if (n > CookieHeader.MAX_COOKIES) {
                throw new AssertionError("more cookies than the bound: " + n);
            }
            for (String name : cookies.keySet()) {
                if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                    throw new AssertionError("a name that is not a token");
                }
            }
        });
    }

    /**
     * The input as a session's JSON, sealed under the fuzz key for the session cookie's context, so
     * that every input passes authentication and reaches the session decoder: a session or none,
     * never an exception (but {@code ValueTooLargeException} when an attribute is added to a session
     * already at its cookie's budget), and the request's cookies always commit.
     */
    @FuzzTest
    void openSessionCookie(byte[] input) {
        byte[] json = input.length > 700_000 ? java.util.Arrays.copyOf(input, 700_000) : input; // within MINT's 1 MiB
        String sealed = MINT.seal(json, SESSIONS.sessionCookie().context());
        Fuzzing.expect(input, () -> {
            SessionHandle h = SESSIONS.begin(request(SESSIONS.sessionCookie().name() + "=" + sealed));
            WebSession s = h.session().orElse(null);
            if (s != null) {
                for (String name : s.attributeNames()) {
                    s.getAttribute(name);
                }
                s.setAttribute("fuzz", 1);
            }
            h.commit();
        }, dev.wafer.ValueTooLargeException.class);
    }

    /** The input as the Cookie header itself, through the whole request path. */
    @FuzzTest
    void sessionFromCookieHeader(byte[] input) {
        String header = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
        Fuzzing.expect(input, () -> {
            SessionHandle h = SESSIONS.begin(request(header));
            if (h.session().isPresent()) {
                throw new AssertionError("a session from bytes no key sealed");
            }
            h.commit();
        });
    }
}
