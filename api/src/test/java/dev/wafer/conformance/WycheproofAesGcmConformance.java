package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's AES-GCM vectors ({@code vectors/wycheproof/aes_gcm_test.json}) as
 * {@link Algorithm#AES_256_GCM}: every case with a 256-bit key and a 96-bit nonce seals to the
 * expected ciphertext and tag and opens, or is rejected; every other case is refused by the api's
 * own key and nonce checks, whatever its result.
 */
public abstract class WycheproofAesGcmConformance extends ProviderUnderTest {
    private static final String FILE = "aes_gcm_test.json";

    static Stream<Arguments> aesGcmCases() {
        return Wycheproof.arguments(FILE);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("aesGcmCases")
    void sealsAndOpensAsWycheproofSays(int tcId, String label, Wycheproof.Case c) throws GeneralSecurityException {
        WycheproofAead.check(spi(), SealingAlgorithm.AES_256_GCM, c);
    }

    @Test
    void runsEveryCaseOfTheFile() {
        // 316 cases: 66 in scope; 211 with 128- or 192-bit keys; 39 with 256-bit keys and IVs of
        // 0 to 2056 bits other than 96 (README of vectors/wycheproof/).
        assertEquals(Map.of(
                        Wycheproof.VALID, 39,
                        Wycheproof.INVALID, 27,
                        WycheproofAead.REFUSED_KEY, 211,
                        WycheproofAead.REFUSED_NONCE, 39),
                Wycheproof.census(FILE, WycheproofAead::expectation));
    }
}
