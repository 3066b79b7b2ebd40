package dev.wafer;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Seals cookie values so that the client can neither read nor change them, and opens them.
 *
 * <pre>{@code
 * CookieSealer sealer = CookieSealer.builder(keys).build();
 * String cookie = sealer.seal("user=42", SealContext.of("session"), Duration.ofHours(8));
 * OpenedValue v = sealer.open(cookie, SealContext.of("session"));
 * }</pre>
 *
 * <p>Every key of the key set opens except retired keys and keys past their not-after time;
 * values opened under any key but the primary report {@link OpenedValue#shouldReseal()}.
 *
 * <h2>Security</h2>
 * <p>Confidentiality and integrity (AES-256-GCM family, 128-bit tag); binds the value to its
 * context (cookie name, purpose), which is never sent, and to its expiry and key id, which are.
 * Not hidden: the value's length, the key id and the expiry. Expired values are rejected before
 * any decryption. Tampering, a wrong key, an unknown key id and a wrong context are rejected
 * alike, with one exception type and message. A fresh random nonce is drawn for every seal. Not
 * prevented: replay of a stolen value until it expires (keep lifetimes short and reseal; see
 * docs/threat-model.md). Format: docs/format.md, version 1.
 *
 * <p>Limits hold when sealing, so that what is sealed can always be opened: the cookie
 * ({@code name=value}, in bytes) fits the size budget, 4096 bytes by default, which browsers keep
 * at most; the lifetime is at most the key set's declared maximum
 * ({@link SealingKeySet#withMaxLifetime(Duration)}) and ten years; the primary key is not past
 * its not-after time, and the value does not outlive it.
 *
 * <p>This is an interface so that applications can mock and decorate it (metrics, logging); the
 * one implementation is Wafer's, built by {@link #builder(SealingKeySet)}. It is immutable and
 * thread-safe: build one at start-up and share it (a sealer built per request costs several times
 * as much).
 *
 * @since 0.1
 */
public interface CookieSealer {
    /** The default size budget: the largest {@code name=value} browsers keep, in bytes. */
    int DEFAULT_MAX_COOKIE_BYTES = 4096;
    /** The longest lifetime of a sealed value: ten years, far beyond any cookie (browsers cap them at 400 days). */
    Duration MAX_LIFETIME = Duration.ofDays(3650);
    /** The lifetime of values sealed without one: one hour. */
    Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /**
     * Starts a sealer for a key set: its primary key seals, every usable key opens. The engines
     * are {@link Wafer#engines()} unless {@link Builder#engines(WaferEngines)} says otherwise.
     *
     * @param keys the sealing keys
     * @return a builder; {@link Builder#build()} creates the engines
     * @since 0.1
     */
    static Builder builder(SealingKeySet keys) {
        return new Builder(keys);
    }

    /**
     * Seals UTF-8 text for the sealer's default lifetime (one hour unless configured).
     *
     * @param value the text
     * @param context the cookie name and purpose it is for
     * @return the sealed value: unpadded base64url, safe in a cookie without quoting
     * @throws IllegalArgumentException if the text is not valid Unicode (an unpaired surrogate)
     * @throws ValueTooLargeException if the cookie would exceed the size budget
     * @throws LifetimeException if the value would outlive the primary key
     * @throws KeyException if the primary key is past its not-after time
     * @since 0.1
     */
    String seal(String value, SealContext context);

    /**
     * Seals UTF-8 text.
     *
     * @param value the text
     * @param context the cookie name and purpose it is for
     * @param lifetime how long the value opens: one second to the key set's maximum, at most ten years
     * @return the sealed value
     * @throws IllegalArgumentException if the text is not valid Unicode (an unpaired surrogate)
     * @throws ValueTooLargeException if the cookie would exceed the size budget
     * @throws LifetimeException if the lifetime is out of range, or the value would outlive the
     *     primary key
     * @throws KeyException if the primary key is past its not-after time
     * @since 0.1
     */
    String seal(String value, SealContext context, Duration lifetime);

    /**
     * Seals bytes for the sealer's default lifetime.
     *
     * @param value the bytes; not modified
     * @param context the cookie name and purpose it is for
     * @return the sealed value
     * @throws ValueTooLargeException if the cookie would exceed the size budget
     * @throws LifetimeException if the value would outlive the primary key
     * @throws KeyException if the primary key is past its not-after time
     * @since 0.1
     */
    String seal(byte[] value, SealContext context);

    /**
     * Seals bytes with the primary key.
     *
     * @param value the bytes; not modified
     * @param context the cookie name and purpose it is for
     * @param lifetime how long the value opens: one second to the key set's maximum, at most ten years
     * @return the sealed value
     * @throws ValueTooLargeException if the cookie would exceed the size budget
     * @throws LifetimeException if the lifetime is out of range, or the value would outlive the
     *     primary key
     * @throws KeyException if the primary key is past its not-after time
     * @throws EngineFailureException if the provider's engine fails
     * @since 0.1
     */
    String seal(byte[] value, SealContext context, Duration lifetime);

    /**
     * Opens a sealed value for the context it was sealed for.
     *
     * @param sealed the sealed value, as received
     * @param context the cookie name and purpose it must have been sealed for
     * @return the value, its expiry, key id and whether to reseal it
     * @throws ExpiredValueException if its expiry has passed (checked before decryption)
     * @throws InvalidSealedValueException if it is malformed, too long, tampered with, sealed under a
     *     key this key set lacks (or no longer uses) or for another context
     * @since 0.1
     */
    OpenedValue open(String sealed, SealContext context);

    /**
     * A sealer with the same settings over another key set, for example after a rotation.
     *
     * @param keys the key set
     * @return the new sealer
     * @throws LifetimeException if the default lifetime exceeds the new set's maximum
     * @throws KeyException if the engines refuse a key, or the new primary is AES-256-GCM and
     *     this sealer was not built with {@link Builder#acceptAesGcmLimit()}
     * @since 0.1
     */
    CookieSealer withKeys(SealingKeySet keys);

    /**
     * The key set this sealer uses.
     *
     * @return the key set
     * @since 0.1
     */
    SealingKeySet keys();

    /**
     * The size budget: the largest cookie, {@code name=value} in bytes, this sealer seals or opens.
     *
     * @return the budget in bytes
     * @since 0.1
     */
    int maxCookieBytes();

    /**
     * Configures a {@link CookieSealer}. Not thread-safe; the sealer it builds is.
     *
     * @since 0.1
     */
    final class Builder {
        final SealingKeySet keys;
        WaferEngines engines;
        Clock clock = Clock.systemUTC();
        Duration defaultLifetime = DEFAULT_LIFETIME;
        Duration refreshWindow;
        int maxCookieBytes = DEFAULT_MAX_COOKIE_BYTES;
        boolean acceptAesGcmLimit;

        Builder(SealingKeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * The engines to seal and open with; {@link Wafer#engines()} by default.
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
         * The clock for expiry; the system UTC clock by default.
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
         * The lifetime of values sealed without one; one hour by default.
         *
         * @param lifetime one second to ten years, and at most the key set's maximum
         * @return this builder
         * @throws LifetimeException if out of range
         * @since 0.1
         */
        public Builder defaultLifetime(Duration lifetime) {
            this.defaultLifetime = DefaultCookieSealer.checkLifetime(lifetime, keys.maxLifetime().orElse(MAX_LIFETIME));
            return this;
        }

        /**
         * Rolling sessions: flag an opened value for resealing once less than this remains before
         * it expires. Off by default (only a non-primary key flags a value).
         *
         * @param window the remaining time below which to reseal
         * @return this builder
         * @since 0.1
         */
        public Builder refreshWhenRemaining(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("refresh window must be positive");
            }
            this.refreshWindow = window;
            return this;
        }

        /**
         * The size budget: the largest cookie this sealer seals or opens, counted as browsers
         * count it, {@code name=value} in bytes (RFC 6265bis §5.6). 4096 by default, the most a
         * browser keeps; the name is the context's cookie name.
         *
         * @param maxBytes from 64 to 1 MiB
         * @return this builder
         * @since 0.1
         */
        public Builder maxCookieBytes(int maxBytes) {
            if (maxBytes < 64 || maxBytes > (1 << 20)) {
                throw new IllegalArgumentException("a cookie size budget must be 64 to 1048576 bytes");
            }
            this.maxCookieBytes = maxBytes;
            return this;
        }

        /**
         * Accepts sealing with an AES-256-GCM primary key, whose random 96-bit nonces allow fewer
         * than 2^32 values per key (NIST SP 800-38D §8.3): rotate well before that. Without it, a
         * sealer whose primary is AES-256-GCM is refused; XAES-256-GCM, the default, has no such
         * limit in practice.
         *
         * @return this builder
         * @since 0.1
         */
        public Builder acceptAesGcmLimit() {
            this.acceptAesGcmLimit = true;
            return this;
        }

        /**
         * Creates the engines of every key that may open, and the sealer.
         *
         * @return the sealer
         * @throws UnsupportedAlgorithmException if the engines lack a key's algorithm
         * @throws KeyException if the engines refuse a key, or the primary is AES-256-GCM without
         *     {@link #acceptAesGcmLimit()}
         * @throws LifetimeException if the default lifetime exceeds the key set's maximum
         * @throws ProviderNotFoundException if no provider is installed
         * @since 0.1
         */
        public CookieSealer build() {
            return new DefaultCookieSealer(this);
        }
    }
}
