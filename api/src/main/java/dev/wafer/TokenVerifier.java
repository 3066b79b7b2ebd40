package dev.wafer;

import dev.wafer.internal.Json;
import dev.wafer.internal.Jws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies JSON Web Tokens signed by {@link TokenSigner} or any JOSE library, following RFC 8725.
 *
 * <pre>{@code
 * TokenVerifier verifier = Wafer.provider().verifier(VerificationKeySet.fromJwkSet(jwks))
 *         .issuer("https://login.example").audience("api").build();
 * Claims claims = verifier.verify(jwt);
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 * <li>The algorithm comes from the key the {@code kid} names, never from the header; a header
 *     {@code alg} that differs is rejected, and {@code none} always is (RFC 8725 §3.1).</li>
 * <li>{@code crit} and key-carrying headers ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c},
 *     {@code x5t}) are rejected; keys come only from the key set.</li>
 * <li>{@code typ} must match the expected type (RFC 8725 §3.11); {@code JWT} by default.</li>
 * <li>{@code exp} is required by default; {@code exp}, {@code nbf} and {@code iat} are checked
 *     with a clock skew of 60 s by default, at most 10 minutes.</li>
 * <li>{@code iss} must equal the configured issuer; {@code aud} must contain the configured
 *     audience, and a token with an audience is rejected by a verifier configured with none
 *     (RFC 7519 §4.1.3).</li>
 * <li>Tokens longer than 8 KiB (configurable), duplicate JSON members, deep nesting and
 *     non-canonical base64url are rejected before any signature is checked.</li>
 * </ul>
 * <p>Every rejection is an {@link InvalidTokenException}; claims are read only after the signature
 * verified. Instances are immutable and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725">RFC 8725</a>
 * @since 0.1
 */
public final class TokenVerifier {
    /** The default longest token, in characters. */
    public static final int DEFAULT_MAX_TOKEN_CHARS = 8 * 1024;
    /** The largest clock skew a verifier accepts. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final Map<String, Jws.TrustedKey> keys;
    private final Jws.TrustedKey onlyKey;
    private final VerificationKeySet keySet;
    private final Clock clock;
    private final Duration skew;
    private final String issuer;
    private final String audience;
    private final String type;
    private final boolean requireExpiry;
    private final int maxTokenChars;

    private TokenVerifier(Builder b, Map<String, Jws.TrustedKey> keys) {
        this.keys = keys;
        this.onlyKey = keys.size() == 1 ? keys.values().iterator().next() : null;
        this.keySet = b.keys;
        this.clock = b.clock;
        this.skew = b.skew;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.type = b.type;
        this.requireExpiry = b.requireExpiry;
        this.maxTokenChars = b.maxTokenChars;
    }

    /**
     * Verifies a token and returns its claims.
     *
     * @param token the JWS compact serialization
     * @return the verified claims
     * @throws ExpiredTokenException if {@code exp} has passed, beyond the clock skew
     * @throws PrematureTokenException if {@code nbf} or {@code iat} lies in the future, beyond the skew
     * @throws InvalidTokenException for any other rejection
     * @since 0.1
     */
    public Claims verify(String token) {
        Objects.requireNonNull(token, "token");
        Jws.Verified v = Jws.verify(token, maxTokenChars, kid -> kid == null ? onlyKey : keys.get(kid));
        checkType(v.header());
        if (v.header().containsKey("cty")) {
            throw new InvalidTokenException("nested tokens (cty) are not accepted");
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(v.payload());
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token claims are not a JSON object: " + e.getMessage());
        }
        Claims claims = Claims.fromJsonMembers(json);
        checkTimes(claims);
        if (issuer != null && !issuer.equals(claims.issuer().orElse(null))) {
            throw new InvalidTokenException("token issuer is not the expected issuer");
        }
        if (audience != null ? !claims.audience().contains(audience) : !claims.audience().isEmpty()) {
            throw new InvalidTokenException(audience != null ? "token audience does not include " + audience
                    : "token has an audience but this verifier expects none; configure audience(...) (RFC 7519 §4.1.3)");
        }
        return claims;
    }

