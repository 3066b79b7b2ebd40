package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.LifetimeException;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.VerificationKeySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A key's end of use ({@code wafer_not_after}) and retirement hold on every path (issue 15, point
 * 1): no sealing or signing with a key past its time, no opening or verifying under it, and no
 * publication of a retired or ended key, in a private set or a published one.
 */
public abstract class KeyValidityConformance extends ProviderUnderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final SealContext SESSION = SealContext.of("session");
    private static final String ISSUER = "https://login.example";

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void aSigningKeyPastItsEndNeitherSignsNorIsPublishedNorVerifies() {
        SigningKeySet keys = SigningKeySet.generate();
        String kid = keys.primary().keyId();
        Instant end = NOW.plus(Duration.ofHours(1));
        SigningKeySet ending = keys.withNotAfter(kid, end);
        TokenSigner before = TokenSigner.builder(ending).engines(provider()).issuer(ISSUER).clock(at(NOW)).build();
        String token = before.sign(Claims.builder().subject("42").build());
        LifetimeException outlives = assertThrows(LifetimeException.class,
                () -> before.sign(Claims.builder().expiresAt(end.plusSeconds(1)).build()),
                "a token may not outlive the key that signs it");
        assertTrue(outlives.getMessage().contains("outlive its key " + kid), outlives.getMessage());
        TokenSigner after = TokenSigner.builder(ending).engines(provider()).issuer(ISSUER).clock(at(end)).build();
        KeyException ended = assertThrows(KeyException.class, () -> after.sign(Claims.builder().build()));
        assertTrue(ended.getMessage().contains(kid) && ended.getMessage().contains("wafer_not_after"), ended.getMessage());

        // Published with its end of use, which a verifier honours.
        VerificationKeySet published = ending.publicKeys(NOW);
        assertTrue(published.toJwkSet().contains("\"wafer_not_after\":" + end.getEpochSecond()), published.toJwkSet());
        VerificationKeySet relayed = VerificationKeySet.fromJwkSet(published.toJwkSet());
        TokenVerifier verifier = TokenVerifier.builder(relayed).engines(provider()).issuer(ISSUER).clock(at(NOW)).build();
        assertEquals("42", verifier.verify(token).subject().orElseThrow());
        InvalidTokenException late = assertThrows(InvalidTokenException.class,
                () -> TokenVerifier.builder(relayed).engines(provider()).issuer(ISSUER).clock(at(end)).build().verify(token));
        assertEquals("token is signed with a key whose published end of use has passed", late.getMessage());
        assertThrows(KeyException.class, () -> ending.publicKeys(end), "nothing left to publish: an error, not an empty set");
        SigningKeySet rotated = ending.rotate(SigningAlgorithm.ED25519).keySet();
        assertFalse(rotated.publicKeys(end).find(kid).isPresent(), "an ended key is not published");
        assertTrue(rotated.publicKeys(NOW).find(kid).isPresent());
    }

    @Test
    void aPublishedRetiredOrEndedKeyDoesNotVerify() {
        SigningKeySet keys = SigningKeySet.generate().rotate(SigningAlgorithm.ED25519).keySet();
        String old = keys.keys().get(1).keyId();
        String token = TokenSigner.builder(SigningKeySet.of(keys.keys().get(1))).engines(provider()).issuer(ISSUER)
                .clock(at(NOW)).build().sign(Claims.builder().build());
        String jwks = keys.publicKeys(NOW).toJwkSet();
        String marker = "\"kid\":\"" + old + "\"";
        assertTrue(jwks.contains(marker), jwks);
        String retired = jwks.replace(marker, marker + ",\"wafer_state\":\"retired\"");
        VerificationKeySet withoutIt = VerificationKeySet.fromJwkSet(retired);
        assertFalse(withoutIt.find(old).isPresent(), "a retired key in a published set is dropped");
        assertThrows(UnknownKeyIdException.class, () -> TokenVerifier.builder(withoutIt).engines(provider()).issuer(ISSUER)
                .clock(at(NOW)).build().verify(token));
        String ended = jwks.replace(marker, marker + ",\"wafer_not_after\":1");
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> TokenVerifier.builder(
                VerificationKeySet.fromJwkSet(ended)).engines(provider()).issuer(ISSUER).clock(at(NOW)).build().verify(token));
        assertEquals("token is signed with a key whose published end of use has passed", e.getMessage());
    }

    @Test
    void aSealingPrimaryPastItsEndSealsNothingAndAnEndedKeyOpensNothing() {
        SealingKeySet keys = SealingKeySet.generate(SealingAlgorithm.XAES_256_GCM);
        String kid = keys.primary().keyId();
        Instant end = NOW.plus(Duration.ofHours(2));
        SealingKeySet ending = keys.withNotAfter(kid, end);
        CookieSealer before = CookieSealer.builder(ending).engines(provider()).clock(at(NOW)).build();
        String sealed = before.seal("user=42", SESSION, Duration.ofHours(1));
        LifetimeException outlives = assertThrows(LifetimeException.class, () -> before.seal("v", SESSION, Duration.ofHours(3)));
        assertTrue(outlives.getMessage().contains("would outlive its key " + kid), outlives.getMessage());
        CookieSealer after = CookieSealer.builder(ending).engines(provider()).clock(at(end)).build();
        KeyException ended = assertThrows(KeyException.class, () -> after.seal("v", SESSION, Duration.ofMinutes(1)));
        assertTrue(ended.getMessage().contains(kid) && ended.getMessage().contains("wafer_not_after"), ended.getMessage());
        // Rotated away from, the ended key opens nothing from its end on, like a key the set lacks.
        SealingKeySet rotated = ending.rotate().keySet();
        assertEquals("user=42", CookieSealer.builder(rotated).engines(provider()).clock(at(NOW.plus(Duration.ofMinutes(30))))
                .build().open(sealed, SESSION).text());
        String longLived = CookieSealer.builder(keys).engines(provider()).clock(at(NOW)).build().seal("v", SESSION, Duration.ofDays(1));
        CookieSealer afterEnd = CookieSealer.builder(rotated).engines(provider()).clock(at(end)).build();
        assertThrows(InvalidSealedValueException.class, () -> afterEnd.open(longLived, SESSION));
        assertEquals("v", CookieSealer.builder(keys).engines(provider()).clock(at(end)).build().open(longLived, SESSION).text(),
                "the same key without an end still opens it: the end is what refuses");
    }
}
