package dev.wafer.web;

import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a JWK Set endpoint answers (RFC 7517 §5; the media type of RFC 7517 §8.5): the public keys
 * that verify this service's tokens, with caching headers so that verifiers do not fetch them on
 * every request, and an entity tag for conditional requests. Framework-neutral; the Servlet
 * adapter is {@code dev.wafer.web.servlet.JwksServlet}.
 *
 * <p>The key set is read from the supplier on each request, so a rotation (a reloaded key file)
 * is published at once; verifiers see it within their cache's max-age, or on their first token
 * with the new key id. This class is thread-safe.
 *
 * @since 0.1
 */
public final class JwksPublisher {
    /** The media type of a JWK Set. */
    public static final String MEDIA_TYPE = "application/jwk-set+json";

    private final Supplier<VerificationKeySet> keys;
    private final Duration maxAge;

    private JwksPublisher(Supplier<VerificationKeySet> keys, Duration maxAge) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a JWK Set's max-age is 0 to one day");
        }
    }

    /**
     * A publisher of the key set a supplier gives, for example {@code signingKeys::publicKeys}.
     *
     * @param keys the public keys to publish, read on each request
     * @param maxAge how long verifiers may cache them: at most a fraction of the time between a new
     *     key's publication and its first use (keys.md: add a pending key, publish, wait, promote)
     * @return the publisher
     * @since 0.1
     */
    public static JwksPublisher of(Supplier<VerificationKeySet> keys, Duration maxAge) {
        return new JwksPublisher(keys, maxAge);
    }

    /**
     * The answer to a {@code GET}.
     *
     * @param status 200, or 304 when the request's entity tag matches
     * @param headers response headers
     * @param body the JWK Set, empty for 304
     * @since 0.1
     */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        /**
         * Copies.
         *
         * @param status the status
         * @param headers the headers
         * @param body the body
         */
        public Response {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        /**
         * The body.
         *
         * @return a copy
         */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && r.status == status && r.headers.equals(headers) && Arrays.equals(r.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "JwksPublisher.Response[" + status + ", " + body.length + " bytes]";
        }
    }

    /**
     * Answers a {@code GET} of the JWK Set.
     *
     * @param ifNoneMatch the request's {@code If-None-Match} header, or {@code null}
     * @return status, headers and body
     * @since 0.1
     */
    public Response respond(String ifNoneMatch) {
        byte[] body = keys.get().toJwkSet().getBytes(StandardCharsets.UTF_8);
        String etag;
        try {
            etag = "\"" + Base64Url.encode(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "public, max-age=" + maxAge.getSeconds());
        headers.put("ETag", etag);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(t -> t.equals(etag) || t.equals("W/" + etag) || t.equals("*"))) {
            return new Response(304, headers, new byte[0]);
        }
        headers.put("Content-Type", MEDIA_TYPE);
        return new Response(200, headers, body);
    }
}
