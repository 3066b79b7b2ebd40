package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cookie spec's Set-Cookie lines and the settings it refuses; the Cookie header's reader. */
class CookieSpecTest {
    @Test
    void writesTheStrictDefaultsAndItsContextIsItsNameAndPurpose() {
        CookieSpec s = CookieSpec.builder("__Host-session").purpose("session").build();
        assertEquals("__Host-session=abc; Max-Age=60; Path=/; Secure; HttpOnly; SameSite=Lax", s.setCookie("abc", Duration.ofMinutes(1)));
        assertEquals("__Host-session=abc; Path=/; Secure; HttpOnly; SameSite=Lax", s.setCookie("abc", null));
        assertEquals("__Host-session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly; SameSite=Lax",
                s.deleteCookie());
        assertEquals(dev.wafer.SealContext.of("__Host-session", "session"), s.context());
        assertEquals(4096 - 15, s.maxValueBytes(4096));
        CookieSpec loose = CookieSpec.builder("app").path("/app").domain("example.com").sameSite(SameSite.STRICT)
                .httpOnly(false).partitioned(true).build();
        assertEquals("app=v; Path=/app; Domain=example.com; Secure; SameSite=Strict; Partitioned", loose.setCookie("v", null));
        assertEquals("sid=v; Path=/; HttpOnly; SameSite=Lax", CookieSpec.builder("sid").secure(false).build().setCookie("v", null));
        assertTrue(s.toString().startsWith("CookieSpec[__Host-session for session"), s.toString());
    }

    @Test
    void refusesSettingsBrowsersWouldRefuseOrThatContradictTheirPrefix() {
        for (CookieSpec.Builder bad : List.of(
                CookieSpec.builder("__Host-s").domain("example.com"),
                CookieSpec.builder("__Host-s").path("/app"),
                CookieSpec.builder("__Host-s").secure(false),
                CookieSpec.builder("__host-s").secure(false),
                CookieSpec.builder("__Secure-s").secure(false),
                CookieSpec.builder("s").sameSite(SameSite.NONE).secure(false),
                CookieSpec.builder("s").partitioned(true).secure(false),
                CookieSpec.builder(""),
                CookieSpec.builder("a b"),
                CookieSpec.builder("a;b"),
                CookieSpec.builder("a=b"),
                CookieSpec.builder("caf\u00e9"),
                CookieSpec.builder("s").path("app"),
                CookieSpec.builder("s").path("/a;b"),
                CookieSpec.builder("s").domain("exa mple.com"),
                CookieSpec.builder("s").purpose("line\nbreak"))) {
            assertThrows(IllegalArgumentException.class, bad::build);
        }
        CookieSpec s = CookieSpec.builder("s").build();
        for (String value : List.of("a b", "a;b", "a,b", "\"q\"", "a\\b", "caf\u00e9")) {
            assertThrows(IllegalArgumentException.class, () -> s.setCookie(value, null), value);
        }
        assertThrows(IllegalArgumentException.class, () -> s.setCookie("v", Duration.ofSeconds(-1)));
    }

    @Test
    void readsTheCookieHeaderAsBrowsersSendItWithinBounds() {
        assertEquals(Map.of("a", List.of("1"), "b", List.of("2", "3")), CookieHeader.parse("a=1; b=2;b=3"));
        assertEquals(Map.of("a", List.of("x=y")), CookieHeader.parse(" a = x=y ; ; noequals; =empty; bad name=1"));
        assertEquals(Map.of("q", List.of("\"v\"")), CookieHeader.parse("q=\"v\""), "kept as sent");
        assertEquals(Map.of("a", List.of("1"), "b", List.of("2")), CookieHeader.parse(List.of("a=1", "b=2")), "HTTP/2 splits them");
        assertEquals(Map.of(), CookieHeader.parse((String) null));
        assertEquals(Map.of(), CookieHeader.parse("x=" + "a".repeat(CookieHeader.MAX_HEADER_BYTES)), "too long: ignored whole");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append("c").append(i).append("=v; ");
        }
        assertEquals(CookieHeader.MAX_COOKIES, CookieHeader.parse(many.toString()).size());
    }
}
