package dev.wafer.internal;

import dev.wafer.EngineFailureException;
import dev.wafer.InvalidTokenException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JWS compact serialization (RFC 7515 §7.1) with the header rules of RFC 8725, implemented once
 * for every provider.
 */
public final class Jws {
    /** Header parameters that carry or point to keys: a verifier must never take a key from the token. */
    private static final Set<String> KEY_CARRYING = Set.of("jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256");

    private Jws() {
    }

    /** A key the verifier trusts, with its engine. */
    public static final class TrustedKey {
        final SigningAlgorithm algorithm;
        final int signatureLengthBytes;
        final VerifierEngine engine;

        /**
         * @param algorithm the key's algorithm; the only one it verifies
         * @param signatureLengthBytes the exact length of its signatures
         * @param engine its engine
         */
        public TrustedKey(SigningAlgorithm algorithm, int signatureLengthBytes, VerifierEngine engine) {
            this.algorithm = algorithm;
            this.signatureLengthBytes = signatureLengthBytes;
            this.engine = engine;
        }
    }

    /** A JWS whose signature verified. */
    public static final class Verified {
        private final Map<String, Object> header;
        private final byte[] payload;

        Verified(Map<String, Object> header, byte[] payload) {
            this.header = header;
            this.payload = payload;
        }

        /** @return the protected header's members */
        public Map<String, Object> header() {
            return header;
        }

        /** @return the payload bytes, owned by the caller */
        public byte[] payload() {
            return payload;
        }
    }

    /**
     * The encoded protected header for a key: encoded once per key, because it never changes.
     *
     * @param algorithm the key's algorithm
     * @param type the {@code typ} value, or {@code null}
     * @param keyId the {@code kid}
     * @return the base64url-encoded header
     */
    public static String encodeHeader(SigningAlgorithm algorithm, String type, String keyId) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", algorithm.jwsName());
        if (type != null) {
            h.put("typ", type);
        }
        h.put("kid", keyId);
        return Base64Url.encode(Json.writeObject(h));
    }

    /**
     * Signs a payload under an encoded header.
     *
     * @param engine the signer
     * @param encodedHeader the base64url header
     * @param payload the payload bytes
     * @return the compact serialization
     */
    public static String sign(SignerEngine engine, String encodedHeader, byte[] payload) {
        String signingInput = encodedHeader + '.' + Base64Url.encode(payload);
        byte[] ascii = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = engine.sign(ascii, 0, ascii.length);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new EngineFailureException(engine.algorithm().jwkName() + " engine failed to sign", e);
        }
        return signingInput + '.' + Base64Url.encode(signature);
    }

    /**
     * Verifies a raw signature after the api's own check of its length, as token verification
     * does; for the conformance suite's known-answer tests too.
     *
     * @param key the trusted key
     * @param signature the signature
     * @param data the signed bytes
     * @throws InvalidTokenException if the length is wrong or the signature does not verify
     */
    public static void verifySignature(TrustedKey key, byte[] signature, byte[] data) {
        if (signature.length != key.signatureLengthBytes) {
            throw new InvalidTokenException("token signature has the wrong length for " + key.algorithm.jwkName());
        }
        if (key.algorithm == SigningAlgorithm.ED25519 && !Ed25519Encodings.acceptableSignature(signature)) {
            // Engines differ on these edges (S >= L, non-canonical or small-order R): one verdict for all.
            throw new InvalidTokenException("token signature does not verify");
        }
        try {
            key.engine.verify(signature, data, 0, data.length);
        } catch (GeneralSecurityException | RuntimeException e) {
            // An engine that throws anything on hostile input still gives the caller one typed answer.
            throw new InvalidTokenException("token signature does not verify");
        }
    }

    /**
     * Verifies a compact JWS, with every header rule in one place: length, shape and encoding; the
     * header (no {@code none}, no {@code crit}, no key-carrying parameters, {@code typ} as
     * expected, no {@code cty}); the key its {@code kid} names; the header's {@code alg} against
     * the key's; the signature's length and encoding; and the signature.
     *
     * @param token the compact JWS
     * @param maxChars the longest token accepted
     * @param expectedType the required {@code typ} (RFC 8725 §3.11), compared as RFC 7515 §4.1.9
     *     says, or {@code null} to accept any or none
     * @param keys the trusted key for a {@code kid} (the argument is {@code null} when the header
     *     has none), or {@code null} if there is none; it may throw {@link InvalidTokenException}
     *     for a key it knows but no longer trusts
     * @return the verified header and payload
     * @throws UnknownKeyIdException if the {@code kid} names no trusted key
     * @throws InvalidTokenException for any other rejection
     */
    public static Verified verify(String token, int maxChars, String expectedType, Function<String, TrustedKey> keys) {
        if (token.length() > maxChars) {
            throw new InvalidTokenException("token is longer than " + maxChars + " characters");
        }
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0 || dot2 == dot1 + 1 || dot2 == token.length() - 1) {
            throw new InvalidTokenException("token is not a JWS compact serialization (three non-empty base64url parts)");
        }
        Map<String, Object> header;
        try {
            header = Json.parseObject(Base64Url.decode(token, 0, dot1));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token header is malformed: " + e.getMessage());
        }
        Object alg = header.get("alg");
        if (!(alg instanceof String)) {
            throw new InvalidTokenException("token header has no alg");
        }
        if ("none".equalsIgnoreCase((String) alg)) {
            throw new InvalidTokenException("unsecured tokens (alg none) are refused (RFC 8725 §3.1)");
        }
        if (header.containsKey("crit")) {
            throw new InvalidTokenException("token header has crit; Wafer understands no critical extension (RFC 7515 §4.1.11)");
        }
        for (String p : KEY_CARRYING) {
            if (header.containsKey(p)) {
                throw new InvalidTokenException("token header carries a key or key reference (" + p
                        + "); keys come only from the verifier's key set (RFC 8725 §3.10)");
            }
        }
        if (header.containsKey("cty")) {
            throw new InvalidTokenException("nested tokens (cty) are not accepted");
        }
        if (expectedType != null) {
            Object typ = header.get("typ");
            if (!(typ instanceof String) || !normaliseType((String) typ).equals(normaliseType(expectedType))) {
                throw new InvalidTokenException("token type is not " + expectedType + " (RFC 8725 §3.11)");
            }
        }
        Object kid = header.get("kid");
        if (kid != null && !(kid instanceof String)) {
            throw new InvalidTokenException("token header kid is not a string");
        }
        TrustedKey key = keys.apply((String) kid);
        if (key == null) {
            if (kid == null) {
                throw new InvalidTokenException("token has no kid and the key set has several keys");
            }
            throw new UnknownKeyIdException((String) kid);
        }
        if (!key.algorithm.jwsName().equals(alg)) {
            throw new InvalidTokenException("token header alg does not match the key's algorithm "
                    + key.algorithm.jwsName() + " (RFC 8725 §3.1)");
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = Base64Url.decode(token, dot2 + 1, token.length());
            payload = Base64Url.decode(token, dot1 + 1, dot2);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token is not canonical base64url: " + e.getMessage());
        }
        byte[] signingInput = token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII);
        verifySignature(key, signature, signingInput);
        return new Verified(header, payload);
    }

    /** RFC 7515 §4.1.9: media types compare case-insensitively, and "application/" may be omitted. */
    private static String normaliseType(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }
}
