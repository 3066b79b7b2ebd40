package dev.wafer;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import dev.wafer.internal.SealedFormat;
import dev.wafer.internal.Text;
import dev.wafer.internal.Utf8;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes Wafer key files: JWK Sets (RFC 7517 §5) with {@code oct}, {@code OKP} (RFC 8037)
 * and {@code RSA} (RFC 7518 §6.3) keys, each with {@code kid} and {@code alg}, and a top-level
 * {@code primary} member naming the key that seals or signs.
 */
final class Jwks {
    static final String PRIMARY = "primary";
    private static final Set<String> KEY_CARRYING = Set.of("x5c", "x5u", "x5t", "x5t#S256", "oth");
    private static final List<String> RSA_PRIVATE = List.of("d", "p", "q", "dp", "dq", "qi");

    private Jwks() {
    }

    static final String MAX_TTL = "wafer_max_ttl";
    private static final String STATE = "wafer_state";
    private static final String CREATED = "wafer_created";
    private static final String DEACTIVATED = "wafer_deactivated";
    private static final String RETIRED = "wafer_retired";
    private static final String NOT_AFTER = "wafer_not_after";

    /** A parsed set: its key objects, its primary kid (null when absent) and its declared maximum lifetime. */
    static final class Parsed {
        final List<Map<String, Object>> keys;
        final String primary;
        final Optional<Duration> maxLifetime;

        Parsed(List<Map<String, Object>> keys, String primary, Optional<Duration> maxLifetime) {
            this.keys = keys;
            this.primary = primary;
            this.maxLifetime = maxLifetime;
        }

