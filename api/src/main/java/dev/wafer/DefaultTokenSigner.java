package dev.wafer;

import dev.wafer.internal.ClaimsJson;
import dev.wafer.internal.Json;
import dev.wafer.internal.Jws;
import dev.wafer.spi.SignerEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Wafer's one {@link TokenSigner}. */
final class DefaultTokenSigner implements TokenSigner {
    private final SigningKey key;
    private final KeyStatus status;
    private final SignerEngine engine;
    private final String encodedHeader;
    private final Clock clock;
    private final Duration defaultLifetime;
    private final Duration maxLifetime;
    private final String issuer;
    private final String engines;

    DefaultTokenSigner(TokenSigner.Builder b) {
        EngineSource source = b.engines != null ? b.engines.source() : Wafer.engines().source();
        this.key = b.keys.primary();
        this.status = b.keys.statusOf(key.keyId());
        this.maxLifetime = b.keys.maxLifetime().orElse(CookieSealer.MAX_LIFETIME);
        this.defaultLifetime = DefaultCookieSealer.checkLifetime(b.defaultLifetime, maxLifetime);
        this.engine = source.signer(key);
        this.encodedHeader = Jws.encodeHeader(key.algorithm(), b.type, key.keyId());
        this.clock = b.clock;
        this.issuer = b.issuer;
        this.engines = source.name();
    }

    @Override
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
        checkExpiry(complete.expiresAt().orElseThrow(), now);
        return Jws.sign(engine, encodedHeader, Json.writeObject(ClaimsJson.toMembers(complete)));
    }

    private void checkExpiry(Instant exp, Instant now) {
        Instant second = Instant.ofEpochSecond(now.getEpochSecond());
        if (!exp.isAfter(second)) {
            throw new LifetimeException("the token's exp " + exp + " has already passed; it would never verify");
        }
        if (Duration.between(second, exp).compareTo(maxLifetime) > 0) {
            throw new LifetimeException("the token's exp " + exp + " lies " + Duration.between(second, exp)
                    + " ahead, beyond the key set's maximum lifetime of " + maxLifetime
                    + " (wafer_max_ttl): its key could be retired while the token still lives");
        }
        if (status.notAfter().isPresent()) {
            Instant end = status.notAfter().get();
            if (!now.isBefore(end)) {
                throw new KeyException("the primary key " + key.keyId() + " ended at " + end
                        + " (wafer_not_after) and signs nothing more; rotate to a new primary");
            }
            if (exp.isAfter(end)) {
                throw new LifetimeException("the token would outlive its key " + key.keyId() + ", which ends at " + end
                        + ", and stop verifying before it expires");
            }
        }
    }

    @Override
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
        return "TokenSigner[engines=" + engines + ", " + key + ", defaultLifetime=" + defaultLifetime + "]";
    }
}
