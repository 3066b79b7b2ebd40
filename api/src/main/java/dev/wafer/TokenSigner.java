package dev.wafer;

import dev.wafer.internal.Json;
import dev.wafer.internal.Jws;
import dev.wafer.spi.SignerEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs JSON Web Tokens (RFC 7519) in JWS compact serialization (RFC 7515 §7.1) with the primary
 * key of a {@link SigningKeySet}, so that any JOSE library, in any language, verifies them with the
 * public JWK Set.
 *
 * <pre>{@code
 * TokenSigner signer = Wafer.provider().signer(keys).issuer("https://login.example").build();
 * String jwt = signer.sign(Claims.builder().subject("42").audience("api").build());
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>Integrity and authenticity, not confidentiality: anyone can read the claims. The protected
 * header is {@code {"alg":..,"typ":..,"kid":..}}, fixed per key and encoded once (explicit typing,
 * RFC 8725 §3.11). Every token gets {@code iat}, and {@code exp} from the default lifetime when the
 * claims have none. Before the signer is built its key passes a pairwise test (sign, then verify
 * with the public key). Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TokenSigner {
    private final SigningKey key;
    private final SignerEngine engine;
    private final String encodedHeader;
    private final Clock clock;
    private final Duration defaultLifetime;
    private final String issuer;

    private TokenSigner(Builder b, SignerEngine engine) {
        this.key = b.keys.primary();
        this.engine = engine;
        this.encodedHeader = Jws.encodeHeader(key.algorithm(), b.type, key.keyId());
        this.clock = b.clock;
        this.defaultLifetime = b.defaultLifetime;
        this.issuer = b.issuer;
    }

    /**
     * Signs claims. Adds {@code iat} (now) when absent, {@code exp} (now plus the default lifetime)
     * when absent, and the signer's issuer when {@code iss} is absent.
     *
     * @param claims the claims
     * @return the token, {@code header.payload.signature}
     * @throws IllegalArgumentException if the claims hold text that is not valid Unicode, or nest
     *     deeper or hold more values than a verifier reads (16 levels, 1024 values)
     * @throws EngineFailureException if the provider's engine fails
     * @since 0.1
     */
    public String sign(Claims claims) {
        Objects.requireNonNull(claims, "claims");
        Instant now = clock.instant();
        Claims.Builder b = null;
        if (claims.issuedAt().isEmpty()) {
            b = claims.toBuilder().issuedAt(now);
        }
        if (claims.expiresAt().isEmpty()) {
            b = (b != null ? b : claims.toBuilder()).expiresAt(now.plus(defaultLifetime));
        }
        if (issuer != null && claims.issuer().isEmpty()) {
            b = (b != null ? b : claims.toBuilder()).issuer(issuer);
        }
        Claims complete = b == null ? claims : b.build();
        return Jws.sign(engine, encodedHeader, Json.writeObject(complete.toJsonMembers()));
    }

    /**
     * The key id written into every token's header.
     *
     * @return the primary key's id
     * @since 0.1
     */
    public String keyId() {
        return key.keyId();
    }

    /**
     * Key id and algorithm; never key material.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TokenSigner[" + key + ", defaultLifetime=" + defaultLifetime + "]";
    }

    /**
     * Configures a {@link TokenSigner}. Not thread-safe; the signer it builds is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Provider provider;
        private final SigningKeySet keys;
        private Clock clock = Clock.systemUTC();
        private Duration defaultLifetime = Duration.ofMinutes(15);
        private String type = "JWT";
        private String issuer;

        Builder(Provider provider, SigningKeySet keys) {
            this.provider = provider;
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * The clock for {@code iat} and {@code exp}; the system UTC clock by default.
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
         * The lifetime of tokens whose claims set no {@code exp}; 15 minutes by default.
         *
         * @param lifetime at least one second
         * @return this builder
         * @since 0.1
         */
        public Builder defaultLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("token lifetime must be at least one second");
            }
            this.defaultLifetime = lifetime;
            return this;
        }

        /**
         * The {@code iss} of tokens whose claims set none.
         *
         * @param issuer the issuer, usually this service's URL
         * @return this builder
         * @since 0.1
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * The header {@code typ} (RFC 7515 §4.1.9, RFC 8725 §3.11); {@code JWT} by default. Use a
         * distinct type per kind of token, for example {@code at+jwt} (RFC 9068), so that one kind
         * is never accepted as another.
         *
         * @param type the media type without {@code application/}
         * @return this builder
         * @since 0.1
         */
        public Builder type(String type) {
            Objects.requireNonNull(type, "type");
            if (type.isEmpty()) {
                throw new IllegalArgumentException("type must not be empty");
            }
            this.type = type;
            return this;
        }

        /**
         * Creates the engine of the primary key and tests it pairwise.
         *
         * @return the signer
         * @throws UnsupportedAlgorithmException if the provider lacks the key's algorithm
         * @throws KeyException if the provider refuses the key or its halves do not match
         * @since 0.1
         */
        public TokenSigner build() {
            return new TokenSigner(this, provider.signerEngine(keys.primary()));
        }
    }
}