        /**
         * The status of every key, by id, in set order: from the wafer_state members when the file
         * has them (then "primary", if present, must agree), else the named or only key is primary
         * and the others active.
         */
        Map<String, KeyStatus> statuses(List<String> ids) {
            boolean lifecycle = keys.stream().anyMatch(k -> k.containsKey(STATE));
            Map<String, KeyStatus> out = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Map<String, Object> jwk = keys.get(i);
                KeyState state;
                if (lifecycle) {
                    state = KeyState.fromJwkName(string(jwk, STATE, "key " + id));
                } else if (primary != null) {
                    state = primary.equals(id) ? KeyState.PRIMARY : KeyState.ACTIVE;
                } else {
                    if (ids.size() != 1) {
                        throw new KeyException("a key set with several keys must name its \"primary\"");
                    }
                    state = KeyState.PRIMARY;
                }
                out.put(id, new KeyStatus(state, time(jwk, CREATED, id), time(jwk, DEACTIVATED, id),
                        time(jwk, RETIRED, id), time(jwk, NOT_AFTER, id)));
            }
            List<String> primaries = new ArrayList<>();
            out.forEach((id, st) -> {
                if (st.state() == KeyState.PRIMARY) {
                    primaries.add(id);
                }
            });
            if (primaries.size() != 1) {
                throw new KeyException("the key set must have exactly one primary key, not " + primaries.size());
            }
            if (primary != null && !primary.equals(primaries.get(0))) {
                throw new KeyException(ids.contains(primary) ? "\"primary\" names key " + Text.quote(primary)
                        + " but key " + Text.quote(primaries.get(0)) + " has state primary"
                        : "the primary key " + Text.quote(primary) + " is not in the set");
            }
            return out;
        }
    }

    private static Optional<Instant> time(Map<String, Object> jwk, String member, String id) {
        Object v = jwk.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Long) || (Long) v < 0 || (Long) v > SealedFormat.MAX_EXPIRES_AT) {
            throw new KeyException("key " + id + ": \"" + member + "\" must be a time in epoch seconds, 1970 to 9999");
        }
        return Optional.of(Instant.ofEpochSecond((Long) v));
    }

    /** Adds the lifecycle members of a key to its JWK. */
    /**
     * The lifecycle a public JWK carries, if any: a verifier honours {@code wafer_state} retired
     * and {@code wafer_not_after} as the issuer's own key set does (docs/format.md §3).
     */
    static KeyStatus publicStatus(Map<String, Object> jwk, String id) {
        Object state = jwk.get(STATE);
        KeyState s = state == null ? KeyState.ACTIVE : KeyState.fromJwkName(string(jwk, STATE, "key " + id));
        return new KeyStatus(s, time(jwk, CREATED, id), time(jwk, DEACTIVATED, id), time(jwk, RETIRED, id),
                time(jwk, NOT_AFTER, id));
    }

    /** The lifecycle members a published key carries: its end of use, if it has one. */
    static Map<String, Object> withPublicStatus(Map<String, Object> jwk, KeyStatus s) {
        s.notAfter().ifPresent(t -> jwk.put(NOT_AFTER, t.getEpochSecond()));
        return jwk;
    }

    static Map<String, Object> withStatus(Map<String, Object> jwk, KeyStatus s) {
        jwk.put(STATE, s.state().jwkName());
        s.createdAt().ifPresent(t -> jwk.put(CREATED, t.getEpochSecond()));
        s.deactivatedAt().ifPresent(t -> jwk.put(DEACTIVATED, t.getEpochSecond()));
        s.retiredAt().ifPresent(t -> jwk.put(RETIRED, t.getEpochSecond()));
        s.notAfter().ifPresent(t -> jwk.put(NOT_AFTER, t.getEpochSecond()));
        return jwk;
    }

    static Parsed parse(String json) {
        Objects.requireNonNull(json, "json");
        Map<String, Object> set;
        try {
            set = Json.parseObject(Utf8.encode(json), Json.Limits.KEY_FILE);
        } catch (IllegalArgumentException e) {
            throw new KeyException("unreadable JWK Set: " + e.getMessage());
        }
        Object keys = set.get("keys");
        if (!(keys instanceof List)) {
            throw new KeyException("a JWK Set needs a \"keys\" array (RFC 7517 §5.1)");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object k : (List<?>) keys) {
            if (!(k instanceof Map)) {
                throw new KeyException("every member of \"keys\" must be a JWK object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) k;
            out.add(jwk);
        }
        if (out.isEmpty()) {
            throw new KeyException("the JWK Set holds no keys");
        }
        Object primary = set.get(PRIMARY);
        if (primary != null && !(primary instanceof String)) {
            throw new KeyException("\"primary\" must be a key id string");
        }
        Object maxTtl = set.get(MAX_TTL);
        if (maxTtl != null && (!(maxTtl instanceof Long) || (Long) maxTtl <= 0
                || (Long) maxTtl > CookieSealer.MAX_LIFETIME.getSeconds())) {
            throw new KeyException("\"" + MAX_TTL + "\" must be a number of seconds, from 1 to ten years");
        }
        return new Parsed(out, (String) primary, Optional.ofNullable((Long) maxTtl).map(Duration::ofSeconds));
    }

    static String write(List<Map<String, Object>> keys, String primary, Optional<Duration> maxTtl) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("keys", keys);
        if (primary != null) {
            set.put(PRIMARY, primary);
        }
        maxTtl.ifPresent(d -> set.put(MAX_TTL, d.getSeconds()));
        try {
            return new String(Json.writeObject(set, Json.Limits.KEY_FILE), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new KeyException("the key set cannot be written as a JWK Set that Wafer reads back: " + e.getMessage());
        }
    }

    static void checkUniqueIds(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new KeyException("key id " + id + " appears twice");
            }
        }
    }

    // ---- sealing keys -------------------------------------------------------------------------

    static SealingKey readSealingKey(Map<String, Object> jwk) {
        String kid = string(jwk, "kid", null);
        if (kid == null || !kid.matches("[0-9a-f]{8}")) {
            throw new KeyException("a sealing key's kid must be 8 lowercase hex digits, not " + Text.quote(kid));
        }
        String where = "key " + kid;
        expect(jwk, "kty", "oct", where);
        SealingAlgorithm alg = SealingAlgorithm.fromJwkName(string(jwk, "alg", where)).orElseThrow(() -> new KeyException(
                where + ": alg " + Text.quote((String) jwk.get("alg")) + " is no sealing algorithm; Wafer seals with "
                        + "XAES-256-GCM, AES-256-GCM and AES-256-GCM-SIV"));
        checkUse(jwk, "enc", where);
        checkKeyOps(jwk, Set.of("encrypt", "decrypt"), "encrypt", where);
        byte[] k = bytes(jwk, "k", where);
        try {
            return SealingKey.of(alg, kid, k);
        } catch (KeyException e) {
            throw new KeyException(where + ": " + e.getMessage());
        } finally {
            SealingKey.wipe(k);
        }
    }

    static Map<String, Object> writeSealingKey(SealingKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "oct");
        m.put("kid", key.keyId());
        m.put("alg", key.algorithm().jwkName());
        m.put("use", "enc");
        byte[] k = key.copyBytes();
        m.put("k", Base64Url.encode(k));
        SealingKey.wipe(k);
        return m;
    }

    // ---- signature keys -----------------------------------------------------------------------

    static VerificationKey readVerificationKey(Map<String, Object> jwk) {
        String kid = string(jwk, "kid", null);
        String where = kid == null ? "key without kid" : "key " + Text.escape(kid);
        for (String p : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
            if (jwk.containsKey(p)) {
                throw new KeyException(where + ": a public key set holds the private member \"" + p
                        + "\"; publish the public JWK Set instead");
            }
        }
        return readPublic(jwk, kid, where, false);
    }

    private static VerificationKey readPublic(Map<String, Object> jwk, String kid, String where, boolean signing) {
        for (String bad : KEY_CARRYING) {
            if (jwk.containsKey(bad)) {
                throw new KeyException(where + ": member \"" + bad + "\" is not supported");
            }
        }
        String kty = string(jwk, "kty", where);
        checkKeyOps(jwk, signing ? Set.of("sign", "verify") : Set.of("verify"), signing ? "sign" : "verify", where);
        if ("OKP".equals(kty)) {
            expect(jwk, "crv", "Ed25519", where);
            SigningAlgorithm alg = jwk.containsKey("alg") ? signingAlgorithm(jwk, where) : SigningAlgorithm.ED25519;
            if (alg != SigningAlgorithm.ED25519) {
                throw new KeyException(where + ": an OKP Ed25519 key must have alg EdDSA");
            }
            checkUse(jwk, "sig", where);
            return wrap(where, () -> VerificationKey.ed25519(kid, bytes(jwk, "x", where)));
        } else if ("RSA".equals(kty)) {
            if (!jwk.containsKey("alg")) {
                throw new KeyException(where + ": an RSA key needs alg RS256 or PS256, which Wafer binds to the key");
            }
            SigningAlgorithm alg = signingAlgorithm(jwk, where);
            if (!alg.isRsa()) {
                throw new KeyException(where + ": an RSA key cannot have alg EdDSA");
            }
            checkUse(jwk, "sig", where);
            BigInteger n = new BigInteger(1, bytes(jwk, "n", where));
            BigInteger e = new BigInteger(1, bytes(jwk, "e", where));
            return wrap(where, () -> VerificationKey.rsa(alg, kid, n, e));
        }
        throw new KeyException(where + ": unsupported key type (kty) " + Text.quote(kty)
                + " for signatures; Wafer signs with OKP Ed25519 and RSA keys");
    }

    static SigningKey readSigningKey(Map<String, Object> jwk) {
        String kid = string(jwk, "kid", null);
        String where = kid == null ? "key without kid" : "key " + Text.escape(kid);
        VerificationKey pub = readPublic(jwk, kid, where, true);
        if (pub.algorithm() == SigningAlgorithm.ED25519) {
            byte[] d = bytes(jwk, "d", where);
            try {
                return wrap(where, () -> SigningKey.ed25519(pub.keyId(), d, pub.ed25519Bytes()));
            } finally {
                SealingKey.wipe(d);
            }
        }
        BigInteger[] parts = new BigInteger[RSA_PRIVATE.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new BigInteger(1, bytes(jwk, RSA_PRIVATE.get(i), where));
        }
        BigInteger n = new BigInteger(1, bytes(jwk, "n", where));
        BigInteger e = new BigInteger(1, bytes(jwk, "e", where));
        return wrap(where, () -> SigningKey.rsa(pub.algorithm(), pub.keyId(),
                new RSAPrivateCrtKeySpec(n, e, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])));
    }

    static Map<String, Object> writeSigningKey(SigningKey key) {
        Map<String, Object> m = key.publicKey().jwkMembers();
        if (key.algorithm() == SigningAlgorithm.ED25519) {
            byte[] d = key.ed25519Seed();
            m.put("d", Base64Url.encode(d));
            SealingKey.wipe(d);
        } else {
            RSAPrivateCrtKeySpec s = key.rsaSpec();
            BigInteger[] parts = {s.getPrivateExponent(), s.getPrimeP(), s.getPrimeQ(), s.getPrimeExponentP(),
                s.getPrimeExponentQ(), s.getCrtCoefficient()};
            for (int i = 0; i < parts.length; i++) {
                m.put(RSA_PRIVATE.get(i), Base64Url.encode(VerificationKey.unsigned(parts[i])));
            }
        }
        return m;
    }

    // ---- members ------------------------------------------------------------------------------

    private interface KeySupplier<T> {
        T get();
    }

    private static <T> T wrap(String where, KeySupplier<T> s) {
        try {
            return s.get();
        } catch (KeyException e) {
            throw e.getMessage().startsWith(where + ": ") ? e : new KeyException(where + ": " + e.getMessage());
        }
    }

    private static SigningAlgorithm signingAlgorithm(Map<String, Object> jwk, String where) {
        String name = string(jwk, "alg", where);
        return SigningAlgorithm.fromJwkName(name).orElseThrow(() -> new KeyException(where + ": alg " + Text.quote(name)
                + (SealingAlgorithm.fromJwkName(name).isPresent() ? " cannot be used to sign"
                : " is not supported; Wafer signs with EdDSA, RS256 and PS256")));
    }

    /**
     * RFC 7517 §4.3: {@code key_ops}, when present, must allow what Wafer does with the key and
     * nothing of another use; a conflict with {@code use} is refused, not ignored.
     */
    private static void checkKeyOps(Map<String, Object> jwk, Set<String> allowed, String required, String where) {
        Object ops = jwk.get("key_ops");
        if (ops == null) {
            return;
        }
        if (!(ops instanceof List) || ((List<?>) ops).isEmpty()) {
            throw new KeyException(where + ": \"key_ops\" must be a non-empty array of strings");
        }
        Set<Object> seen = new HashSet<>();
        for (Object op : (List<?>) ops) {
            if (!(op instanceof String) || !seen.add(op)) {
                throw new KeyException(where + ": \"key_ops\" must hold distinct strings (RFC 7517 §4.3)");
            }
            if (!allowed.contains(op)) {
                throw new KeyException(where + ": \"key_ops\" allows " + Text.quote((String) op)
                        + ", which this key's use does not; Wafer uses it only to " + String.join(" and ", allowed));
            }
        }
        if (!seen.contains(required)) {
            throw new KeyException(where + ": \"key_ops\" does not allow " + required + ", which Wafer uses this key to do");
        }
    }

    private static void checkUse(Map<String, Object> jwk, String expected, String where) {
        Object use = jwk.get("use");
        if (use != null && !expected.equals(use)) {
            throw new KeyException(where + ": \"use\" must be \"" + expected + "\"");
        }
    }

    private static void expect(Map<String, Object> jwk, String member, String value, String where) {
        if (!value.equals(jwk.get(member))) {
            throw new KeyException(where + ": \"" + member + "\" must be \"" + value + "\"");
        }
    }

    private static String string(Map<String, Object> jwk, String member, String whereIfRequired) {
        Object v = jwk.get(member);
        if (v == null) {
            if (whereIfRequired != null) {
                throw new KeyException(whereIfRequired + ": member \"" + member + "\" is missing");
            }
            return null;
        }
        if (!(v instanceof String)) {
            throw new KeyException("member \"" + member + "\" must be a string");
        }
        return (String) v;
    }

    private static byte[] bytes(Map<String, Object> jwk, String member, String where) {
        String text = string(jwk, member, where);
        try {
            return Base64Url.decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyException(where + ": member \"" + member + "\" is not base64url: " + e.getMessage());
        }
    }
}
