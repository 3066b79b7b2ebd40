package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wafer.Algorithm;
import dev.wafer.SigningAlgorithm;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's RSASSA-PSS vectors with SHA-256, MGF1-SHA-256 and a 32-byte salt, for
 * 2048-, 3072- and 4096-bit keys ({@code vectors/wycheproof/rsa_pss_*_sha256_mgf1_32_test.json}),
 * as {@link Algorithm#PS256}: valid signatures verify, invalid ones are rejected. The files hold no
 * acceptable case and no key below Wafer's floor.
 */
public abstract class WycheproofRsaPssConformance extends ProviderUnderTest {
    private static final String FILE_2048 = "rsa_pss_2048_sha256_mgf1_32_test.json";
    private static final String FILE_3072 = "rsa_pss_3072_sha256_mgf1_32_test.json";
    private static final String FILE_4096 = "rsa_pss_4096_sha256_mgf1_32_test.json";

    static Stream<Arguments> cases2048() {
        return Wycheproof.arguments(FILE_2048);
    }

    static Stream<Arguments> cases3072() {
        return Wycheproof.arguments(FILE_3072);
    }

    static Stream<Arguments> cases4096() {
        return Wycheproof.arguments(FILE_4096);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("cases2048")
    void verifies2048BitSignaturesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        WycheproofRsa.check(spi(), SigningAlgorithm.PS256, c, null);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("cases3072")
    void verifies3072BitSignaturesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        WycheproofRsa.check(spi(), SigningAlgorithm.PS256, c, null);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("cases4096")
    void verifies4096BitSignaturesAsWycheproofSays(int tcId, String label, Wycheproof.Case c) {
        WycheproofRsa.check(spi(), SigningAlgorithm.PS256, c, null);
    }

    @Test
    void runsEveryCaseOfTheFiles() {
        // Valid includes tcId 73 and 74 (salt all zeros, all ones), flagged ModifiedSignature.
        for (String file : new String[] {FILE_2048, FILE_3072, FILE_4096}) {
            assertEquals(Map.of(Wycheproof.VALID, 63, Wycheproof.INVALID, 45),
                    Wycheproof.census(file, WycheproofRsa::expectation), file);
        }
    }
}