    private void checkType(Map<String, Object> header) {
        if (type == null) {
            return;
        }
        Object typ = header.get("typ");
        if (!(typ instanceof String) || !normaliseType((String) typ).equals(normaliseType(type))) {
            throw new InvalidTokenException("token type is not " + type + " (RFC 8725 §3.11)");
        }
    }

    /** RFC 7515 §4.1.9: media types compare case-insensitively, and "application/" may be omitted. */
    private static String normaliseType(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    private void checkTimes(Claims claims) {
        Instant now = clock.instant();
        Instant exp = claims.expiresAt().orElse(null);
        if (exp == null) {
            if (requireExpiry) {
                throw new InvalidTokenException("token has no exp, and this verifier requires one");
            }
        } else if (!now.minus(skew).isBefore(exp)) {
            throw new ExpiredTokenException(exp);
        }
        Instant later = now.plus(skew);
        Instant nbf = claims.notBefore().orElse(null);
        if (nbf != null && later.isBefore(nbf)) {
            throw new PrematureTokenException("nbf", nbf);
        }
        Instant iat = claims.issuedAt().orElse(null);
        if (iat != null && later.isBefore(iat)) {
            throw new PrematureTokenException("iat", iat);
        }
    }

    /**
     * Key ids and policy.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TokenVerifier[" + keySet + ", issuer=" + issuer + ", audience=" + audience + ", type=" + type
                + ", skew=" + skew + ", requireExpiry=" + requireExpiry + ", maxTokenChars=" + maxTokenChars + "]";
    }

    /**
     * Configures a {@link TokenVerifier}. Not thread-safe; the verifier it builds is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Provider provider;
        private final VerificationKeySet keys;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofSeconds(60);
        private String issuer;
        private String audience;
        private String type = "JWT";
        private boolean requireExpiry = true;
        private int maxTokenChars = DEFAULT_MAX_TOKEN_CHARS;

        Builder(Provider provider, VerificationKeySet keys) {
            this.provider = provider;
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * The clock; the system UTC clock by default.
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
         * The clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}; 60 seconds by default.
         *
         * @param skew zero to 10 minutes
         * @return this builder
         * @throws IllegalArgumentException if negative or above 10 minutes
         * @since 0.1
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and 10 minutes");
            }
            this.skew = skew;
            return this;
        }

        /**
         * The required {@code iss}; not checked unless set.
         *
         * @param issuer the expected issuer
         * @return this builder
         * @since 0.1
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * This verifier's audience: {@code aud} must contain it. Unless set, tokens with any
         * audience are rejected (RFC 7519 §4.1.3).
         *
         * @param audience the expected audience value
         * @return this builder
         * @since 0.1
         */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /**
         * The required header {@code typ}, compared as RFC 7515 §4.1.9 says; {@code JWT} by default.
         *
         * @param type the expected type, or {@code null} to accept a token with any or no {@code typ}
         * @return this builder
         * @since 0.1
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Whether a token without {@code exp} is rejected; {@code true} by default.
         *
         * @param require whether {@code exp} is required
         * @return this builder
         * @since 0.1
         */
        public Builder requireExpiry(boolean require) {
            this.requireExpiry = require;
            return this;
        }

        /**
         * The longest token accepted, in characters; 8192 by default.
         *
         * @param maxChars 64 to 1 MiB
         * @return this builder
         * @since 0.1
         */
        public Builder maxTokenLength(int maxChars) {
            if (maxChars < 64 || maxChars > (1 << 20)) {
                throw new IllegalArgumentException("maximum token length must be 64 to 1048576 characters");
            }
            this.maxTokenChars = maxChars;
            return this;
        }

        /**
         * Creates an engine for every key.
         *
         * @return the verifier
         * @throws UnsupportedAlgorithmException if the provider lacks a key's algorithm
         * @throws KeyException if the provider refuses a key
         * @since 0.1
         */
        public TokenVerifier build() {
            Map<String, Jws.TrustedKey> trusted = new HashMap<>();
            for (VerificationKey k : keys.keys()) {
                trusted.put(k.keyId(), new Jws.TrustedKey(k.algorithm(), k.signatureLengthBytes(),
                        provider.verifierEngine(k)));
            }
            return new TokenVerifier(this, Map.copyOf(trusted));
        }
    }
}
