package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.Algorithm;
import dev.wafer.CookieSealer;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.UnsupportedAlgorithmException;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's AES-GCM-SIV vectors ({@code vectors/wycheproof/aes_gcm_siv_test.json}, RFC 8452)
 * as {@link Algorithm#AES_256_GCM_SIV}. Cases with 128-bit keys are refused by the api whatever the
 * provider; the 256-bit cases run only on a provider that lists the algorithm, and are skipped
 * (assumption) on one that does not, which must then refuse it clearly.
 */
public abstract class WycheproofAesGcmSivConformance extends ProviderUnderTest {
    private static final String FILE = "aes_gcm_siv_test.json";

    static Stream<Arguments> aesGcmSivCases() {
        return Wycheproof.arguments(FILE);
    }

    @ParameterizedTest(name = "tcId {0}: {1}")
    @MethodSource("aesGcmSivCases")
    void sealsAndOpensAsWycheproofSays(int tcId, String label, Wycheproof.Case c) throws GeneralSecurityException {
        WycheproofAead.check(spi(), SealingAlgorithm.AES_256_GCM_SIV, c);
    }

    @Test
    void runsEveryCaseOfTheFile() {
        // 202 cases, all with 96-bit IVs and 128-bit tags: 103 with 256-bit keys, 99 with 128-bit keys.
        assertEquals(Map.of(
                        Wycheproof.VALID, 69,
                        Wycheproof.INVALID, 34,
                        WycheproofAead.REFUSED_KEY, 99),
                Wycheproof.census(FILE, WycheproofAead::expectation));
    }

    @Test
    void sealsWithGcmSivOrRefusesItClearly() throws GeneralSecurityException {
        if (supports(SealingAlgorithm.AES_256_GCM_SIV)) {
            // The engine itself (discovery may not see a provider this suite installs for itself).
            assertEquals(SealingAlgorithm.AES_256_GCM_SIV,
                    spi().newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, new byte[32]).algorithm());
            return;
        }
        assertThrows(NoSuchAlgorithmException.class, () -> spi().newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, new byte[32]));
        UnsupportedAlgorithmException e = assertThrows(UnsupportedAlgorithmException.class,
                () -> CookieSealer.builder(SealingKeySet.generate(SealingAlgorithm.AES_256_GCM_SIV)).engines(provider()).build());
        assertEquals(SealingAlgorithm.AES_256_GCM_SIV, e.algorithm());
    }
}
