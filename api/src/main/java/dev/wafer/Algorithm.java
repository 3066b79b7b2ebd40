package dev.wafer;

import java.util.Optional;

/**
 * The algorithms Wafer seals and signs with: a closed set, each bound to one key type.
 *
 * <h2>Security</h2>
 * <p>A key carries exactly one algorithm, and that algorithm, never a header or a byte in the
 * input, decides how a value is opened or a token verified (RFC 8725 §3.1). Sealing algorithms are
 * authenticated encryption with 256-bit keys; signature algorithms are Ed25519 (RFC 8032) and RSA
 * with a modulus of at least 2048 bits (RFC 8017).
 *
 * @since 0.1
 */
public enum Algorithm {
    /**
     * XAES-256-GCM (C2SP specification): AES-256-GCM under a key derived from the first 12 bytes
     * of a 24-byte nonce. Wafer's sealer draws those 12 bytes per thread for runs of at most 2^16
     * values or one second, and the last 12 fresh for every value, so one key can seal 2^48 values
     * before a repeat has probability 2^-33 (docs/format.md §1.3), far beyond any rotation period.
     * The default for sealing.
     */
    XAES_256_GCM(Use.SEAL, "XAES-256-GCM", null, 24),
    /**
     * AES-256-GCM (NIST SP 800-38D) with a 12-byte random nonce. One key must seal fewer than
     * 2^32 values; rotate well before that. Prefer {@link #XAES_256_GCM}.
     */
    AES_256_GCM(Use.SEAL, "AES-256-GCM", null, 12),
    /**
     * AES-256-GCM-SIV (RFC 8452) with a 12-byte random nonce: nonce-misuse resistant. Not every
     * provider offers it; those that do not say so rather than substitute another algorithm.
     */
    AES_256_GCM_SIV(Use.SEAL, "AES-256-GCM-SIV", null, 12),
    /** Ed25519 signatures (RFC 8032 §5.1), JWS {@code alg} {@code EdDSA} (RFC 8037). The default for tokens. */
    ED25519(Use.SIGN, "EdDSA", "EdDSA", 0),
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2), JWS {@code alg} {@code RS256} (RFC 7518 §3.3). */
    RS256(Use.SIGN, "RS256", "RS256", 0),
    /**
     * RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 8017 §8.1), JWS
     * {@code alg} {@code PS256} (RFC 7518 §3.5).
     */
    PS256(Use.SIGN, "PS256", "PS256", 0);

    /** What an algorithm is for. */
    public enum Use {
        /** Authenticated encryption of cookie values. */
        SEAL,
        /** Public-key signatures of tokens. */
        SIGN
    }

    private final Use use;
    private final String jwkName;
    private final String jwsName;
    private final int nonceLengthBytes;

    Algorithm(Use use, String jwkName, String jwsName, int nonceLengthBytes) {
        this.use = use;
        this.jwkName = jwkName;
        this.jwsName = jwsName;
        this.nonceLengthBytes = nonceLengthBytes;
    }

    /**
     * Tells what this algorithm is for.
     *
     * @return {@link Use#SEAL} or {@link Use#SIGN}
     * @since 0.1
     */
    public Use use() {
        return use;
    }

    /**
     * The value of the JWK {@code alg} member (RFC 7517 §4.4) for keys of this algorithm in a Wafer key file.
     *
     * @return the JWK algorithm name, for example {@code XAES-256-GCM} or {@code EdDSA}
     * @since 0.1
     */
    public String jwkName() {
        return jwkName;
    }

    /**
     * The JWS {@code alg} header value (RFC 7518 §3.1, RFC 8037 §3.1), for signature algorithms.
     *
     * @return the JWS name, or empty for sealing algorithms
     * @since 0.1
     */
    public Optional<String> jwsName() {
        return Optional.ofNullable(jwsName);
    }

    /**
     * The nonce length of a sealing algorithm, as written in the sealed-value format.
     *
     * @return 12 or 24 for sealing algorithms, 0 for signature algorithms
     * @since 0.1
     */
    public int nonceLengthBytes() {
        return nonceLengthBytes;
    }

    /**
     * Finds the algorithm a JWK {@code alg} member names.
     *
     * @param jwkName the JWK algorithm name, compared exactly (case-sensitive, RFC 7517 §4.4)
     * @return the algorithm, or empty if Wafer has none by that name
     * @since 0.1
     */
    public static Optional<Algorithm> fromJwkName(String jwkName) {
        for (Algorithm a : values()) {
            if (a.jwkName.equals(jwkName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
