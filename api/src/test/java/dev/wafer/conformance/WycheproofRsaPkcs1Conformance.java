package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wafer.Algorithm;
import dev.wafer.SigningAlgorithm;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's RSASSA-PKCS1-v1_5 SHA-256 vectors for 2048-, 3072- and 4096-bit keys
 * ({@code vectors/wycheproof/rsa_signature_*_sha256_test.json}) as {@link Algorithm#RS256}.
 *
 * <p>Keys with e = 3 (flag {@code SmallPublicKey}) are refused by the api's key floor, whatever
 * their result. The one {@code acceptable} case of each file, tcId 8 (flag {@code MissingNull}: a
 * DigestInfo whose SHA-256 AlgorithmIdentifier lacks the NULL parameter that RFC 8017 §9.2 note 1
 * encodes; verifiers differ on that form), is decided by the provider, which declares its decision
 * in {@link #acceptsPkcs1MissingNull()}.
 */
public abstract class WycheproofRsaPkcs1Conformance extends ProviderUnderTest {
    private static final String FILE_2048 = "rsa_signature_2048_sha256_test.json";
    private static final String FILE_3072 = "rsa_signature_3072_sha256_test.json";
    private static final String FILE_4096 = "rsa_signature_4096_sha256_test.json";

    /**
     * Whether the provider under test accepts a PKCS#1 v1.5 signature whose DigestInfo omits the
     * NULL parameter of the SHA-256 AlgorithmIdentifier (Wycheproof flag {@code MissingNull}).
     * Wycheproof calls such signatures acceptable: either answer conforms, but it must be the one
     * declared, so that a change of engine behaviour shows up as a failing test.
     *
     * @return {@code true} if the provider accepts such signatures
     */
    protected abstract boolean acceptsPkcs1MissingNull();

    static Stream<Arguments> cases2048() {
        return Wycheproof.arguments(FILE_2048);
    }

    static Stream<Arguments> cases3072() {
        return Wycheproof.arguments(FILE_3072);
    }

    static Stream<Arguments> cases4096() {
        return Wycheproof.arguments(FILE_4096);
    }

    private void check(Wycheproof.Case c) {
        Boolean decision = c.flags().equals(List.of("MissingNull")) ? acceptsPkcs1MissingNull() : null;
        WycheproofRsa.check(spi(), SigningAlgorithm.RS256, c, decision);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("cases2048")
    void verifies2048BitSignaturesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("cases3072")
    void verifies3072BitSignaturesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        check(c);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("cases4096")
    void verifies4096BitSignaturesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        check(c);
    }

    @Test
    void runsEveryCaseOfTheFiles() {
        // e = 3 keys: tcId 258 and 259 of the 2048-bit file, tcId 259 of the 3072-bit file.
        assertEquals(Map.of(Wycheproof.VALID, 7, Wycheproof.INVALID, 249, Wycheproof.ACCEPTABLE, 1,
                WycheproofRsa.REFUSED_KEY, 2), Wycheproof.census(FILE_2048, WycheproofRsa::expectation));
        assertEquals(Map.of(Wycheproof.VALID, 7, Wycheproof.INVALID, 250, Wycheproof.ACCEPTABLE, 1,
                WycheproofRsa.REFUSED_KEY, 1), Wycheproof.census(FILE_3072, WycheproofRsa::expectation));
        assertEquals(Map.of(Wycheproof.VALID, 7, Wycheproof.INVALID, 250, Wycheproof.ACCEPTABLE, 1),
                Wycheproof.census(FILE_4096, WycheproofRsa::expectation));
    }
}
