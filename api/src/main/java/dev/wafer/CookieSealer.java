package dev.wafer;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.SealedFormat;
import dev.wafer.internal.Utf8;
import dev.wafer.spi.AeadEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals cookie values so that the client can neither read nor change them, and opens them.
 *
 * <pre>{@code
 * CookieSealer sealer = Wafer.provider().sealer(keyring).build();
 * String cookie = sealer.seal("user=42", SealContext.of("session"), Duration.ofHours(8));
 * OpenedValue v = sealer.open(cookie, SealContext.of("session"));
 * }</pre>
 *
 * <p>Every key of the keyring opens except retired keys and keys past their not-after time; values
 * opened under any key but the primary report {@link OpenedValue#shouldReseal()}.
 *
 * <h2>Security</h2>
 * <p>Confidentiality and integrity (AES-256-GCM family, 128-bit tag); binds the value to its
 * context (cookie name, purpose), which is never sent, and to its expiry and key id, which are.
 * Not hidden: the value's length, the key id and the expiry. Expired values are rejected before
 * any decryption. Tampering, a wrong key, an unknown key id and a wrong context are rejected
 * alike, with one exception type and message. A fresh random nonce is drawn for every seal. Not
 * prevented: replay of a stolen value until it expires (keep time-to-live short and reseal; see
 * docs/threat-model.md). Format: docs/format.md, version 1. Instances are immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class CookieSealer {
    private static final Logger LOG = LoggerFactory.getLogger(CookieSealer.class);
    private static final AtomicBoolean WARNED_AES_GCM = new AtomicBoolean();

    /** The default longest sealed value, in characters: a browser keeps at most 4096 bytes a cookie. */
    public static final int DEFAULT_MAX_SEALED_CHARS = 4096;

    private final Provider provider;
    private final SealingKeyring keyring;
    // The keys that may open, as parallel arrays: a keyring holds a handful of keys, and a scan of
    // primitive ids costs less on every open than boxing the id for a map.
    private final int[] keyIds;
    private final AeadEngine[] keyEngines;
    private final KeyStatus[] keyStatuses;
    private final AeadEngine primary;
    private final int primaryKeyId;
    /** Draws nonces straight into sealed values; XAES's have a per-thread prefix (docs/format.md §1.3). */
    private final SealedFormat.NonceSource nonces;
    private final Clock clock;
    private final Duration defaultTtl;
    private final Duration refreshWindow;
    private final int maxSealedChars;

    private CookieSealer(Builder b, Map<Integer, AeadEngine> engines) {
        this.provider = b.provider;
        this.keyring = b.keyring;
        int n = engines.size();
        this.keyIds = new int[n];
        this.keyEngines = new AeadEngine[n];
        this.keyStatuses = new KeyStatus[n];
        int i = 0;
        for (Map.Entry<Integer, AeadEngine> e : engines.entrySet()) {
            keyIds[i] = e.getKey();
            keyEngines[i] = e.getValue();
            keyStatuses[i] = b.keyring.statusOf(e.getKey());
            i++;
        }
        this.primaryKeyId = keyring.primary().keyId();
        this.primary = engines.get(primaryKeyId);
        this.nonces = primary.algorithm() == Algorithm.XAES_256_GCM ? Randomness::nextXaesNonce : Randomness::nextBytes;
        this.clock = b.clock;
        this.defaultTtl = b.defaultTtl;
        this.refreshWindow = b.refreshWindow;
        this.maxSealedChars = b.maxSealedChars;
    }

    /**
     * Seals UTF-8 text for the sealer's default time-to-live.
     *
     * @param value the text
     * @param context the cookie name and purpose it is for
     * @return the sealed value: unpadded base64url, safe in a cookie without quoting
     * @throws IllegalArgumentException if the sealed value would exceed the maximum length
     * @since 0.1
     */
    public String seal(String value, SealContext context) {
        return seal(value, context, defaultTtl);
    }

    /**
     * Seals UTF-8 text.
     *
     * @param value the text
     * @param context the cookie name and purpose it is for
     * @param timeToLive how long the value opens, one second to ten years
     * @return the sealed value
     * @throws IllegalArgumentException if the text is not valid Unicode (an unpaired surrogate),
     *     the time-to-live is out of range or the sealed value would exceed the maximum length
     * @since 0.1
     */
    public String seal(String value, SealContext context, Duration timeToLive) {
        Objects.requireNonNull(value, "value");
        return seal(Utf8.encode(value), context, timeToLive);
    }

    /**
     * Seals bytes for the sealer's default time-to-live.
     *
     * @param value the bytes; not modified
     * @param context the cookie name and purpose it is for
     * @return the sealed value
     * @throws IllegalArgumentException if the sealed value would exceed the maximum length
     * @since 0.1
     */
    public String seal(byte[] value, SealContext context) {
        return seal(value, context, defaultTtl);
    }

    /**
     * Seals bytes with the primary key.
     *
     * @param value the bytes; not modified
     * @param context the cookie name and purpose it is for
     * @param timeToLive how long the value opens, one second to ten years
     * @return the sealed value
     * @throws IllegalArgumentException if the time-to-live is out of range or the sealed value
     *     would exceed the maximum length
     * @throws EngineFailureException if the provider's engine fails
     * @since 0.1
     */
    public String seal(byte[] value, SealContext context, Duration timeToLive) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        checkTtl(timeToLive);
        int nonceLen = primary.algorithm().nonceLengthBytes();
        int sealedChars = Base64Url.encodedLength(SealedFormat.HEADER_BYTES + nonceLen + value.length + SealedFormat.TAG_BYTES);
        if (sealedChars > maxSealedChars) {
            throw new IllegalArgumentException("a value of " + value.length + " bytes seals to " + sealedChars
                    + " characters, more than the maximum of " + maxSealedChars);
        }
        long expiresAt = Math.addExact(clock.instant().getEpochSecond(), timeToLive.getSeconds());
        return SealedFormat.seal(primary, primaryKeyId, expiresAt, context.encoded(), nonces, value);
    }

    /** The longest time-to-live: ten years, far beyond any cookie (browsers cap them at 400 days). */
    public static final Duration MAX_TTL = Duration.ofDays(3650);

    private static Duration checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "timeToLive");
        if (ttl.getSeconds() < 1 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("time-to-live must be between one second and ten years");
        }
        return ttl;
    }

    /**
     * Opens a sealed value for the context it was sealed for.
     *
     * @param sealed the sealed value, as received
     * @param context the cookie name and purpose it must have been sealed for
     * @return the value, its expiry, key id and whether to reseal it
     * @throws ExpiredValueException if its expiry has passed (checked before decryption)
     * @throws InvalidSealedValueException if it is malformed, too long, tampered with, sealed under a
     *     key this keyring lacks or for another context
     * @since 0.1
     */
    public OpenedValue open(String sealed, SealContext context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        Instant now = clock.instant();
        // A key past its not-after time opens nothing, exactly like a key the keyring lacks.
        SealedFormat.Opened o = SealedFormat.open(sealed, maxSealedChars, context.encoded(), now.getEpochSecond(),
                kid -> engineFor(kid, now));
        Instant expiresAt = Instant.ofEpochSecond(o.expiresAtEpochSecond());
        boolean reseal = o.keyId() != primaryKeyId
                || (refreshWindow != null && Duration.between(now, expiresAt).compareTo(refreshWindow) < 0);
        return new OpenedValue(o.plaintext(), expiresAt, o.keyId(), reseal);
    }

    /** The engine of a key that may open now, or null: unknown, retired and expired keys alike. */
    private AeadEngine engineFor(int keyId, Instant now) {
        for (int i = 0; i < keyIds.length; i++) {
            if (keyIds[i] == keyId) {
                return keyStatuses[i].usableAt(now) ? keyEngines[i] : null;
            }
        }
        return null;
    }

    /**
     * A sealer with the same settings over another keyring, for example after {@link SealingKeyring#rotate()}.
     *
     * @param newKeyring the keyring
     * @return the new sealer
     * @since 0.1
     */
    public CookieSealer withKeyring(SealingKeyring newKeyring) {
        Builder b = new Builder(provider, newKeyring).clock(clock).defaultTtl(defaultTtl).maxSealedLength(maxSealedChars);
        b.refreshWindow = refreshWindow;
        return b.build();
    }

    /**
     * The keyring this sealer uses.
     *
     * @return the keyring
     * @since 0.1
     */
    public SealingKeyring keyring() {
        return keyring;
    }

    /**
     * Provider, keyring and settings; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "CookieSealer[provider=" + provider.name() + ", " + keyring + ", defaultTtl=" + defaultTtl
                + ", refreshWindow=" + refreshWindow + ", maxSealedChars=" + maxSealedChars + "]";
    }

    /**
     * Configures a {@link CookieSealer}. Not thread-safe; the sealer it builds is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Provider provider;
        private final SealingKeyring keyring;
        private Clock clock = Clock.systemUTC();
        private Duration defaultTtl = Duration.ofHours(1);
        private Duration refreshWindow;
        private int maxSealedChars = DEFAULT_MAX_SEALED_CHARS;

        Builder(Provider provider, SealingKeyring keyring) {
            this.provider = provider;
            this.keyring = Objects.requireNonNull(keyring, "keyring");
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
         * The time-to-live of values sealed without one; one hour by default.
         *
         * @param timeToLive at least one second
         * @return this builder
         * @since 0.1
         */
        public Builder defaultTtl(Duration timeToLive) {
            this.defaultTtl = checkTtl(timeToLive);
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
         * The longest sealed value accepted or produced, in characters; 4096 by default.
         *
         * @param maxChars from the shortest possible sealed value up to 1 MiB
         * @return this builder
         * @since 0.1
         */
        public Builder maxSealedLength(int maxChars) {
            if (maxChars < SealedFormat.MIN_SEALED_CHARS || maxChars > (1 << 20)) {
                throw new IllegalArgumentException("maximum sealed length must be " + SealedFormat.MIN_SEALED_CHARS
                        + " to 1048576 characters");
            }
            this.maxSealedChars = maxChars;
            return this;
        }

        /**
         * Creates the engines of every key and the sealer.
         *
         * @return the sealer
         * @throws UnsupportedAlgorithmException if the provider lacks a key's algorithm
         * @throws KeyException if the provider refuses a key
         * @since 0.1
         */
        public CookieSealer build() {
            Map<Integer, AeadEngine> engines = new HashMap<>();
            for (SealingKey k : keyring.keys()) {
                if (keyring.statusOf(k.keyId()).state() != KeyState.RETIRED) {
                    engines.put(k.keyId(), provider.aeadEngine(k));
                }
            }
            if (keyring.primary().algorithm() == Algorithm.AES_256_GCM && WARNED_AES_GCM.compareAndSet(false, true)) {
                LOG.warn("Sealing with AES-256-GCM: one key must seal fewer than 2^32 values (NIST SP 800-38D); "
                        + "prefer XAES-256-GCM, the default, or rotate often");
            }
            return new CookieSealer(this, Map.copyOf(engines));
        }
    }
}
