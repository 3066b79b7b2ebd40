package dev.wafer;

import dev.wafer.internal.ClaimsJson;
import dev.wafer.internal.Json;
import dev.wafer.internal.Jws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Wafer's one {@link TokenVerifier}. */
final class DefaultTokenVerifier implements TokenVerifier {
    private final EngineSource engines;
    private final Map<String, Jws.TrustedKey> trusted;
    private final String onlyKeyId;
    private final VerificationKeySet keySet;
    private final Clock clock;
    private final Duration skew;
    private final String issuer;
    private final String audience;
    private final String type;
    private final boolean requireExpiry;
    private final int maxTokenChars;

    DefaultTokenVerifier(TokenVerifier.Builder b) {
        this(b.engines != null ? b.engines.source() : Wafer.engines().source(), b.keys, b.clock, b.skew, b.issuer,
                b.audience, b.type, b.requireExpiry, b.maxTokenChars);
    }

    private DefaultTokenVerifier(EngineSource engines, VerificationKeySet keys, Clock clock, Duration skew, String issuer,
                                 String audience, String type, boolean requireExpiry, int maxTokenChars) {
        this.engines = engines;
        Map<String, Jws.TrustedKey> t = new HashMap<>();
        for (VerificationKey k : keys.keys()) {
            t.put(k.keyId(), new Jws.TrustedKey(k.algorithm(), k.signatureLengthBytes(), engines.verifier(k)));
        }
        this.trusted = Map.copyOf(t);
        this.onlyKeyId = keys.keys().size() == 1 ? keys.keys().get(0).keyId() : null;
        this.keySet = keys;
        this.clock = clock;
        this.skew = skew;
        this.issuer = issuer;
        this.audience = audience;
        this.type = type;
        this.requireExpiry = requireExpiry;
        this.maxTokenChars = maxTokenChars;
    }

    @Override
    public Claims verify(String token) {
        Objects.requireNonNull(token, "token");
        Instant now = clock.instant();
        Jws.Verified v = Jws.verify(token, maxTokenChars, type, kid -> key(kid, now));
        Map<String, Object> json;
        try {
            json = Json.parseObject(v.payload());
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token claims are not a JSON object: " + e.getMessage());
        }
        Claims claims = ClaimsJson.fromMembers(json);
        checkTimes(claims, now);
        if (issuer != null && !issuer.equals(claims.issuer().orElse(null))) {
            throw new InvalidTokenException("token issuer is not the expected issuer");
        }
        if (audience != null ? !claims.audience().contains(audience) : !claims.audience().isEmpty()) {
            throw new InvalidTokenException(audience != null ? "token audience does not include " + audience
                    : "token has an audience but this verifier expects none; configure audience(...) (RFC 7519 §4.1.3)");
        }
        return claims;
    }

    /** The trusted key a kid names, or null if none; a key past its end of use is refused. */
    private Jws.TrustedKey key(String kid, Instant now) {
        String id = kid == null ? onlyKeyId : kid;
        if (id == null) {
            return null;
        }
        Jws.TrustedKey k = trusted.get(id);
        if (k != null && !keySet.usableAt(id, now)) {
            throw new InvalidTokenException("token is signed with a key whose published end of use has passed");
        }
        return k;
    }

    private void checkTimes(Claims claims, Instant now) {
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

    @Override
    public VerificationKeySet keys() {
        return keySet;
    }

    @Override
    public TokenVerifier withKeys(VerificationKeySet keys) {
        return new DefaultTokenVerifier(engines, Objects.requireNonNull(keys, "keys"), clock, skew, issuer, audience, type,
                requireExpiry, maxTokenChars);
    }

    /**
     * Key ids and policy.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TokenVerifier[engines=" + engines.name() + ", " + keySet + ", issuer=" + (issuer == null ? "any" : issuer)
                + ", audience=" + audience + ", type=" + type + ", skew=" + skew + ", requireExpiry=" + requireExpiry
                + ", maxTokenChars=" + maxTokenChars + "]";
    }
}
