package dev.wafer;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies JSON Web Tokens signed by {@link TokenSigner} or any JOSE library, following RFC 8725.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder(VerificationKeySet.fromJwkSet(jwks))
 *         .issuer("https://login.example").audience("api").build();
 * Claims claims = verifier.verify(jwt);
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 * <li>The algorithm comes from the key the {@code kid} names, never from the header; a header
 *     {@code alg} that differs is rejected, and {@code none} always is (RFC 8725 §3.1).</li>
 * <li>{@code crit} and key-carrying headers ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c},
 *     {@code x5t}, {@code x5t#S256}) are rejected; keys come only from the key set.</li>
 * <li>{@code typ} must match the expected type (RFC 8725 §3.11); {@code JWT} by default.</li>
 * <li>{@code exp} is required by default; {@code exp}, {@code nbf} and {@code iat} are checked
 *     with a clock skew of 60 s by default, at most 10 minutes.</li>
 * <li>{@code iss} must equal the configured issuer: a verifier must be told
 *     {@link Builder#issuer(String)} or {@link Builder#anyIssuer()}. {@code aud} must contain the
 *     configured audience, and a token with an audience is rejected by a verifier configured with
 *     none (RFC 7519 §4.1.3).</li>
 * <li>A key past its published end of use ({@code wafer_not_after}) verifies nothing.</li>
 * <li>Tokens longer than 8 KiB (configurable), duplicate JSON members, deep nesting and
 *     non-canonical base64url are rejected before any signature is checked.</li>
 * </ul>
 * <p>Every rejection is an {@link InvalidTokenException}; an unknown {@code kid} is its own
 * {@link UnknownKeyIdException}, on which a consumer of a remote JWK Set refetches. Claims are read
 * only after the signature verified. An interface, so that applications can mock and decorate it;
 * the one implementation is Wafer's, built by {@link #builder(VerificationKeySet)}. Immutable and
 * thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725">RFC 8725</a>
 * @since 0.1
 */
public interface TokenVerifier {
    /** The default longest token, in characters. */
    int DEFAULT_MAX_TOKEN_CHARS = 8 * 1024;
    /** The largest clock skew a verifier accepts. */
    Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    /**
     * Starts a verifier for a set of public keys. The engines are {@link Wafer#engines()} unless
     * {@link Builder#engines(WaferEngines)} says otherwise.
     *
     * @param keys the trusted public keys; each verifies only its own algorithm
     * @return a builder
     * @since 0.1
     */
    static Builder builder(VerificationKeySet keys) {
        return new Builder(keys);
    }

    /**
     * Verifies a token and returns its claims.
     *
     * @param token the JWS compact serialization
     * @return the verified claims
     * @throws ExpiredTokenException if {@code exp} has passed, beyond the clock skew
     * @throws PrematureTokenException if {@code nbf} or {@code iat} lies in the future, beyond the skew
     * @throws UnknownKeyIdException if the token's {@code kid} names no key of the set
     * @throws InvalidTokenException for any other rejection
     * @since 0.1
     */
    Claims verify(String token);

    /**
     * The keys this verifier trusts.
     *
     * @return the key set
     * @since 0.1
     */
    VerificationKeySet keys();

    /**
     * A verifier with the same policy over another key set, for example after a JWK Set refresh.
     *
     * @param keys the new key set
     * @return the new verifier
     * @throws UnsupportedAlgorithmException if the engines lack a key's algorithm
     * @throws KeyException if the engines refuse a key
     * @since 0.1
     */
    TokenVerifier withKeys(VerificationKeySet keys);

    /**
     * Configures a {@link TokenVerifier}. Not thread-safe; the verifier it builds is.
     *
     * @since 0.1
     */
    final class Builder {
        final VerificationKeySet keys;
        WaferEngines engines;
        Clock clock = Clock.systemUTC();
        Duration skew = Duration.ofSeconds(60);
        String issuer;
        boolean anyIssuer;
        String audience;
        String type = "JWT";
        boolean requireExpiry = true;
        int maxTokenChars = DEFAULT_MAX_TOKEN_CHARS;

        Builder(VerificationKeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * The engines to verify with; {@link Wafer#engines()} by default.
         *
         * @param engines for example {@code Wafer.engines("bc")}
         * @return this builder
         * @since 0.1
         */
        public Builder engines(WaferEngines engines) {
            this.engines = Objects.requireNonNull(engines, "engines");
            return this;
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
         * The required {@code iss} (RFC 7519 §4.1.1): a token from any other issuer is rejected.
         * One of this and {@link #anyIssuer()} is required.
         *
         * @param issuer the expected issuer
         * @return this builder
         * @since 0.1
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            this.anyIssuer = false;
            return this;
        }

        /**
         * Accepts tokens from any issuer (and without {@code iss}): only for a key set that one
         * issuer alone signs with. One of this and {@link #issuer(String)} is required.
         *
         * @return this builder
         * @since 0.1
         */
        public Builder anyIssuer() {
            this.issuer = null;
            this.anyIssuer = true;
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
         * @throws IllegalStateException if neither {@link #issuer(String)} nor {@link #anyIssuer()}
         *     was called
         * @throws UnsupportedAlgorithmException if the engines lack a key's algorithm
         * @throws KeyException if the engines refuse a key
         * @throws ProviderNotFoundException if no provider is installed
         * @since 0.1
         */
        public TokenVerifier build() {
            if (issuer == null && !anyIssuer) {
                throw new IllegalStateException("say which issuer this verifier trusts: issuer(\"https://login.example\")"
                        + ", or anyIssuer() when one issuer alone signs with its keys");
            }
            return new DefaultTokenVerifier(this);
        }
    }
}
