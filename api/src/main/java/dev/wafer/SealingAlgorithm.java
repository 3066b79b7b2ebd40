package dev.wafer;

import java.util.Optional;

/**
 * The authenticated-encryption algorithms that seal cookie values, all with 256-bit keys and a
 * 128-bit tag.
 *
 * @since 0.1
 */
public enum SealingAlgorithm implements Algorithm {
    /**
     * XAES-256-GCM (C2SP specification): AES-256-GCM under a key derived from the first 12 bytes
     * of a 24-byte nonce. Wafer's sealer draws those 12 bytes per thread for runs of at most 2^16
     * values or one second, and the last 12 fresh for every value, so one key can seal 2^48 values
     * before a repeat has probability 2^-33 (docs/format.md §1.3), far beyond any rotation period.
     * The default.
     */
    XAES_256_GCM("XAES-256-GCM", 24),
    /**
     * AES-256-GCM (NIST SP 800-38D) with a 12-byte random nonce. One key must seal fewer than
     * 2^32 values; rotate well before that. Prefer {@link #XAES_256_GCM}.
     */
    AES_256_GCM("AES-256-GCM", 12),
    /**
     * AES-256-GCM-SIV (RFC 8452) with a 12-byte random nonce: nonce-misuse resistant. Not every
     * provider offers it; those that do not say so rather than substitute another algorithm.
     */
    AES_256_GCM_SIV("AES-256-GCM-SIV", 12);

    private final String jwkName;
    private final int nonceLengthBytes;

    SealingAlgorithm(String jwkName, int nonceLengthBytes) {
        this.jwkName = jwkName;
        this.nonceLengthBytes = nonceLengthBytes;
    }

    /**
     * The JWK {@code alg} name of keys of this algorithm (RFC 7517 §4.4).
     *
     * @return for example {@code XAES-256-GCM}
     * @since 0.1
     */
    @Override
    public String jwkName() {
        return jwkName;
    }

    /**
     * The nonce length, as written in the sealed-value format (docs/format.md §1).
     *
     * @return 12 or 24
     * @since 0.1
     */
    public int nonceLengthBytes() {
        return nonceLengthBytes;
    }

    /**
     * Finds the sealing algorithm a JWK {@code alg} member names.
     *
     * @param jwkName the JWK algorithm name, compared exactly
     * @return the algorithm, or empty if no sealing algorithm has that name
     * @since 0.1
     */
    public static Optional<SealingAlgorithm> fromJwkName(String jwkName) {
        for (SealingAlgorithm a : values()) {
            if (a.jwkName.equals(jwkName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
