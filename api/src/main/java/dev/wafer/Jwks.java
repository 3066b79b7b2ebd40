package dev.wafer;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Json;
import dev.wafer.internal.SealedFormat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
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

    /** A parsed set: its key objects, its primary kid (null when absent) and its declared maximum TTL. */
    static final class Parsed {
        final List<Map<String, Object>> keys;
        final String primary;
        final Optional<Duration> maxTtl;

        Parsed(List<Map<String, Object>> keys, String primary, Optional<Duration> maxTtl) {
            this.keys = keys;
            this.primary = primary;
            this.maxTtl = maxTtl;
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
                throw new KeyException(ids.contains(primary) ? "\"primary\" names key " + primary
                        + " but key " + primaries.get(0) + " has state primary" : "the primary key " + primary + " is not in the set");
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
            set = Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
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
                || (Long) maxTtl > CookieSealer.MAX_TTL.getSeconds())) {
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
        return new String(Json.writeObject(set), StandardCharsets.UTF_8);
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
            throw new KeyException("a sealing key's kid must be 8 lowercase hex digits");
        }
        String where = "key " + kid;
        expect(jwk, "kty", "oct", where);
        Algorithm alg = algorithm(jwk, where, Algorithm.Use.SEAL);
        checkUse(jwk, "enc", where);
        byte[] k = bytes(jwk, "k", where);
        try {
            return SealingKey.of(alg, Integer.parseUnsignedInt(kid, 16), k);
        } catch (KeyException e) {
            throw new KeyException(where + ": " + e.getMessage());
        } finally {
            SealingKey.wipe(k);
        }
    }

    static Map<String, Object> writeSealingKey(SealingKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "oct");
        m.put("kid", key.keyIdHex());
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
        String where = kid == null ? "key without kid" : "key " + kid;
        for (String p : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
            if (jwk.containsKey(p)) {
                throw new KeyException(where + ": a public key set holds the private member \"" + p
                        + "\"; publish the public JWK Set instead");
            }
        }
        return readPublic(jwk, kid, where);
    }

    private static VerificationKey readPublic(Map<String, Object> jwk, String kid, String where) {
        for (String bad : KEY_CARRYING) {
            if (jwk.containsKey(bad)) {
                throw new KeyException(where + ": member \"" + bad + "\" is not supported");
            }
        }
        String kty = string(jwk, "kty", where);
        Algorithm alg;
        if ("OKP".equals(kty)) {
            expect(jwk, "crv", "Ed25519", where);
            alg = jwk.containsKey("alg") ? algorithm(jwk, where, Algorithm.Use.SIGN) : Algorithm.ED25519;
            if (alg != Algorithm.ED25519) {
                throw new KeyException(where + ": an OKP Ed25519 key must have alg EdDSA");
            }
            checkUse(jwk, "sig", where);
            return wrap(where, () -> VerificationKey.ed25519(kid, bytes(jwk, "x", where)));
        } else if ("RSA".equals(kty)) {
            if (!jwk.containsKey("alg")) {
                throw new KeyException(where + ": an RSA key needs alg RS256 or PS256, which Wafer binds to the key");
            }
            alg = algorithm(jwk, where, Algorithm.Use.SIGN);
            if (alg == Algorithm.ED25519) {
                throw new KeyException(where + ": an RSA key cannot have alg EdDSA");
            }
            checkUse(jwk, "sig", where);
            BigInteger n = new BigInteger(1, bytes(jwk, "n", where));
            BigInteger e = new BigInteger(1, bytes(jwk, "e", where));
            return wrap(where, () -> VerificationKey.rsa(alg, kid, n, e));
        }
        throw new KeyException(where + ": unsupported key type (kty) for signatures; Wafer signs with OKP Ed25519 and RSA keys");
    }

    static SigningKey readSigningKey(Map<String, Object> jwk) {
        String kid = string(jwk, "kid", null);
        String where = kid == null ? "key without kid" : "key " + kid;
        VerificationKey pub = readPublic(jwk, kid, where);
        if (pub.algorithm() == Algorithm.ED25519) {
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
        if (key.algorithm() == Algorithm.ED25519) {
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

    private static Algorithm algorithm(Map<String, Object> jwk, String where, Algorithm.Use use) {
        String name = string(jwk, "alg", where);
        Algorithm alg = Algorithm.fromJwkName(name).orElseThrow(() -> new KeyException(where + ": unsupported alg"));
        if (alg.use() != use) {
            throw new KeyException(where + ": alg " + alg.jwkName() + " cannot be used to "
                    + (use == Algorithm.Use.SEAL ? "seal" : "sign"));
        }
        return alg;
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
