package dev.wafer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.ProviderNotFoundException;
import dev.wafer.spi.AeadEngine;
import dev.wafer.spi.SignerEngine;
import dev.wafer.spi.VerifierEngine;
import dev.wafer.spi.WaferProvider;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
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
            public AeadEngine newAeadEngine(Algorithm algorithm, byte[] key) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }

            @Override
            public SignerEngine newEd25519Signer(byte[] seed) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }

            @Override
            public VerifierEngine newEd25519Verifier(byte[] publicKey) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }

            @Override
            public SignerEngine newRsaSigner(Algorithm algorithm, RSAPrivateCrtKeySpec key) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }

            @Override
            public VerifierEngine newRsaVerifier(Algorithm algorithm, RSAPublicKeySpec key) throws GeneralSecurityException {
                throw new NoSuchAlgorithmException();
            }
        };
    }

    private static final WaferProvider LOW = provider("low", 10, Map.of(Algorithm.ED25519, 10, Algorithm.XAES_256_GCM, 90));
    private static final WaferProvider HIGH = provider("high", 50, Map.of(Algorithm.ED25519, 50));
    private static final WaferProvider TIE = provider("tie", 50, Map.of(Algorithm.ED25519, 50, Algorithm.RS256, 50));

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
        assertSame(LOW, r.best(Algorithm.XAES_256_GCM).orElseThrow(), "per-algorithm priority beats the overall one");
        assertSame(TIE, r.best(Algorithm.ED25519).orElseThrow(), "high failed its self-test");
        assertEquals(Optional.empty(), r.best(Algorithm.PS256));
        assertEquals(List.of("high", "tie", "low"), r.providersWith(Algorithm.ED25519));
        assertEquals(List.of("tie"), r.providersWith(Algorithm.RS256));
        assertEquals(Optional.of("broken"), r.selfTest(HIGH, Algorithm.ED25519).failure());
        assertEquals(Optional.empty(), r.selfTest(TIE, Algorithm.ED25519).failure());
        assertTrue(r.selfTest(TIE, Algorithm.ED25519).nanos() >= 0);
        ProviderRegistry ok = new ProviderRegistry(List.of(LOW, TIE, HIGH), List.of(), (p, a) -> Optional.empty());
        assertSame(HIGH, ok.best(Algorithm.ED25519).orElseThrow(), "equal priority: the name decides, high before tie");
    }

    @Test
    void runsEachSelfTestOnce() {
        int[] runs = {0};
        ProviderRegistry r = new ProviderRegistry(List.of(LOW), List.of(), (p, a) -> {
            runs[0]++;
            return Optional.empty();
        });
        r.selfTest(LOW, Algorithm.ED25519);
        r.selfTest(LOW, Algorithm.ED25519);
        assertEquals(1, runs[0]);
        assertEquals(10, LOW.priority(Algorithm.ED25519));
        assertEquals(50, provider("x", 50, Map.of()).priority(Algorithm.RS256), "the default per-algorithm priority is the overall one");
    }
}
