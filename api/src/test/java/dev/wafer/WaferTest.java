package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.WaferProvider;
import dev.wafer.stub.StubProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery with the stub providers this module registers: several, a tie, a broken one, none. */
class WaferTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Wafer.PROVIDER_PROPERTY);
    }

    @Test
    void choosesPerAlgorithmAmongSeveralAndSkipsABrokenProvider() {
        assertEquals(WaferEngines.AUTO, Wafer.engines().name());
        List<String> names = new ArrayList<>();
        Wafer.providers().forEach(p -> names.add(p.name()));
        assertEquals(List.of("high", "alpha", "beta"), names, "priority order, ties by name; broken skipped");
    }

    @Test
    void servesEachAlgorithmWithTheBestProviderThatPassedItsSelfTest() {
        List<WaferProvider> providers = List.of(new StubProvider.High(), new StubProvider.Alpha(), new StubProvider.Beta());
        ProviderRegistry all = new ProviderRegistry(providers, List.of(), (p, a) -> Optional.empty());
        assertEquals("beta", all.best(SealingAlgorithm.XAES_256_GCM).orElseThrow().name(), "beta's XAES priority 60 beats high's 50");
        assertEquals("alpha", all.best(SigningAlgorithm.ED25519).orElseThrow().name(), "a tie at 10 goes to the first name");
        assertEquals("high", all.best(SealingAlgorithm.AES_256_GCM).orElseThrow().name());
        assertTrue(all.best(SigningAlgorithm.RS256).isEmpty());
        List<String> tested = new ArrayList<>();
        ProviderRegistry betaFails = new ProviderRegistry(providers, List.of(), (p, a) -> {
            tested.add(p.name() + "/" + a);
            return p.name().equals("beta") ? Optional.of("wrong answer") : Optional.empty();
        });
        assertEquals("high", betaFails.best(SealingAlgorithm.XAES_256_GCM).orElseThrow().name(), "a provider that failed is not used");
        assertEquals("high", betaFails.best(SealingAlgorithm.XAES_256_GCM).orElseThrow().name());
        assertEquals(List.of("beta/XAES_256_GCM", "high/XAES_256_GCM"), tested, "each self-test runs once");
        assertEquals(Optional.of("wrong answer"), betaFails.selfTest(providers.get(2), SealingAlgorithm.XAES_256_GCM).failure());
    }

    @Test
    void reportsEveryProvidersSelfTestsAndWhatServesEachAlgorithm() {
        ProviderReport report = Wafer.report();
        assertEquals(List.of("high", "alpha", "beta"),
                report.providers().stream().map(e -> e.info().name()).collect(java.util.stream.Collectors.toList()));
        ProviderReport.Entry beta = report.providers().get(2);
        assertEquals(60, beta.priorities().get(SealingAlgorithm.XAES_256_GCM));
        assertTrue(beta.selfTests().get(SealingAlgorithm.XAES_256_GCM).startsWith("FAILED: "), "stubs have no engines");
        assertTrue(report.servedBy().get(SealingAlgorithm.XAES_256_GCM).startsWith("none"), report.toString());
        assertTrue(report.toString().contains("XAES-256-GCM"));
        EngineFailureException e = assertThrows(EngineFailureException.class,
                () -> CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines()).build());
        assertTrue(e.getMessage().contains("failed its self-test"), e.getMessage());
    }

    @Test
    void theReportNeverThrowsAndNamesWhatIsWrong() {
        System.setProperty(Wafer.PROVIDER_PROPERTY, "nope");
        ProviderReport report = Wafer.report();
        assertEquals(3, report.providers().size(), "the providers are still listed");
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("'nope'") && p.contains("[high, alpha, beta]")),
                report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("provider skipped: ") && p.contains("Broken")),
                "the broken stub is named: " + report.problems());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("failed its self-test")), report.problems().toString());
        for (Algorithm a : Algorithm.all()) {
            assertEquals("none (no default engines)", report.servedBy().get(a));
        }
        assertTrue(report.toString().contains("problems\n"), report.toString());
        System.clearProperty(Wafer.PROVIDER_PROPERTY);
        assertTrue(Wafer.report().problems().stream().noneMatch(p -> p.contains("'nope'")));
    }

    @Test
    void breaksTiesByNameNeverByClassPathOrder() {
        List<WaferProvider> providers = new ArrayList<>(List.of(new StubProvider.Beta(), new StubProvider.Alpha()));
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(providers);
            assertEquals("alpha", new ProviderRegistry(providers, List.of()).choose(null).name());
        }
        providers.add(new StubProvider.High());
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(providers);
            assertEquals(List.of("high", "alpha", "beta"), new ProviderRegistry(providers, List.of()).names());
        }
    }

    @Test
    void choosesByNameAndBySystemProperty() {
        assertEquals("beta", Wafer.engines("beta").name());
        System.setProperty(Wafer.PROVIDER_PROPERTY, "alpha");
        assertEquals("alpha", Wafer.engines().name());
        System.setProperty(Wafer.PROVIDER_PROPERTY, " beta ");
        assertEquals("beta", Wafer.engines().name());
        System.clearProperty(Wafer.PROVIDER_PROPERTY);
        assertEquals(WaferEngines.AUTO, Wafer.engines().name());
    }

    @Test
    void namesTheProvidersFoundWhenANameMatchesNone() {
        ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, () -> Wafer.engines("tink"));
        assertTrue(e.getMessage().contains("'tink'") && e.getMessage().contains("[high, alpha, beta]"), e.getMessage());
        System.setProperty(Wafer.PROVIDER_PROPERTY, "nope");
        assertThrows(ProviderNotFoundException.class, Wafer::engines);
    }

    @Test
    void namesTheArtifactsToAddWhenNoneIsInstalled() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ProviderNotFoundException e = assertThrows(ProviderNotFoundException.class, () -> Wafer.engines(empty));
            for (String artifact : List.of("wafer-provider-jca", "wafer-provider-bc", "wafer-provider-tink")) {
                assertTrue(e.getMessage().contains(artifact), e.getMessage());
            }
        }
    }

    @Test
    void namesTheProvidersThatHaveAnAlgorithmAnotherLacks() {
        UnsupportedAlgorithmException e = assertThrows(UnsupportedAlgorithmException.class,
                () -> CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("alpha")).build());
        assertEquals(SealingAlgorithm.XAES_256_GCM, e.algorithm());
        assertEquals(List.of("high", "beta"), e.providersWithIt());
        UnsupportedAlgorithmException siv = assertThrows(UnsupportedAlgorithmException.class,
                () -> CookieSealer.builder(SealingKeySet.generate(SealingAlgorithm.AES_256_GCM_SIV)).engines(Wafer.engines("high")).build());
        assertTrue(siv.getMessage().contains("wafer-provider-bc"), siv.getMessage());
        assertEquals(Set.of(SigningAlgorithm.ED25519), Wafer.engines("alpha").algorithms());
    }

    @Test
    void resolvesOnceFromManyThreadsAtOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<WaferEngines> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    seen.add(Wafer.engines());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, seen.size());
        assertSame(seen.iterator().next(), Wafer.engines());
    }
}
