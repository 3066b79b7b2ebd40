package dev.wafer.provider.bc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.conformance.WycheproofAesGcmSivConformance;
import dev.wafer.spi.WaferProvider;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's AES-GCM-SIV vectors on the BouncyCastle provider, which has the algorithm: every
 * 256-bit case runs on {@code GCMSIVBlockCipher}; only the suite's "lacks it" test is skipped.
 */
class BcWycheproofAesGcmSivTest extends WycheproofAesGcmSivConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }

    /** The suite skips the 256-bit cases on a provider without GCM-SIV: make sure that is not this one. */
    @Test
    void listsGcmSivSoThatTheVectorsRunRatherThanSkip() {
        assertTrue(supports(Algorithm.AES_256_GCM_SIV));
    }
}
