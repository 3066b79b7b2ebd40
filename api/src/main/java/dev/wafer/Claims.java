package dev.wafer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a JSON Web Token (RFC 7519 §4): the registered claims {@code iss}, {@code sub},
 * {@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code jti}, and custom claims whose values
 * are strings, numbers, booleans, lists and nested objects.
 *
 * <p>Claims a {@link TokenVerifier} returns have passed its checks: signature, expiry, not-before,
 * issuer, audience, type. Instances are immutable and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519#section-4">RFC 7519 §4</a>
 * @since 0.1
 */
public final class Claims {
    static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private final String issuer;
    private final String subject;
    private final List<String> audience;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final Instant issuedAt;
    private final String jwtId;
    private final Map<String, Object> custom;

    private Claims(Builder b) {
        this.issuer = b.issuer;
        this.subject = b.subject;
        this.audience = List.copyOf(b.audience);
        this.expiresAt = b.expiresAt;
        this.notBefore = b.notBefore;
        this.issuedAt = b.issuedAt;
        this.jwtId = b.jwtId;
        this.custom = Collections.unmodifiableMap(new LinkedHashMap<>(b.custom));
    }

    /**
     * Starts a set of claims.
     *
     * @return an empty builder
     * @since 0.1
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these claims, to derive changed claims from them.
     *
     * @return a builder initialised with every claim
     * @since 0.1
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.issuer = issuer;
        b.subject = subject;
        b.audience.addAll(audience);
        b.expiresAt = expiresAt;
        b.notBefore = notBefore;
        b.issuedAt = issuedAt;
        b.jwtId = jwtId;
        b.custom.putAll(custom);
        return b;
    }

    /**
     * The issuer, {@code iss} (RFC 7519 §4.1.1).
     *
     * @return the issuer, or empty
     * @since 0.1
     */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * The subject, {@code sub} (RFC 7519 §4.1.2).
     *
     * @return the subject, or empty
     * @since 0.1
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * The audience, {@code aud} (RFC 7519 §4.1.3), a single string or a list in the token.
     *
     * @return the audience values, possibly empty
     * @since 0.1
     */
    public List<String> audience() {
        return audience;
    }

    /**
     * The expiry, {@code exp} (RFC 7519 §4.1.4), in whole seconds.
     *
     * @return the expiry, or empty
     * @since 0.1
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * The start of validity, {@code nbf} (RFC 7519 §4.1.5).
     *
     * @return the time, or empty
     * @since 0.1
     */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    /**
     * The issue time, {@code iat} (RFC 7519 §4.1.6).
     *
     * @return the time, or empty
     * @since 0.1
     */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /**
     * The token id, {@code jti} (RFC 7519 §4.1.7).
     *
     * @return the id, or empty
     * @since 0.1
     */
    public Optional<String> jwtId() {
        return Optional.ofNullable(jwtId);
    }

