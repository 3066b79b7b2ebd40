package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.ProviderNotFoundException;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.PrivateKeyMaterial;
import dev.wafer.spi.PublicKeyMaterial;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The choice among providers, without ServiceLoader (the discovery tests in {@code WaferTest}
 * register stub providers; these run wherever the api's tests run, mutation testing included).
 */
class ProviderRegistryTest {

    private static WaferProvider provider(String name, int priority, Map<Algorithm, Integer> algorithms) {
        return provider(name, priority, algorithms, WaferProvider.SPI_VERSION);
    }

    private static WaferProvider provider(String name, int priority, Map<Algorithm, Integer> algorithms, String spi) {
        return new WaferProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return "test";
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public int priority(Algorithm algorithm) {
                return algorithms.getOrDefault(algorithm, priority);
            }

            @Override
            public Set<Algorithm> algorithms() {
                return algorithms.keySet();
            }

            @Override
            public String spiVersion() {
                return spi;
            }

            @Override
            public AeadEngine newAeadEngine(SealingAlgorithm algorithm, byte[] key) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }

            @Override
            public SignerEngine newSigner(SigningAlgorithm algorithm, PrivateKeyMaterial key) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }

            @Override
            public VerifierEngine newVerifier(SigningAlgorithm algorithm, PublicKeyMaterial key) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }
        };
    }

    private static final WaferProvider LOW = provider("low", 10, Map.of(SigningAlgorithm.ED25519, 10, SealingAlgorithm.XAES_256_GCM, 90));
    private static final WaferProvider HIGH = provider("high", 50, Map.of(SigningAlgorithm.ED25519, 50));
    private static final WaferProvider TIE = provider("tie", 50, Map.of(SigningAlgorithm.ED25519, 50, SigningAlgorithm.RS256, 50));

    @Test
    void ordersByPriorityThenNameWhateverTheInputOrder() {
        ProviderRegistry r = new ProviderRegistry(List.of(LOW, TIE, HIGH), List.of(), (p, a) -> Optional.empty());
        assertEquals(List.of("high", "tie", "low"), r.names());
        assertSame(HIGH, r.choose(null));
        assertSame(LOW, r.choose("low"));
        assertEquals(List.of(HIGH, TIE, LOW), r.providers());
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, () -> r.choose("nope"));
        assertTrue(e.getMessage().contains("[high, tie, low]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new ProviderRegistry(List.of(LOW, LOW), List.of()));
    }

    @Test
    void aRegistryWithoutProvidersNamesTheArtifactsToAdd() {
        ProviderRegistry none = new ProviderRegistry(List.of(), List.of("broken: boom"), (p, a) -> Optional.empty());
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, () -> none.choose(null));
        assertTrue(e.getMessage().contains("wafer-provider-jca") && e.getMessage().contains("broken: boom"), e.getMessage());
    }

    @Test
    void servesEachAlgorithmWithItsBestProviderThatPassedItsSelfTest() {
        ProviderRegistry r = new ProviderRegistry(List.of(LOW, TIE, HIGH), List.of(),
                (p, a) -> p == HIGH ? Optional.of("broken") : Optional.empty());
        assertSame(LOW, r.best(SealingAlgorithm.XAES_256_GCM).orElseThrow(), "per-algorithm priority beats the overall one");
        assertSame(TIE, r.best(SigningAlgorithm.ED25519).orElseThrow(), "high failed its self-test");
        assertEquals(Optional.empty(), r.best(SigningAlgorithm.PS256));
        assertEquals(List.of("high", "tie", "low"), r.providersWith(SigningAlgorithm.ED25519));
        assertEquals(List.of("tie"), r.providersWith(SigningAlgorithm.RS256));
        assertEquals(Optional.of("broken"), r.selfTest(HIGH, SigningAlgorithm.ED25519).failure());
        assertEquals(Optional.empty(), r.selfTest(TIE, SigningAlgorithm.ED25519).failure());
        assertTrue(r.selfTest(TIE, SigningAlgorithm.ED25519).nanos() >= 0);
        ProviderRegistry ok = new ProviderRegistry(List.of(LOW, TIE, HIGH), List.of(), (p, a) -> Optional.empty());
        assertSame(HIGH, ok.best(SigningAlgorithm.ED25519).orElseThrow(), "equal priority: the name decides, high before tie");
    }

    @Test
    void runsEachSelfTestOnce() {
        int[] runs = {0};
        ProviderRegistry r = new ProviderRegistry(List.of(LOW), List.of(), (p, a) -> {
            runs[0]++;
            return Optional.empty();
        });
        r.selfTest(LOW, SigningAlgorithm.ED25519);
        r.selfTest(LOW, SigningAlgorithm.ED25519);
        assertEquals(1, runs[0]);
        assertEquals(10, LOW.priority(SigningAlgorithm.ED25519));
        assertEquals(50, provider("x", 50, Map.of()).priority(SigningAlgorithm.RS256), "the default per-algorithm priority is the overall one");
    }

    @Test
    void skipsAProviderBuiltForAnotherSpiVersionAndSaysWhich() {
        WaferProvider future = provider("future", 99, Map.of(SigningAlgorithm.ED25519, 99), "2.0");
        WaferProvider newerMinor = provider("newer", 99, Map.of(SigningAlgorithm.ED25519, 99), "1.9");
        WaferProvider garbage = provider("odd\u001b[31m", 99, Map.of(SigningAlgorithm.ED25519, 99), "one");
        WaferProvider olderMinor = provider("older", 5, Map.of(SigningAlgorithm.ED25519, 5), "1.0");
        java.util.Iterator<WaferProvider> services = List.of(future, newerMinor, garbage, olderMinor, LOW).iterator();
        ProviderRegistry r = ProviderRegistry.fromServices(services);
        assertEquals(List.of("low", "older"), r.names(), "only the compatible ones load");
        List<String> skipped = r.skipped();
        assertEquals(3, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).startsWith("\"future\"") && skipped.get(0).contains("was built for Wafer SPI 2.0, and this "
                + "wafer-api has SPI " + WaferProvider.SPI_VERSION), skipped.get(0));
        assertTrue(skipped.get(1).contains("was built for Wafer SPI 1.9"), "a newer minor version may need support this api lacks");
        assertTrue(skipped.get(2).contains("declares no valid SPI version (got 'one'"), skipped.get(2));
        assertTrue(skipped.stream().noneMatch(x -> x.indexOf('\u001b') >= 0), "a provider's name is escaped: " + skipped);
        assertEquals(null, ProviderRegistry.incompatibility(WaferProvider.SPI_VERSION));
        assertTrue(ProviderRegistry.incompatibility(null).contains("declares no valid SPI version (got null"));
    }

    @Test
    void skipsAProviderThatFailsToLoadOrIsBuiltBeforeTheHandshake() {
        java.util.Iterator<WaferProvider> services = new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public WaferProvider next() {
                switch (i++) {
                    case 0:
                        throw new java.util.ServiceConfigurationError("dev.example.Missing not found");
                    case 1:
                        throw new AbstractMethodError("spiVersion");
                    default:
                        return LOW;
                }
            }
        };
        ProviderRegistry r = ProviderRegistry.fromServices(services);
        assertEquals(List.of("low"), r.names());
        assertEquals(2, r.skipped().size(), r.skipped().toString());
        assertTrue(r.skipped().get(0).contains("dev.example.Missing not found"));
        assertTrue(r.skipped().get(1).contains("AbstractMethodError"));
    }
}
