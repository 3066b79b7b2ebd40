package dev.wafer;

import java.util.Optional;

/**
 * The signature algorithms that sign tokens: Ed25519 (RFC 8032) and RSA with a modulus of at least
 * 2048 bits (RFC 8017).
 *
 * @since 0.1
 */
public enum SigningAlgorithm implements Algorithm {
    /** Ed25519 signatures (RFC 8032 §5.1), JWS {@code alg} {@code EdDSA} (RFC 8037). The default. */
    ED25519("EdDSA", 64),
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2), JWS {@code alg} {@code RS256} (RFC 7518 §3.3). */
    RS256("RS256", 0),
    /**
     * RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 8017 §8.1), JWS
     * {@code alg} {@code PS256} (RFC 7518 §3.5).
     */
    PS256("PS256", 0);

    private final String name;
    private final int signatureLengthBytes;

    SigningAlgorithm(String name, int signatureLengthBytes) {
        this.name = name;
        this.signatureLengthBytes = signatureLengthBytes;
    }

    /**
     * The JWK {@code alg} name of keys of this algorithm (RFC 7517 §4.4): the JWS name.
     *
     * @return {@code EdDSA}, {@code RS256} or {@code PS256}
     * @since 0.1
     */
    @Override
    public String jwkName() {
        return name;
    }

    /**
     * The JWS {@code alg} header value (RFC 7518 §3.1, RFC 8037 §3.1).
     *
     * @return {@code EdDSA}, {@code RS256} or {@code PS256}
     * @since 0.1
     */
    public String jwsName() {
        return name;
    }

    /**
     * Whether keys of this algorithm are RSA keys.
     *
     * @return true for {@link #RS256} and {@link #PS256}
     * @since 0.1
     */
    public boolean isRsa() {
        return this != ED25519;
    }

    /** The fixed signature length, or 0 when the key decides it (RSA: the modulus length). */
    int fixedSignatureLengthBytes() {
        return signatureLengthBytes;
    }

    /**
     * Finds the signing algorithm a JWK {@code alg} or JWS {@code alg} names.
     *
     * @param name the name, compared exactly
     * @return the algorithm, or empty if no signing algorithm has that name
     * @since 0.1
     */
    public static Optional<SigningAlgorithm> fromJwkName(String name) {
        for (SigningAlgorithm a : values()) {
            if (a.name.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
