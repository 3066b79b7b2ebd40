package dev.wafer.provider.accp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.ProviderNotFoundException;
import dev.wafer.ProviderReport;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.spi.EncodedPrivateKey;
import dev.wafer.spi.WaferProvider;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is particular to the ACCP provider; the engine contract, the vectors and every other suite
 * run in {@link AccpConformanceTest}.
 */
class AccpProviderTest {
    private static final String SIMULATED = SimulatedUnavailableAccp.LOADING_ERROR;
    private static final String SERVICES = "META-INF/services/" + WaferProvider.class.getName();

    private final AccpProvider provider = new AccpProvider();

    @Test
    void namesItselfAccpWithTheVersionsOfAccpAndAwsLc() {
        assertEquals("accp", provider.name());
        assertEquals(100, provider.priority());
        assertTrue(provider.version().matches("wafer-provider-accp on ACCP 2\\.5\\.0, AWS-LC v[0-9.]+"), provider.version());
    }

    @Test
    void signsAheadOfEveryOtherProviderAndSealsBehindTheJdk() {
        assertEquals(400, provider.priority(SigningAlgorithm.ED25519), "above bc's 300");
        assertEquals(200, provider.priority(SigningAlgorithm.RS256), "above jca's 100");
        assertEquals(200, provider.priority(SigningAlgorithm.PS256), "above jca's 100");
        assertEquals(90, provider.priority(SealingAlgorithm.AES_256_GCM), "below jca's and tink's 100");
        assertEquals(90, provider.priority(SealingAlgorithm.XAES_256_GCM), "below jca's 100");
    }

    @Test
    void listsEveryAlgorithmButGcmSiv() {
        assertEquals(Set.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM,
                SigningAlgorithm.ED25519, SigningAlgorithm.RS256, SigningAlgorithm.PS256), provider.algorithms());
    }

    @Test
    void refusesGcmSivNamingTheProviderThatHasIt() {
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class,
                () -> provider.newAeadEngine(SealingAlgorithm.AES_256_GCM_SIV, new byte[32]));
        assertEquals("AES-256-GCM-SIV is not available in the ACCP provider; add wafer-provider-bc", e.getMessage());
    }

    @Test
    void whenTheNativeLibraryCannotLoadItListsNothingAndSaysWhy() {
        WaferProvider unavailable = new SimulatedUnavailableAccp();
        IllegalStateException e = assertThrows(IllegalStateException.class, unavailable::algorithms);
        assertTrue(e.getMessage().startsWith("the Amazon Corretto Crypto Provider is unavailable on "), e.getMessage());
        assertTrue(e.getMessage().contains(SIMULATED), "the loading error: " + e.getMessage());
        assertEquals("wafer-provider-accp on ACCP unavailable", unavailable.version());
        NoSuchAlgorithmException refused = assertThrows(NoSuchAlgorithmException.class,
                () -> unavailable.newSigner(SigningAlgorithm.ED25519, new EncodedPrivateKey(new byte[32])));
        assertTrue(refused.getMessage().contains(SIMULATED), refused.getMessage());
    }

    @Test
    void whenTheNativeLibraryCannotLoadTheChoiceFallsToTheNextEngine(@TempDir Path dir) throws IOException {
        WaferEngines engines = Wafer.engines(loaderRegistering(dir, SimulatedUnavailableAccp.class, JdkEd25519Stub.class));
        assertEquals(JdkEd25519Stub.NAME, engines.name(), "the one provider left, chosen as if ACCP were absent");
        assertEquals(JdkEd25519Stub.NAME, engines.servedBy(SigningAlgorithm.ED25519));

        ProviderNotFoundException alone = assertThrows(ProviderNotFoundException.class,
                () -> Wafer.engines(loaderRegistering(dir, SimulatedUnavailableAccp.class)));
        assertTrue(alone.getMessage().contains(SIMULATED), "names the loading error: " + alone.getMessage());
    }

    @Test
    void everyListedAlgorithmPassesWafersSelfTest() {
        ProviderReport report = Wafer.report();
        assertEquals(List.of(), report.problems());
        for (Algorithm a : provider.algorithms()) {
            assertEquals("accp", report.servedBy().get(a), a.jwkName());
        }
    }

    /** A class loader whose only Wafer providers are the given classes (on this class path). */
    private static ClassLoader loaderRegistering(Path dir, Class<?>... providers) throws IOException {
        Path services = Files.createTempFile(dir, "services", ".txt");
        StringBuilder text = new StringBuilder();
        for (Class<?> c : providers) {
            text.append(c.getName()).append('\n');
        }
        Files.writeString(services, text);
        URL only = services.toUri().toURL();
        return new ClassLoader(AccpProviderTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals(SERVICES) ? Collections.enumeration(List.of(only)) : super.getResources(name);
            }
        };
    }
}
