package dev.wafer.internal;

import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON members of JWT claims (RFC 7519 §4), both ways, through {@link Claims}' public API:
 * registered claims first, in RFC order, then custom claims in insertion order; {@code aud} a
 * string for one audience and an array for several; times as integer NumericDates.
 */
public final class ClaimsJson {
    private ClaimsJson() {
    }

    /**
     * The members to write.
     *
     * @param claims the claims
     * @return the members, in order
     */
    public static Map<String, Object> toMembers(Claims claims) {
        Map<String, Object> m = new LinkedHashMap<>();
        claims.issuer().ifPresent(v -> m.put("iss", v));
        claims.subject().ifPresent(v -> m.put("sub", v));
        List<String> audience = claims.audience();
        if (audience.size() == 1) {
            m.put("aud", audience.get(0));
        } else if (!audience.isEmpty()) {
            m.put("aud", audience);
        }
        claims.expiresAt().ifPresent(v -> m.put("exp", v.getEpochSecond()));
        claims.notBefore().ifPresent(v -> m.put("nbf", v.getEpochSecond()));
        claims.issuedAt().ifPresent(v -> m.put("iat", v.getEpochSecond()));
        claims.jwtId().ifPresent(v -> m.put("jti", v));
        m.putAll(claims.customClaims());
        return m;
    }

    /**
     * Claims from a parsed, verified payload; registered claims of the wrong type are rejected.
     *
     * @param json the payload's members
     * @return the claims
     * @throws InvalidTokenException if a registered claim has the wrong type or range, or a value
     *     nests too deep
     */
    public static Claims fromMembers(Map<String, Object> json) {
        Claims.Builder b = Claims.builder();
        try {
            for (Map.Entry<String, Object> e : json.entrySet()) {
                String name = e.getKey();
                Object v = e.getValue();
                switch (name) {
                    case "iss":
                        b.issuer(string(name, v));
                        break;
                    case "sub":
                        b.subject(string(name, v));
                        break;
                    case "jti":
                        b.jwtId(string(name, v));
                        break;
                    case "aud":
                        b.audience(audience(v).toArray(new String[0]));
                        break;
                    case "exp":
                        b.expiresAt(numericDate(name, v));
                        break;
                    case "nbf":
                        b.notBefore(numericDate(name, v));
                        break;
                    case "iat":
                        b.issuedAt(numericDate(name, v));
                        break;
                    default:
                        if (v != null) {
                            b.claim(name, v);
                        }
                }
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidTokenException("token claims are invalid: " + e.getMessage());
        }
        return b.build();
    }

    private static List<String> audience(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof String) {
            out.add((String) v);
        } else if (v instanceof List) {
            for (Object a : (List<?>) v) {
                out.add(string("aud", a));
            }
        } else {
            throw new InvalidTokenException("claim aud is neither a string nor a list of strings");
        }
        return out;
    }

    private static String string(String name, Object v) {
        if (!(v instanceof String)) {
            throw new InvalidTokenException("claim " + name + " is not a string");
        }
        return (String) v;
    }

    /** A NumericDate (RFC 7519 §2): seconds since the epoch, fractions truncated toward the past. */
    private static Instant numericDate(String name, Object v) {
        long seconds;
        if (v instanceof Long) {
            seconds = (Long) v;
        } else if (v instanceof Double) {
            seconds = (long) Math.floor((Double) v);
        } else {
            throw new InvalidTokenException("claim " + name + " is not a NumericDate");
        }
        if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
            throw new InvalidTokenException("claim " + name + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
