package dev.wafer.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.ProviderInfo;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
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
    private static final Map<SigningAlgorithm, SigningKeySet> KEYS = new EnumMap<>(SigningAlgorithm.class);
    private static final List<String> PAIRS = new ArrayList<>();

    static List<String> providers() {
        return Wafer.providers().stream().map(ProviderInfo::name).collect(Collectors.toList());
    }

    static Stream<Arguments> orderedPairs() {
        List<Arguments> out = new ArrayList<>();
        for (Algorithm alg : Algorithm.all()) {
            for (String a : providers()) {
                for (String b : providers()) {
                    if (a.equals(b)) {
                        continue;
                    }
                    if (Wafer.engines(a).algorithms().contains(alg) && Wafer.engines(b).algorithms().contains(alg)) {
                        out.add(Arguments.of(alg, a, b));
                    }
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void keys() {
        KEYS.put(SigningAlgorithm.ED25519, SigningKeySet.generate());
        KEYS.put(SigningAlgorithm.RS256, SigningKeySet.of(SigningKey.generateRsa(SigningAlgorithm.RS256, 2048)));
        KEYS.put(SigningAlgorithm.PS256, SigningKeySet.of(SigningKey.generateRsa(SigningAlgorithm.PS256, 2048)));
    }

    @AfterAll
    static void reportTheMatrixSize() {
        System.out.println("cross-provider matrix: " + PAIRS.size() + " (algorithm, ordered pair) cells: " + PAIRS);
    }

    @Test
    void hasAllFourProviders() {
        assertEquals(List.of("accp", "bc", "jca", "tink"), providers().stream().sorted().collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("orderedPairs")
    void whatOneProducesTheOtherAccepts(Algorithm alg, String from, String to) {
        WaferEngines a = Wafer.engines(from);
        WaferEngines b = Wafer.engines(to);
        if (alg instanceof SealingAlgorithm sealing) {
            SealingKeySet ring = SealingKeySet.generate(sealing);
            CookieSealer sealer = CookieSealer.builder(ring).engines(a).clock(CLOCK).acceptAesGcmLimit().build();
            CookieSealer opener = CookieSealer.builder(ring).engines(b).clock(CLOCK).acceptAesGcmLimit().build();
            SecureRandom random = new SecureRandom();
            for (int size : new int[] {0, 1, 15, 16, 17, 100, 1024, 2900}) {
                byte[] value = new byte[size];
                random.nextBytes(value);
                assertArrayEquals(value, opener.open(sealer.seal(value, CONTEXT), CONTEXT).bytes(), size + " bytes");
            }
        } else {
            SigningKeySet keys = KEYS.get((SigningAlgorithm) alg);
            Claims claims = Claims.builder().subject("42").audience("api").issuedAt(NOW)
                    .expiresAt(NOW.plusSeconds(600)).claim("n", 7).build();
            TokenSigner signer = TokenSigner.builder(keys).engines(a).issuer("https://a.example").clock(CLOCK).build();
            String token = signer.sign(claims);
            Claims back = TokenVerifier.builder(keys.publicKeys()).engines(b).issuer("https://a.example").audience("api").clock(CLOCK)
                    .build().verify(token);
            assertEquals(claims.subject(), back.subject());
            if (alg != SigningAlgorithm.PS256) {
                assertEquals(token, TokenSigner.builder(keys).engines(b).issuer("https://a.example").clock(CLOCK).build().sign(claims),
                        alg + " is deterministic: both providers must produce the same bytes");
            }
        }
        synchronized (PAIRS) {
            PAIRS.add(alg.jwkName() + ":" + from + "->" + to);
        }
    }

    @Test
    void theDefaultTakesTheBestEngineForEachAlgorithm() {
        WaferEngines auto = Wafer.engines();
        assertEquals(WaferEngines.AUTO, auto.name());
        Map<Algorithm, String> served = new java.util.LinkedHashMap<>();
        for (Algorithm alg : Algorithm.all()) {
            served.put(alg, auto.servedBy(alg));
        }
        System.out.println("served by: " + served + "\n" + Wafer.report());
        assertEquals("accp", served.get(SigningAlgorithm.ED25519), "AWS-LC's Ed25519 signs fastest");
        assertEquals("accp", served.get(SigningAlgorithm.PS256), "AWS-LC's RSA signs fastest");
        assertEquals("bc", served.get(SealingAlgorithm.AES_256_GCM_SIV), "only BouncyCastle has GCM-SIV here");
        assertTrue(List.of("jca", "tink").contains(served.get(SealingAlgorithm.AES_256_GCM)), "AES-NI GCM, not pure Java");
        assertEquals("jca", served.get(SealingAlgorithm.XAES_256_GCM), "ACCP's GCM is no faster than SunJCE's");
        assertEquals("accp", served.get(SigningAlgorithm.RS256), "AWS-LC's RSA signs fastest");
        assertEquals("jca", Wafer.engines("jca").servedBy(SigningAlgorithm.ED25519), "a pinned provider serves everything itself");
    }
}
