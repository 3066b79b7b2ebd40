package dev.wafer.web;

import dev.wafer.Claims;
import dev.wafer.KeyException;
import dev.wafer.TokenVerifier;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.VerificationKeySet;
import dev.wafer.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verifier of another service's tokens, with its public keys fetched from its JWK Set endpoint
 * ({@code java.net.http}), cached as the endpoint's {@code Cache-Control} says, refetched when a
 * token names a key id the set lacks (the issuer rotated), at most once per interval, and kept
 * while the endpoint is down.
 *
 * <pre>{@code
 * TokenVerifier verifier = RemoteJwks.builder(URI.create("https://login.example/.well-known/jwks.json"),
 *         keys -> TokenVerifier.builder(keys).issuer("https://login.example").audience("api").build())
 *     .build();
 * Claims claims = verifier.verify(token);
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 * <li>The first fetch must succeed: {@link Builder#build()} throws otherwise, so that a service
 *     never starts unable to verify.</li>
 * <li>Only an unknown key id triggers a refetch, never any other rejection, and not more than once
 *     per {@link Builder#minRefetchInterval} (30 s by default): forged key ids cannot make every
 *     request fetch.</li>
 * <li>A fetch that fails (network, status, a body over 1 MiB or not UTF-8, a set with no usable key) keeps the
 *     last good set; keys the set refuses (weak, degenerate) are skipped and logged, the rest used.</li>
 * <li>Use HTTPS: the keys are only as trustworthy as the channel that brings them.</li>
 * </ul>
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class RemoteJwks implements TokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,9})\"?");

    private final URI uri;
    private final Function<VerificationKeySet, TokenVerifier> build;
    private final HttpClient client;
    private final Duration timeout;
    private final Duration minRefetch;
    private final Duration defaultMaxAge;
    private final Duration maxMaxAge;
    private final Clock clock;

    private volatile TokenVerifier current;
    private volatile Instant freshUntil;
    private Instant lastAttempt = Instant.MIN;

    private RemoteJwks(Builder b) {
        this.uri = b.uri;
        this.build = b.build;
        this.client = b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = b.timeout;
        this.minRefetch = b.minRefetch;
        this.defaultMaxAge = b.defaultMaxAge;
        this.maxMaxAge = b.maxMaxAge;
        this.clock = b.clock;
    }

    /**
     * A verifier of the keys at an endpoint.
     *
     * @param uri the JWK Set's URL
     * @param build makes a verifier of a key set, with the application's issuer, audience and type
     * @return a builder
     * @since 0.1
     */
    public static Builder builder(URI uri, Function<VerificationKeySet, TokenVerifier> build) {
        return new Builder(uri, build);
    }

    @Override
    public Claims verify(String token) {
        if (clock.instant().isAfter(freshUntil)) {
            refresh(false);
        }
        TokenVerifier v = current;
        try {
            return v.verify(token);
        } catch (UnknownKeyIdException e) {
            if (!refresh(true)) {
                throw e;
            }
            return current.verify(token);
        }
    }

    /**
     * Fetches the set if the last attempt is old enough.
     *
     * @param unknownKey whether a token named a key the set lacks
     * @return whether a new set is in use
     */
    private synchronized boolean refresh(boolean unknownKey) {
        Instant now = clock.instant();
        if (!unknownKey && !now.isAfter(freshUntil)) {
            return false; // another thread just refreshed
        }
        if (now.isBefore(lastAttempt.plus(minRefetch))) {
            return false;
        }
        lastAttempt = now;
        try {
            fetch(now);
            return true;
        } catch (IOException | RuntimeException e) {
            freshUntil = now.plus(minRefetch);
            LOG.warn("The JWK Set at {} could not be fetched; the last good set stays in use: {}", uri,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fetch(Instant now) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", JwksPublisher.MEDIA_TYPE + ", application/json").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("the JWK Set is larger than 1 MiB");
        }
        String json;
        try {
            // Strict, as every other reader of key files: a lenient decoder would turn bytes that are
            // not UTF-8 into U+FFFD and accept a set that no other Wafer reader accepts.
            json = Utf8.decode(body);
        } catch (IllegalArgumentException e) {
            throw new KeyException("the JWK Set is not UTF-8 text");
        }
        VerificationKeySet keys = VerificationKeySet.fromJwkSetSkippingRefused(json,
                refused -> LOG.warn("A key of the JWK Set at {} is refused: {}", uri, refused.getMessage()));
        current = Objects.requireNonNull(build.apply(keys), "the built verifier");
        freshUntil = now.plus(maxAge(response.headers().firstValue("Cache-Control").orElse(null)));
        LOG.info("Fetched the JWK Set at {}: {} keys, fresh until {}", uri, keys.keys().size(), freshUntil);
    }

    private Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return defaultMaxAge;
        }
        String cc = cacheControl.toLowerCase(Locale.ROOT);
        if (cc.contains("no-store") || cc.contains("no-cache")) {
            return minRefetch;
        }
        Matcher m = MAX_AGE.matcher(cc);
        if (!m.find()) {
            return defaultMaxAge;
        }
        Duration d = Duration.ofSeconds(Long.parseLong(m.group(1)));
        if (d.compareTo(minRefetch) < 0) {
            return minRefetch;
        }
        return d.compareTo(maxMaxAge) > 0 ? maxMaxAge : d;
    }

    /**
     * The key set in use.
     *
     * @return the last good set
     */
    @Override
    public VerificationKeySet keys() {
        return current.keys();
    }

    /**
     * A verifier fixed on other keys: it does not follow the endpoint.
     *
     * @param keys the keys
     * @return a verifier built as this one's
     */
    @Override
    public TokenVerifier withKeys(VerificationKeySet keys) {
        return build.apply(keys);
    }

    /**
     * The endpoint and the verifier in use.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "RemoteJwks[" + uri + ", " + current + "]";
    }

    /**
     * Builds a {@link RemoteJwks}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final URI uri;
        private final Function<VerificationKeySet, TokenVerifier> build;
        private HttpClient client;
        private Duration timeout = Duration.ofSeconds(5);
        private Duration minRefetch = Duration.ofSeconds(30);
        private Duration defaultMaxAge = Duration.ofMinutes(5);
        private Duration maxMaxAge = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder(URI uri, Function<VerificationKeySet, TokenVerifier> build) {
            this.uri = Objects.requireNonNull(uri, "uri");
            this.build = Objects.requireNonNull(build, "build");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("a JWK Set is fetched over https (or http on a private network)");
            }
        }

        /**
         * The HTTP client; a new one that follows no redirects by default.
         *
         * @param client the client
         * @return this builder
         * @since 0.1
         */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * How long a fetch may take; 5 seconds by default.
         *
         * @param timeout the timeout
         * @return this builder
         * @since 0.1
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The least time between two fetches, whatever the tokens say; 30 seconds by default.
         *
         * @param interval the interval
         * @return this builder
         * @since 0.1
         */
        public Builder minRefetchInterval(Duration interval) {
            this.minRefetch = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * How long a set is used when the endpoint sends no max-age (5 minutes), and the longest it
         * is used whatever the endpoint says (one hour).
         *
         * @param whenAbsent without {@code Cache-Control: max-age}
         * @param cap at most
         * @return this builder
         * @since 0.1
         */
        public Builder maxAge(Duration whenAbsent, Duration cap) {
            this.defaultMaxAge = Objects.requireNonNull(whenAbsent, "whenAbsent");
            this.maxMaxAge = Objects.requireNonNull(cap, "cap");
            return this;
        }

        /**
         * The clock; the system's by default.
         *
         * @param clock the clock
         * @return this builder
         * @since 0.1
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Fetches the set once and builds the verifier.
         *
         * @return the verifier
         * @throws KeyException if the first fetch fails, or the set holds no usable key
         * @since 0.1
         */
        public RemoteJwks build() {
            if (minRefetch.isNegative() || defaultMaxAge.compareTo(minRefetch) < 0 || maxMaxAge.compareTo(defaultMaxAge) < 0) {
                throw new IllegalArgumentException("the refetch interval, default max-age and cap must be in that order");
            }
            RemoteJwks r = new RemoteJwks(this);
            Instant now = clock.instant();
            try {
                r.lastAttempt = now;
                r.fetch(now);
            } catch (IOException | RuntimeException e) {
                throw new KeyException("the JWK Set at " + uri + " could not be fetched: " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeyException("interrupted while fetching the JWK Set at " + uri, e);
            }
            return r;
        }
    }
}
