package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What is particular to the JDK provider; the engine contract, the vectors and every other suite
 * run in {@link JcaConformanceTest}.
 */
class JcaProviderTest {
    private final JcaProvider provider = new JcaProvider();

    @Test
    void namesItselfJcaWithPriority100AndTheJdkVersion() {
        assertEquals("jca", provider.name());
        assertEquals(100, provider.priority());
        assertEquals("wafer-provider-jca " + Runtime.version(), provider.version());
        for (Algorithm a : provider.algorithms()) {
            assertEquals(100, provider.priority(a), "the baseline for every algorithm");
        }
    }

    @Test
    void listsExactlyTheAlgorithmsOfTheJdk() {
        assertEquals(Set.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM,
                SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256), provider.algorithms());
    }

    @Test
    void refusesGcmSivNamingTheProviderThatHasIt() {
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class,
                () -> provider.newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, new byte[32]));
        assertEquals("AES-256-GCM-SIV is not available in the JDK provider; add wafer-provider-bc", e.getMessage());
    }
}
