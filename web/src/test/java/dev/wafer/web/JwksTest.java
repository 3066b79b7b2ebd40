package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.Wafer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A JWK Set published by one service and consumed by another, over real HTTP on loopback. */
class JwksTest {
    static final String ISSUER = "https://login.example";

    final TestClock clock = new TestClock(WebSessionsTest.T0);
    SigningKeySet keys = SigningKeySet.generate();
    final AtomicReference<SigningKeySet> published = new AtomicReference<>(keys);
    final AtomicInteger fetches = new AtomicInteger();
    volatile int status = 200;
    volatile String cacheControl;
    /** Bytes to put, unquoted, in a "note" member at the front of the served set; null for none. */
    volatile byte[] note;
    HttpServer server;
    URI uri;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            JwksPublisher.Response r = JwksPublisher.of(() -> published.get().publicKeys(clock.instant()), Duration.ofMinutes(5))
                    .respond(exchange.getRequestHeaders().getFirst("If-None-Match"));
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (cacheControl != null) {
                exchange.getResponseHeaders().set("Cache-Control", cacheControl);
            }
            byte[] body = status == 200 ? r.body() : "down".getBytes(StandardCharsets.UTF_8);
            if (status == 200 && note != null) {
                body = withNote(body, note);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private TokenVerifier build(dev.wafer.VerificationKeySet k) {
        return TokenVerifier.builder(k).engines(Wafer.engines("jca")).issuer(ISSUER).clock(clock).build();
    }

    private String token(SigningKeySet k) {
        return TokenSigner.builder(k).engines(Wafer.engines("jca")).issuer(ISSUER).clock(clock).build()
                .sign(Claims.builder().subject("42").build());
    }

    @Test
    void publishesWithCachingHeadersAndAnEntityTag() {
        JwksPublisher p = JwksPublisher.of(keys::publicKeys, Duration.ofMinutes(5));
        JwksPublisher.Response r = p.respond(null);
        assertEquals(200, r.status());
        assertEquals("public, max-age=300", r.headers().get("Cache-Control"));
        assertEquals(JwksPublisher.MEDIA_TYPE, r.headers().get("Content-Type"));
        assertEquals(keys.publicKeys().toJwkSet(), new String(r.body(), StandardCharsets.UTF_8));
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("\"d\""), "public keys only");
        assertEquals(304, p.respond(r.headers().get("ETag")).status());
        assertEquals(0, p.respond("W/" + r.headers().get("ETag")).body().length);
        assertEquals(200, p.respond("\"other\"").status());
        assertThrows(IllegalArgumentException.class, () -> JwksPublisher.of(keys::publicKeys, Duration.ofDays(2)));
    }

    @Test
    void refetchesOnAnUnknownKeyIdOnlyAndAtMostOncePerInterval() {
        RemoteJwks remote = RemoteJwks.builder(uri, this::build).clock(clock).build();
        assertEquals(1, fetches.get());
        assertEquals("42", remote.verify(token(keys)).subject().orElseThrow());
        assertEquals(1, fetches.get(), "cached");
        // The issuer rotates: its first token under the new key makes the consumer refetch, once.
        SigningKeySet rotated = keys.rotate().keySet();
        published.set(rotated);
        clock.advance(Duration.ofSeconds(31)); // past the refetch interval: an unknown key id may fetch
        clock.advance(Duration.ofSeconds(31));
        assertEquals("42", remote.verify(token(rotated)).subject().orElseThrow());
        assertEquals(2, fetches.get());
        // Forged key ids cannot make it fetch again within the interval.
        SigningKeySet stranger = SigningKeySet.generate();
        for (int i = 0; i < 20; i++) {
            assertThrows(UnknownKeyIdException.class, () -> remote.verify(token(stranger)));
        }
        assertEquals(2, fetches.get());
        // Any other rejection never refetches.
        clock.advance(Duration.ofSeconds(31));
        String t = token(rotated);
        int at = t.lastIndexOf('.') + 10; // inside the signature: a valid encoding, a wrong signature
        String forged = t.substring(0, at) + (t.charAt(at) == 'A' ? 'B' : 'A') + t.substring(at + 1);
        assertThrows(InvalidTokenException.class, () -> remote.verify(forged));
        assertEquals(2, fetches.get());
    }

    @Test
    void followsCacheControlAndKeepsTheLastGoodSetWhileTheIssuerIsDown() {
        cacheControl = "public, max-age=120";
        RemoteJwks remote = RemoteJwks.builder(uri, this::build).clock(clock).build();
        clock.advance(Duration.ofSeconds(119));
        remote.verify(token(keys));
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofSeconds(2));
        remote.verify(token(keys));
        assertEquals(2, fetches.get(), "expired by its max-age: fetched again");
        status = 503;
        clock.advance(Duration.ofMinutes(3));
        assertEquals("42", remote.verify(token(keys)).subject().orElseThrow(), "the issuer is down: the last good set is used");
        assertEquals(3, fetches.get());
        remote.verify(token(keys));
        assertEquals(3, fetches.get(), "and not asked again before the refetch interval");
        cacheControl = "max-age=999999999";
        status = 200;
        clock.advance(Duration.ofMinutes(1));
        remote.verify(token(keys));
        clock.advance(Duration.ofMinutes(61));
        int before = fetches.get();
        remote.verify(token(keys));
        assertEquals(before + 1, fetches.get(), "a max-age beyond the cap (one hour) is capped");
    }

    private static byte[] withNote(byte[] set, byte[] note) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"note\":\"".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(note);
        out.writeBytes("\",".getBytes(StandardCharsets.US_ASCII));
        out.write(set, 1, set.length - 1); // the set without its opening brace
        return out.toByteArray();
    }

    @Test
    void aJwkSetThatIsNotUtf8IsRefusedAsAnyUnreadableSetIs() {
        note = new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9}; // "café"
        RemoteJwks remote = RemoteJwks.builder(uri, this::build).clock(clock).build();
        assertEquals("42", remote.verify(token(keys)).subject().orElseThrow(), "a valid UTF-8 member is no problem");

        note = new byte[] {'c', 'a', 'f', (byte) 0xe9}; // "café" in Latin-1: a lenient decoder reads "caf\ufffd"
        KeyException e = assertThrows(KeyException.class, () -> RemoteJwks.builder(uri, this::build).clock(clock).build());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());

        SigningKeySet rotated = keys.rotate().keySet();
        published.set(rotated);
        clock.advance(Duration.ofSeconds(31)); // past the refetch interval: an unknown key id may fetch
        int before = fetches.get();
        assertThrows(UnknownKeyIdException.class, () -> remote.verify(token(rotated)),
                "the new key comes in a set that is not UTF-8: refused, and the last good set stays");
        assertEquals(before + 1, fetches.get());
        assertEquals("42", remote.verify(token(keys)).subject().orElseThrow());
    }

    @Test
    void aServiceNeverStartsUnableToVerify() {
        status = 500;
        KeyException e = assertThrows(KeyException.class, () -> RemoteJwks.builder(uri, this::build).clock(clock).build());
        assertTrue(e.getMessage().contains("could not be fetched") && e.getMessage().contains("status 500"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RemoteJwks.builder(URI.create("file:///etc/jwks.json"), this::build));
    }
}