    /**
     * A custom claim: a {@code String}, {@code Long}, {@code BigInteger}, {@code Double},
     * {@code Boolean}, unmodifiable {@code List} or unmodifiable {@code Map<String, Object>}.
     *
     * @param name the claim name
     * @return the value, or empty
     * @since 0.1
     */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(custom.get(name));
    }

    /**
     * A custom claim that must be a string if present.
     *
     * @param name the claim name
     * @return the string, or empty if absent
     * @throws InvalidTokenException if present but not a string
     * @since 0.1
     */
    public Optional<String> getString(String name) {
        return typed(name, String.class, "a string");
    }

    /**
     * A custom claim that must be an integer fitting in a {@code long} if present.
     *
     * @param name the claim name
     * @return the number, or empty if absent
     * @throws InvalidTokenException if present but not such an integer
     * @since 0.1
     */
    public Optional<Long> getLong(String name) {
        return typed(name, Long.class, "an integer");
    }

    /**
     * A custom claim that must be a boolean if present.
     *
     * @param name the claim name
     * @return the boolean, or empty if absent
     * @throws InvalidTokenException if present but not a boolean
     * @since 0.1
     */
    public Optional<Boolean> getBoolean(String name) {
        return typed(name, Boolean.class, "a boolean");
    }

    /**
     * A custom claim that must be a list if present.
     *
     * @param name the claim name
     * @return the unmodifiable list, or empty if absent
     * @throws InvalidTokenException if present but not a list
     * @since 0.1
     */
    @SuppressWarnings("unchecked")
    public Optional<List<Object>> getList(String name) {
        return typed(name, List.class, "a list").map(l -> (List<Object>) l);
    }

    /**
     * A custom claim that must be a JSON object if present.
     *
     * @param name the claim name
     * @return the unmodifiable map, or empty if absent
     * @throws InvalidTokenException if present but not an object
     * @since 0.1
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> getMap(String name) {
        return typed(name, Map.class, "an object").map(m -> (Map<String, Object>) m);
    }

    private <T> Optional<T> typed(String name, Class<T> type, String what) {
        Object v = custom.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw new InvalidTokenException("claim " + name + " is not " + what);
        }
        return Optional.of(type.cast(v));
    }

    /**
     * Every custom claim, in token order.
     *
     * @return an unmodifiable map
     * @since 0.1
     */
    public Map<String, Object> customClaims() {
        return custom;
    }

    /**
     * Registered claims and the names (not the values) of custom claims.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Claims[iss=" + issuer + ", sub=" + subject + ", aud=" + audience + ", exp=" + expiresAt
                + ", nbf=" + notBefore + ", iat=" + issuedAt + ", jti=" + jwtId + ", custom=" + custom.keySet() + "]";
    }

    /**
     * Equal when every claim is equal.
     *
     * @param o another object
     * @return whether the claims are the same
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Claims)) {
            return false;
        }
        Claims c = (Claims) o;
        return Objects.equals(issuer, c.issuer) && Objects.equals(subject, c.subject) && audience.equals(c.audience)
                && Objects.equals(expiresAt, c.expiresAt) && Objects.equals(notBefore, c.notBefore)
                && Objects.equals(issuedAt, c.issuedAt) && Objects.equals(jwtId, c.jwtId) && custom.equals(c.custom);
    }

    /**
     * A hash of every claim.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(issuer, subject, audience, expiresAt, notBefore, issuedAt, jwtId, custom);
    }

    /**
     * Builds {@link Claims}. Not thread-safe; the built claims are.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String issuer;
        private String subject;
        private final List<String> audience = new ArrayList<>();
        private Instant expiresAt;
        private Instant notBefore;
        private Instant issuedAt;
        private String jwtId;
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code iss}.
         *
         * @param issuer the issuer, usually a URL
         * @return this builder
         * @since 0.1
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * Sets {@code sub}.
         *
         * @param subject the subject, for example a user id
         * @return this builder
         * @since 0.1
         */
        public Builder subject(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * Sets {@code aud}, replacing any audience set before.
         *
         * @param audience one or more audience values
         * @return this builder
         * @since 0.1
         */
        public Builder audience(String... audience) {
            this.audience.clear();
            for (String a : audience) {
                this.audience.add(Objects.requireNonNull(a, "audience"));
            }
            return this;
        }

        /**
         * Sets {@code exp}; sub-second precision is dropped.
         *
         * @param expiresAt the expiry
         * @return this builder
         * @since 0.1
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = seconds(expiresAt, "expiresAt");
            return this;
        }

        /**
         * Sets {@code nbf}; sub-second precision is dropped.
         *
         * @param notBefore the start of validity
         * @return this builder
         * @since 0.1
         */
        public Builder notBefore(Instant notBefore) {
            this.notBefore = seconds(notBefore, "notBefore");
            return this;
        }

        /**
         * Sets {@code iat}; sub-second precision is dropped. A {@link TokenSigner} sets it when absent.
         *
         * @param issuedAt the issue time
         * @return this builder
         * @since 0.1
         */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = seconds(issuedAt, "issuedAt");
            return this;
        }

        /**
         * Sets {@code jti}.
         *
         * @param jwtId a unique token id
         * @return this builder
         * @since 0.1
         */
        public Builder jwtId(String jwtId) {
            this.jwtId = Objects.requireNonNull(jwtId, "jwtId");
            return this;
        }

        /**
         * Sets a custom claim. Values may be {@code String}, {@code Boolean}, {@code Integer},
         * {@code Long}, {@code BigInteger}, finite {@code Double}, {@code List} and
         * {@code Map<String, ?>} of those, nested up to 16 levels; inside a list or a map,
         * {@code null} stands for JSON {@code null}.
         *
         * @param name the claim name, not a registered claim
         * @param value the value; copied deeply
         * @return this builder
         * @throws IllegalArgumentException if the name is registered (use its setter) or the value
         *     is of a type JSON cannot carry
         * @since 0.1
         */
        public Builder claim(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (REGISTERED.contains(name)) {
                throw new IllegalArgumentException("claim " + name + " is registered; use its own setter");
            }
            custom.put(name, copy(value, 0));
            return this;
        }

        private static Object copy(Object v, int depth) {
            if (depth > 16) {
                throw new IllegalArgumentException("claim value nests deeper than 16 levels");
            }
            if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof BigInteger) {
                return v;
            }
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("claim value must be a finite number");
                }
                return d;
            }
            if (v instanceof BigDecimal) {
                return ((BigDecimal) v).doubleValue();
            }
            if (v == null) {
                return null; // JSON null, inside a list or an object
            }
            if (v instanceof List) {
                List<Object> out = new ArrayList<>();
                for (Object o : (List<?>) v) {
                    out.add(copy(o, depth + 1));
                }
                return Collections.unmodifiableList(out);
            }
            if (v instanceof Map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (!(e.getKey() instanceof String)) {
                        throw new IllegalArgumentException("claim object keys must be strings");
                    }
                    out.put((String) e.getKey(), copy(e.getValue(), depth + 1));
                }
                return Collections.unmodifiableMap(out);
            }
            throw new IllegalArgumentException("a claim value cannot be a " + v.getClass().getName());
        }

        private static Instant seconds(Instant t, String name) {
            Objects.requireNonNull(t, name);
            if (t.getEpochSecond() < 0) {
                throw new IllegalArgumentException(name + " must not be before 1970");
            }
            return Instant.ofEpochSecond(t.getEpochSecond());
        }

        /**
         * Builds the claims.
         *
         * @return immutable claims
         * @since 0.1
         */
        public Claims build() {
            return new Claims(this);
        }
    }
}
