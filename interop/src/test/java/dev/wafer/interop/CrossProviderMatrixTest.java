package dev.wafer.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.Provider;
import dev.wafer.ProviderInfo;
import dev.wafer.SealContext;
import dev.wafer.SealingKeyring;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.Wafer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every algorithm and every ordered pair of installed providers that implement it, what one
 * seals or signs, the other opens or verifies; deterministic signatures are byte-identical.
 */
class CrossProviderMatrixTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SealContext CONTEXT = SealContext.of("session", "matrix");
    private static final Map<Algorithm, SigningKeySet> KEYS = new EnumMap<>(Algorithm.class);
    private static final List<String> PAIRS = new ArrayList<>();

    static List<String> providers() {
        return Wafer.providers().stream().map(ProviderInfo::name).collect(Collectors.toList());
    }

    static Stream<Arguments> orderedPairs() {
        List<Arguments> out = new ArrayList<>();
        for (Algorithm alg : Algorithm.values()) {
            for (String a : providers()) {
                for (String b : providers()) {
                    if (a.equals(b)) {
                        continue;
                    }
                    if (Wafer.provider(a).algorithms().contains(alg) && Wafer.provider(b).algorithms().contains(alg)) {
                        out.add(Arguments.of(alg, a, b));
                    }
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void keys() {
        KEYS.put(Algorithm.ED25519, SigningKeySet.generate());
        KEYS.put(Algorithm.RS256, SigningKeySet.of(SigningKey.generateRsa(Algorithm.RS256, 2048)));
        KEYS.put(Algorithm.PS256, SigningKeySet.of(SigningKey.generateRsa(Algorithm.PS256, 2048)));
    }

    @AfterAll
    static void reportTheMatrixSize() {
        System.out.println("cross-provider matrix: " + PAIRS.size() + " (algorithm, ordered pair) cells: " + PAIRS);
    }

    @Test
    void hasAllThreeProviders() {
        assertEquals(List.of("bc", "jca", "tink"), providers().stream().sorted().collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("orderedPairs")
    void whatOneProducesTheOtherAccepts(Algorithm alg, String from, String to) {
        Provider a = Wafer.provider(from);
        Provider b = Wafer.provider(to);
        if (alg.use() == Algorithm.Use.SEAL) {
            SealingKeyring ring = SealingKeyring.generate(alg);
            CookieSealer sealer = a.sealer(ring).clock(CLOCK).build();
            CookieSealer opener = b.sealer(ring).clock(CLOCK).build();
            SecureRandom random = new SecureRandom();
            for (int size : new int[] {0, 1, 15, 16, 17, 100, 1024, 2900}) {
                byte[] value = new byte[size];
                random.nextBytes(value);
                assertArrayEquals(value, opener.open(sealer.seal(value, CONTEXT), CONTEXT).bytes(), size + " bytes");
            }
        } else {
            SigningKeySet keys = KEYS.get(alg);
            Claims claims = Claims.builder().subject("42").audience("api").issuedAt(NOW)
                    .expiresAt(NOW.plusSeconds(600)).claim("n", 7).build();
            TokenSigner signer = a.signer(keys).issuer("https://a.example").clock(CLOCK).build();
            String token = signer.sign(claims);
            Claims back = b.verifier(keys.publicKeys()).issuer("https://a.example").audience("api").clock(CLOCK)
                    .build().verify(token);
            assertEquals(claims.subject(), back.subject());
            if (alg != Algorithm.PS256) {
                assertEquals(token, b.signer(keys).issuer("https://a.example").clock(CLOCK).build().sign(claims),
                        alg + " is deterministic: both providers must produce the same bytes");
            }
        }
        synchronized (PAIRS) {
            PAIRS.add(alg.jwkName() + ":" + from + "->" + to);
        }
    }

    @Test
    void theDefaultTakesTheBestEngineForEachAlgorithm() {
        Provider auto = Wafer.provider();
        assertEquals(Provider.AUTO, auto.name());
        Map<Algorithm, String> served = new EnumMap<>(Algorithm.class);
        for (Algorithm alg : Algorithm.values()) {
            served.put(alg, auto.servedBy(alg));
        }
        System.out.println("served by: " + served + "\n" + Wafer.report());
        assertEquals("bc", served.get(Algorithm.ED25519), "BouncyCastle's Ed25519 signs fastest");
        assertEquals("bc", served.get(Algorithm.AES_256_GCM_SIV), "only BouncyCastle has GCM-SIV here");
        assertTrue(List.of("jca", "tink").contains(served.get(Algorithm.AES_256_GCM)), "AES-NI GCM, not pure Java");
        assertEquals("jca", served.get(Algorithm.XAES_256_GCM));
        assertEquals("jca", served.get(Algorithm.RS256));
        assertEquals("jca", Wafer.provider("jca").servedBy(Algorithm.ED25519), "a pinned provider serves everything itself");
    }
}
