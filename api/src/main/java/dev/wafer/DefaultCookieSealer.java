package dev.wafer;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.SealedFormat;
import dev.wafer.internal.Utf8;
import dev.wafer.spi.AeadEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Wafer's one {@link CookieSealer}: the sealed-value format of {@link SealedFormat} over a key
 * set's engines. Key files sealed at rest ({@link KeyFiles}) go through this class too.
 */
final class DefaultCookieSealer implements CookieSealer {
    private final EngineSource engines;
    private final SealingKeySet keys;
    // The keys that may open, as parallel arrays: a key set holds a handful of keys, and a scan of
    // primitive ids costs less on every open than boxing the id for a map.
    private final int[] keyIds;
    private final AeadEngine[] keyEngines;
    private final KeyStatus[] keyStatuses;
    private final AeadEngine primary;
    private final int primaryKeyId;
    private final KeyStatus primaryStatus;
    /** Draws nonces straight into sealed values; XAES's have this sealer's prefix (docs/format.md §1.3). */
    private final SealedFormat.NonceSource nonces;
    private final Clock clock;
    private final Duration defaultLifetime;
    private final Duration maxLifetime;
    private final Duration refreshWindow;
    private final int maxCookieBytes;
    private final boolean acceptAesGcmLimit;
    /** Key files: the fixed latest expiry instead of now plus a lifetime. */
    private final boolean noExpiry;

    DefaultCookieSealer(CookieSealer.Builder b) {
        this(b.engines != null ? b.engines.source() : Wafer.engines().source(), b.keys, b.clock, b.defaultLifetime,
                b.refreshWindow, b.maxCookieBytes, b.acceptAesGcmLimit, false);
    }

    private DefaultCookieSealer(EngineSource engines, SealingKeySet keys, Clock clock, Duration defaultLifetime,
                                Duration refreshWindow, int maxCookieBytes, boolean acceptAesGcmLimit, boolean noExpiry) {
        this.engines = engines;
        this.keys = keys;
        this.maxLifetime = keys.maxLifetime().orElse(MAX_LIFETIME);
        this.defaultLifetime = checkLifetime(defaultLifetime, maxLifetime);
        SealingKey p = keys.primary();
        if (p.algorithm() == SealingAlgorithm.AES_256_GCM && !acceptAesGcmLimit && !noExpiry) {
            throw new KeyException("the primary key " + p.keyId() + " is AES-256-GCM, whose random nonces allow fewer "
                    + "than 2^32 values per key (NIST SP 800-38D): rotate to XAES-256-GCM, the default, or accept the "
                    + "limit with CookieSealer.Builder.acceptAesGcmLimit() and rotate well before it");
        }
        Map<Integer, AeadEngine> built = new LinkedHashMap<>();
        for (SealingKey k : keys.keys()) {
            if (keys.statusOf(k.keyId()).state() != KeyState.RETIRED) {
                built.put(k.keyIdBits(), engines.aead(k));
            }
        }
        int n = built.size();
        this.keyIds = new int[n];
        this.keyEngines = new AeadEngine[n];
        this.keyStatuses = new KeyStatus[n];
        int i = 0;
        for (Map.Entry<Integer, AeadEngine> e : built.entrySet()) {
            keyIds[i] = e.getKey();
            keyEngines[i] = e.getValue();
            keyStatuses[i] = keys.statusOf(SealingKey.hex(e.getKey()));
            i++;
        }
        this.primaryKeyId = p.keyIdBits();
        this.primary = built.get(primaryKeyId);
        this.primaryStatus = keys.statusOf(p.keyId());
        this.nonces = primary.algorithm() == SealingAlgorithm.XAES_256_GCM ? new XaesPrefix()::next : Randomness::nextBytes;
        this.clock = clock;
        this.refreshWindow = refreshWindow;
        this.maxCookieBytes = maxCookieBytes;
        this.acceptAesGcmLimit = acceptAesGcmLimit;
        this.noExpiry = noExpiry;
    }

    /** A sealer for key files: no expiry, a budget of the key-file size. */
    static DefaultCookieSealer forKeyFiles(EngineSource engines, SealingKeySet keys, int maxBytes) {
        return new DefaultCookieSealer(engines, keys, Clock.systemUTC(), DEFAULT_LIFETIME, null, maxBytes, false, true);
    }

