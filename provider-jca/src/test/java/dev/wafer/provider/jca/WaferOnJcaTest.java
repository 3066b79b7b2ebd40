package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidTokenException;
import dev.wafer.ProviderInfo;
import dev.wafer.ProviderReport;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.UnsupportedAlgorithmException;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The parts of the api that describe providers and objects, on the JDK provider: reports,
 * provider information, descriptions, and the edges of resealing and audience checks. (The api's
 * own discovery tests run on stub providers; these run where a real provider is installed, which
 * mutation testing needs: docs/mutation-testing.md.)
 */
class WaferOnJcaTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void reportsTheJdkProviderAndItsSelfTests() {
        ProviderReport report = Wafer.report();
        ProviderReport.Entry jca = report.providers().stream().filter(e -> e.info().name().equals("jca")).findFirst().orElseThrow();
        for (Algorithm a : new JcaProvider().algorithms()) {
            assertTrue(jca.selfTests().get(a).startsWith("passed in "), a + ": " + jca.selfTests().get(a));
            assertEquals(100, jca.priorities().get(a));
        }
        assertFalse(report.servedBy().get(SealingAlgorithm.XAES_256_GCM).startsWith("none"));
        String text = report.toString();
        assertTrue(text.contains("jca (wafer-provider-jca ") && text.contains("served by\n") && text.contains("XAES-256-GCM"), text);
        assertTrue(Wafer.providers().stream().anyMatch(i -> i.name().equals("jca") && i.priority() == 100));
    }

    @Test
    void describesAPinnedProviderAndTheDefaultOne() {
        WaferEngines jca = Wafer.engines("jca");
        ProviderInfo info = jca.info();
        assertEquals("jca", info.name());
        assertTrue(info.version().startsWith("wafer-provider-jca "), info.version());
        assertEquals(new JcaProvider().algorithms(), jca.algorithms());
        assertEquals("jca", jca.servedBy(SealingAlgorithm.XAES_256_GCM));
        assertTrue(jca.toString().startsWith("WaferEngines[jca wafer-provider-jca "), jca.toString());
        WaferEngines chosen = Wafer.engines();
        assertEquals(chosen.name(), chosen.info().name());
        assertTrue(chosen.algorithms().containsAll(jca.algorithms()), "the default serves at least what jca does");
        assertTrue(chosen.info().algorithms().containsAll(jca.algorithms()));
        assertTrue(chosen.toString().startsWith("WaferEngines[" + chosen.name()), chosen.toString());
        WaferEngines viaLoader = Wafer.engines(getClass().getClassLoader());
        assertEquals(chosen.name(), viaLoader.name());
    }

    @Test
    void refusesAnAlgorithmItLacksNamingWhoHasIt() {
        UnsupportedAlgorithmException e = assertThrows(UnsupportedAlgorithmException.class,
                () -> CookieSealer.builder(SealingKeySet.generate(SealingAlgorithm.AES_256_GCM_SIV)).engines(Wafer.engines("jca")).build());
        assertEquals(SealingAlgorithm.AES_256_GCM_SIV, e.algorithm());
        assertTrue(e.getMessage().startsWith("provider 'jca' does not implement AES-256-GCM-SIV"), e.getMessage());
    }

    @Test
    void asksToResealOnlyOnceLessThanTheWindowRemains() {
        SealingKeySet ring = SealingKeySet.generate();
        String sealed = CookieSealer.builder(ring).engines(Wafer.engines("jca")).clock(CLOCK).build().seal("x", SealContext.of("s"), Duration.ofMinutes(30));
        CookieSealer exactlyWindowLeft = CookieSealer.builder(ring).engines(Wafer.engines("jca")).refreshWhenRemaining(Duration.ofMinutes(10))
                .clock(Clock.offset(CLOCK, Duration.ofMinutes(20))).build();
        assertFalse(exactlyWindowLeft.open(sealed, SealContext.of("s")).shouldReseal(), "exactly the window left: not yet");
        CookieSealer oneSecondLess = CookieSealer.builder(ring).engines(Wafer.engines("jca")).refreshWhenRemaining(Duration.ofMinutes(10))
                .clock(Clock.offset(CLOCK, Duration.ofMinutes(20).plusSeconds(1))).build();
        assertTrue(oneSecondLess.open(sealed, SealContext.of("s")).shouldReseal());
    }

    @Test
    void describesSealersSignersAndVerifiers() {
        SealingKey key = SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0a1b2c3d", new byte[32]);
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.of(key)).engines(Wafer.engines("jca")).build();
        assertEquals("CookieSealer[engines=jca, SealingKeySet[primary=0a1b2c3d, keys=[SealingKey[kid=0a1b2c3d, "
                + "alg=XAES-256-GCM] primary]], defaultLifetime=PT1H, refreshWindow=null, maxCookieBytes=4096]", sealer.toString());
        SigningKeySet keys = SigningKeySet.generate();
        String kid = keys.primary().keyId();
        TokenSigner signer = TokenSigner.builder(keys).engines(Wafer.engines("jca")).build();
        assertEquals("TokenSigner[engines=jca, SigningKey[kid=" + kid + ", alg=EdDSA], defaultLifetime=PT15M]", signer.toString());
        assertEquals(kid, signer.keyId());
        TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys()).engines(Wafer.engines("jca")).issuer("i").audience("a").build();
        assertEquals("TokenVerifier[engines=jca, VerificationKeySet[VerificationKey[kid=" + kid + ", alg=EdDSA]], issuer=i, audience=a, "
                + "type=JWT, skew=PT1M, requireExpiry=true, maxTokenChars=8192]", verifier.toString());
    }

    @Test
    void explainsAnAudienceThatDoesNotMatch() {
        SigningKeySet keys = SigningKeySet.generate();
        String token = TokenSigner.builder(keys).engines(Wafer.engines("jca")).clock(CLOCK).build().sign(Claims.builder().audience("api").build());
        assertEquals("token audience does not include web", assertThrows(InvalidTokenException.class,
                () -> TokenVerifier.builder(keys.publicKeys()).engines(Wafer.engines("jca")).anyIssuer().clock(CLOCK).audience("web").build().verify(token)).getMessage());
        assertTrue(assertThrows(InvalidTokenException.class, () -> TokenVerifier.builder(keys.publicKeys()).engines(Wafer.engines("jca")).anyIssuer().clock(CLOCK)
                .build().verify(token)).getMessage().startsWith("token has an audience but this verifier expects none"));
        String none = TokenSigner.builder(keys).engines(Wafer.engines("jca")).clock(CLOCK).build().sign(Claims.builder().build());
        TokenVerifier.builder(keys.publicKeys()).engines(Wafer.engines("jca")).anyIssuer().clock(CLOCK).build().verify(none);
        assertEquals("token audience does not include web", assertThrows(InvalidTokenException.class,
                () -> TokenVerifier.builder(keys.publicKeys()).engines(Wafer.engines("jca")).anyIssuer().clock(CLOCK).audience("web").build().verify(none)).getMessage());
    }
}
