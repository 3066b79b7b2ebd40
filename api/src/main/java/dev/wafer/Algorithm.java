package dev.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An algorithm Wafer seals or signs with: a {@link SealingAlgorithm} or a {@link SigningAlgorithm},
 * each bound to one key type. The two are separate types, so that a sealing algorithm cannot be
 * passed where a signing one is expected: the compiler says so.
 *
 * <h2>Security</h2>
 * <p>A key carries exactly one algorithm, and that algorithm, never a header or a byte in the
 * input, decides how a value is opened or a token verified (RFC 8725 §3.1).
 *
 * @since 0.1
 */
public sealed interface Algorithm permits SealingAlgorithm, SigningAlgorithm {

    /**
     * The value of the JWK {@code alg} member (RFC 7517 §4.4) for keys of this algorithm in a
     * Wafer key file.
     *
     * @return the JWK algorithm name, for example {@code XAES-256-GCM} or {@code EdDSA}
     * @since 0.1
     */
    String jwkName();

    /**
     * Every algorithm, sealing then signing, in a fixed order (for reports).
     *
     * @return an immutable list
     * @since 0.1
     */
    static List<Algorithm> all() {
        List<Algorithm> all = new ArrayList<>(List.of(SealingAlgorithm.values()));
        all.addAll(List.of(SigningAlgorithm.values()));
        return List.copyOf(all);
    }

    /**
     * Finds the algorithm a JWK {@code alg} member names.
     *
     * @param jwkName the JWK algorithm name, compared exactly (case-sensitive, RFC 7517 §4.4)
     * @return the algorithm, or empty if Wafer has none by that name
     * @since 0.1
     */
    static Optional<Algorithm> fromJwkName(String jwkName) {
        for (Algorithm a : all()) {
            if (a.jwkName().equals(jwkName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

}