    static Duration checkLifetime(Duration lifetime, Duration max) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.getSeconds() < 1 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new LifetimeException("a lifetime must be between one second and ten years, not " + lifetime);
        }
        if (lifetime.compareTo(max) > 0) {
            throw new LifetimeException("a lifetime of " + lifetime + " exceeds the key set's declared maximum of " + max
                    + " (wafer_max_ttl): a key could be retired while such a value still lives");
        }
        return lifetime;
    }

    @Override
    public String seal(String value, SealContext context) {
        return seal(value, context, defaultLifetime);
    }

    @Override
    public String seal(String value, SealContext context, Duration lifetime) {
        Objects.requireNonNull(value, "value");
        return seal(Utf8.encode(value), context, lifetime);
    }

    @Override
    public String seal(byte[] value, SealContext context) {
        return seal(value, context, defaultLifetime);
    }

    @Override
    public String seal(byte[] value, SealContext context, Duration lifetime) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        checkLifetime(lifetime, maxLifetime);
        int nonceLen = primary.algorithm().nonceLengthBytes();
        int sealedChars = Base64Url.encodedLength(SealedFormat.HEADER_BYTES + nonceLen + value.length + SealedFormat.TAG_BYTES);
        long cookieBytes = (long) context.cookieNameBytes() + 1 + sealedChars;
        if (cookieBytes > maxCookieBytes) {
            throw new ValueTooLargeException("a value of " + value.length + " bytes seals to a cookie of " + cookieBytes
                    + " bytes (name=value), more than the budget of " + maxCookieBytes
                    + "; browsers drop larger cookies", (int) Math.min(Integer.MAX_VALUE, cookieBytes), maxCookieBytes);
        }
        Instant now = clock.instant();
        long expiresAt;
        if (noExpiry) {
            expiresAt = SealedFormat.MAX_EXPIRES_AT;
        } else {
            if (primaryStatus.notAfter().isPresent()) {
                Instant end = primaryStatus.notAfter().get();
                if (!now.isBefore(end)) {
                    throw new KeyException("the primary key " + keys.primary().keyId() + " ended at " + end
                            + " (wafer_not_after) and seals nothing more; rotate to a new primary");
                }
                if (now.plus(lifetime).isAfter(end)) {
                    throw new LifetimeException("a value sealed now for " + lifetime + " would outlive its key "
                            + keys.primary().keyId() + ", which ends at " + end + ", and stop opening before it expires");
                }
            }
            expiresAt = Math.addExact(now.getEpochSecond(), lifetime.getSeconds());
        }
        return SealedFormat.seal(primary, primaryKeyId, expiresAt, context.encoded(), nonces, value);
    }

    @Override
    public OpenedValue open(String sealed, SealContext context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        Instant now = clock.instant();
        int maxChars = Math.max(0, maxCookieBytes - context.cookieNameBytes() - 1);
        // A key past its not-after time opens nothing, exactly like a key the key set lacks.
        SealedFormat.Opened o = SealedFormat.open(sealed, maxChars, context.encoded(), now.getEpochSecond(),
                kid -> engineFor(kid, now));
        Instant expiresAt = Instant.ofEpochSecond(o.expiresAtEpochSecond());
        boolean reseal = o.keyId() != primaryKeyId
                || (refreshWindow != null && Duration.between(now, expiresAt).compareTo(refreshWindow) < 0);
        return new OpenedValue(o.plaintext(), expiresAt, SealingKey.hex(o.keyId()), reseal);
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

    @Override
    public CookieSealer withKeys(SealingKeySet newKeys) {
        return new DefaultCookieSealer(engines, Objects.requireNonNull(newKeys, "keys"), clock, defaultLifetime,
                refreshWindow, maxCookieBytes, acceptAesGcmLimit, noExpiry);
    }

    @Override
    public SealingKeySet keys() {
        return keys;
    }

    @Override
    public int maxCookieBytes() {
        return maxCookieBytes;
    }

    /**
     * Engines, key set and settings; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "CookieSealer[engines=" + engines.name() + ", " + keys + ", defaultLifetime=" + defaultLifetime
                + ", refreshWindow=" + refreshWindow + ", maxCookieBytes=" + maxCookieBytes + "]";
    }
}
