package dev.wafer;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Signs JSON Web Tokens (RFC 7519) in JWS compact serialization (RFC 7515 §7.1) with the primary
 * key of a {@link SigningKeySet}, so that any JOSE library, in any language, verifies them with the
 * public JWK Set.
 *
 * <pre>{@code
 * TokenSigner signer = TokenSigner.builder(keys).issuer("https://login.example").build();
 * String jwt = signer.sign(Claims.builder().subject("42").audience("api").build());
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>Integrity and authenticity, not confidentiality: anyone can read the claims. The protected
 * header is {@code {"alg":..,"typ":..,"kid":..}}, fixed per key and encoded once (explicit typing,
 * RFC 8725 §3.11). Every token gets {@code iat}, and {@code exp} from the default lifetime when the
 * claims have none. A token is refused, not signed, when its {@code exp} has passed, when it lives
 * longer than the key set's declared maximum ({@link SigningKeySet#withMaxLifetime(Duration)}) or
 * ten years, or when it would outlive the primary key's not-after time. Before the signer is built
 * its key passes a pairwise test (sign, then verify with the public key).
 *
 * <p>An interface, so that applications can mock and decorate it; the one implementation is
 * Wafer's, built by {@link #builder(SigningKeySet)}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public interface TokenSigner {
    /** The lifetime of tokens whose claims set no {@code exp}: 15 minutes. */
    Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    /**
     * Starts a signer for a key set: its primary key signs. The engines are
     * {@link Wafer#engines()} unless {@link Builder#engines(WaferEngines)} says otherwise.
     *
     * @param keys the signing keys
     * @return a builder
     * @since 0.1
     */
    static Builder builder(SigningKeySet keys) {
        return new Builder(keys);
    }

    /**
     * Signs claims. Adds {@code iat} (now) when absent, {@code exp} (now plus the default lifetime)
     * when absent, and the signer's issuer when {@code iss} is absent.
     *
     * @param claims the claims
     * @return the token, {@code header.payload.signature}
     * @throws LifetimeException if {@code exp} has passed, or lies beyond the key set's maximum
     *     lifetime from now, or beyond the primary key's not-after time
     * @throws KeyException if the primary key is past its not-after time
     * @throws IllegalArgumentException if the claims hold text that is not valid Unicode, or nest
     *     deeper or hold more values than a verifier reads (16 levels, 1024 values)
     * @throws EngineFailureException if the provider's engine fails
     * @since 0.1
     */
    String sign(Claims claims);

    /**
     * The key id written into every token's header.
     *
     * @return the primary key's id
     * @since 0.1
     */
    String keyId();

    /**
     * Configures a {@link TokenSigner}. Not thread-safe; the signer it builds is.
     *
     * @since 0.1
     */
    final class Builder {
        final SigningKeySet keys;
        WaferEngines engines;
        Clock clock = Clock.systemUTC();
        Duration defaultLifetime = DEFAULT_LIFETIME;
        String type = "JWT";
        String issuer;

        Builder(SigningKeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * The engines to sign with; {@link Wafer#engines()} by default.
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
         * @param lifetime one second to ten years, and at most the key set's maximum
         * @return this builder
         * @throws LifetimeException if out of range
         * @since 0.1
         */
        public Builder defaultLifetime(Duration lifetime) {
            this.defaultLifetime = DefaultCookieSealer.checkLifetime(lifetime,
                    keys.maxLifetime().orElse(CookieSealer.MAX_LIFETIME));
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
            if (type.isEmpty() || !dev.wafer.internal.Text.isPrintableAscii(type)) {
                throw new IllegalArgumentException("type must be printable ASCII and not empty");
            }
            this.type = type;
            return this;
        }

        /**
         * Creates the engine of the primary key and tests it pairwise.
         *
         * @return the signer
         * @throws UnsupportedAlgorithmException if the engines lack the key's algorithm
         * @throws KeyException if the engines refuse the key or its halves do not match
         * @throws ProviderNotFoundException if no provider is installed
         * @since 0.1
         */
        public TokenSigner build() {
            return new DefaultTokenSigner(this);
        }
    }
}
