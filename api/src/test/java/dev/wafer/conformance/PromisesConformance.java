package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.ConfigurationException;
import dev.wafer.CookieSealer;
import dev.wafer.EngineFailureException;
import dev.wafer.ExpiredTokenException;
import dev.wafer.ExpiredValueException;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.InvalidTokenException;
import dev.wafer.KeyException;
import dev.wafer.KeyPlanException;
import dev.wafer.LifetimeException;
import dev.wafer.LimitExceededException;
import dev.wafer.OpenedValue;
import dev.wafer.PrematureTokenException;
import dev.wafer.ProviderNotFoundException;
import dev.wafer.RejectedInputException;
import dev.wafer.SealContext;
import dev.wafer.SealedHeader;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.UnsupportedAlgorithmException;
import dev.wafer.ValueTooLargeException;
import dev.wafer.WaferException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the api promises around the crypto, on every provider: declared maximum lifetimes hold for
 * sealing and signing, a verifier names its issuer, an unknown key id is its own rejection, opened
 * text is never altered, the unauthenticated peek shows only the header, and every exception sits
 * in the branch a web application maps.
 */
public abstract class PromisesConformance extends ProviderUnderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SealContext SESSION = SealContext.of("session");
    private static final String ISSUER = "https://login.example";

    @Test
    void aSealerNeverSealsForLongerThanTheKeySetsDeclaredMaximum() {
        SealingKeySet oneHour = SealingKeySet.generate().withMaxLifetime(Duration.ofHours(1));
        CookieSealer sealer = CookieSealer.builder(oneHour).engines(provider()).clock(CLOCK).build();
        assertEquals(NOW.plus(Duration.ofHours(1)), sealer.open(sealer.seal("v", SESSION, Duration.ofHours(1)), SESSION).expiresAt());
        LifetimeException e = assertThrows(LifetimeException.class, () -> sealer.seal("v", SESSION, Duration.ofHours(2)));
        assertEquals("a lifetime of PT2H exceeds the key set's declared maximum of PT1H (wafer_max_ttl): a key could be "
                + "retired while such a value still lives", e.getMessage());
        assertInstanceOf(LimitExceededException.class, e);
        // The default lifetime is checked when the sealer is built, not at the first request.
        SealingKeySet halfAnHour = SealingKeySet.generate().withMaxLifetime(Duration.ofMinutes(30));
        assertThrows(LifetimeException.class, () -> CookieSealer.builder(halfAnHour).engines(provider()).build(),
                "the default of one hour is beyond the maximum");
        CookieSealer shorter = CookieSealer.builder(halfAnHour).engines(provider()).clock(CLOCK)
                .defaultLifetime(Duration.ofMinutes(30)).build();
        assertEquals(NOW.plus(Duration.ofMinutes(30)), shorter.open(shorter.seal("v", SESSION), SESSION).expiresAt());
        // A sealer rebuilt for a new key set takes the new maximum.
        assertThrows(LifetimeException.class, () -> CookieSealer.builder(SealingKeySet.generate()).engines(provider())
                .defaultLifetime(Duration.ofHours(2)).build().withKeys(oneHour));
    }

    @Test
    void aSignerNeverSignsATokenThatOutlivesTheMaximumOrHasAlreadyExpired() {
        SigningKeySet fifteenMinutes = SigningKeySet.generate().withMaxLifetime(Duration.ofMinutes(15));
        TokenSigner signer = TokenSigner.builder(fifteenMinutes).engines(provider()).issuer(ISSUER).clock(CLOCK).build();
        TokenVerifier verifier = TokenVerifier.builder(fifteenMinutes.publicKeys()).engines(provider()).issuer(ISSUER)
                .clock(CLOCK).build();
        assertEquals(NOW.plus(Duration.ofMinutes(15)), verifier.verify(signer.sign(Claims.builder().subject("42").build()))
                .expiresAt().orElseThrow(), "the default, 15 minutes, is within the maximum");
        LifetimeException tooLong = assertThrows(LifetimeException.class,
                () -> signer.sign(Claims.builder().subject("42").expiresAt(NOW.plus(Duration.ofDays(30))).build()));
        assertTrue(tooLong.getMessage().contains("beyond the key set's maximum lifetime of PT15M"), tooLong.getMessage());
        LifetimeException past = assertThrows(LifetimeException.class,
                () -> signer.sign(Claims.builder().subject("42").expiresAt(NOW.minusSeconds(1)).build()));
        assertTrue(past.getMessage().contains("has already passed"), past.getMessage());
        assertThrows(LifetimeException.class, () -> signer.sign(Claims.builder().expiresAt(NOW).build()),
                "an exp of now never verifies either");
        signer.sign(Claims.builder().expiresAt(NOW.plus(Duration.ofMinutes(15))).build());
        assertThrows(LifetimeException.class, () -> TokenSigner.builder(fifteenMinutes).engines(provider())
                .defaultLifetime(Duration.ofHours(1)).build(), "a default beyond the maximum fails at build time");
    }

    @Test
    void aVerifierMustBeToldWhichIssuerItTrusts() {
        SigningKeySet keys = SigningKeySet.generate();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TokenVerifier.builder(keys.publicKeys()).engines(provider()).build());
        assertTrue(e.getMessage().contains("issuer(") && e.getMessage().contains("anyIssuer()"), e.getMessage());
        String fromElsewhere = TokenSigner.builder(keys).engines(provider()).issuer("https://evil.example").clock(CLOCK)
                .build().sign(Claims.builder().build());
        assertThrows(InvalidTokenException.class, () -> TokenVerifier.builder(keys.publicKeys()).engines(provider())
                .issuer(ISSUER).clock(CLOCK).build().verify(fromElsewhere));
        String none = TokenSigner.builder(keys).engines(provider()).clock(CLOCK).build().sign(Claims.builder().build());
        assertThrows(InvalidTokenException.class, () -> TokenVerifier.builder(keys.publicKeys()).engines(provider())
                .issuer(ISSUER).clock(CLOCK).build().verify(none), "a token without iss fails a verifier that names one");
        assertEquals("https://evil.example", TokenVerifier.builder(keys.publicKeys()).engines(provider()).anyIssuer()
                .clock(CLOCK).build().verify(fromElsewhere).issuer().orElseThrow(), "anyIssuer() is explicit");
    }

    @Test
    void anUnknownKeyIdIsItsOwnRejectionAndABadSignatureIsNot() {
        SigningKeySet theirs = SigningKeySet.generate();
        SigningKeySet ours = SigningKeySet.generate();
        String token = TokenSigner.builder(theirs).engines(provider()).issuer(ISSUER).clock(CLOCK).build()
                .sign(Claims.builder().build());
        TokenVerifier verifier = TokenVerifier.builder(ours.publicKeys()).engines(provider()).issuer(ISSUER).clock(CLOCK).build();
        UnknownKeyIdException unknown = assertThrows(UnknownKeyIdException.class, () -> verifier.verify(token));
        assertEquals(theirs.primary().keyId(), unknown.keyId());
        assertEquals("token names an unknown key id", unknown.getMessage(), "the untrusted kid stays out of the message");
        // The same kid with someone else's signature: known key, bad signature, not "unknown".
        String forged = TokenSigner.builder(SigningKeySet.of(dev.wafer.SigningKey.ed25519(ours.primary().keyId(),
                new byte[32]))).engines(provider()).issuer(ISSUER).clock(CLOCK).build().sign(Claims.builder().build());
        InvalidTokenException bad = assertThrows(InvalidTokenException.class, () -> verifier.verify(forged));
        assertFalse(bad instanceof UnknownKeyIdException, bad.toString());
    }

    @Test
    void openedBytesAreNeverAlteredTextIsStrictUtf8() {
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(provider()).clock(CLOCK).build();
        byte[] notUtf8 = {'o', 'k', (byte) 0xff, (byte) 0xc3};
        OpenedValue opened = sealer.open(sealer.seal(notUtf8, SESSION), SESSION);
        assertArrayEquals(notUtf8, opened.bytes());
        InvalidSealedValueException e = assertThrows(InvalidSealedValueException.class, opened::text);
        assertEquals("the sealed value is not UTF-8 text; read it with bytes()", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sealer.seal("a\ud800b", SESSION),
                "text that is not Unicode is refused, never replaced");
        byte[] encodedSurrogate = {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealer.seal(encodedSurrogate, SESSION), SESSION).text(),
                "CESU-style surrogates are not UTF-8");
    }

    @Test
    void thePeekShowsTheHeaderOnlyAndAuthenticatesNothing() {
        SealingKeySet keys = SealingKeySet.generate();
        CookieSealer sealer = CookieSealer.builder(keys).engines(provider()).clock(CLOCK).build();
        String sealed = sealer.seal("user=42", SESSION, Duration.ofMinutes(5));
        SealedHeader h = SealedHeader.peek(sealed);
        assertEquals(1, h.version());
        assertEquals(keys.primary().keyId(), h.keyId());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), h.expiresAt());
        assertEquals(13 + 24 + 7 + 16, h.sealedBytes());
        assertFalse(h.toString().contains("user"), h.toString());
        // The header of a forgery peeks just as well: the peek is for display, never for a decision.
        char[] c = sealed.toCharArray();
        c[c.length - 1] = c[c.length - 1] == 'A' ? 'B' : 'A';
        String forged = new String(c);
        assertEquals(h.keyId(), SealedHeader.peek(forged).keyId());
        assertThrows(InvalidSealedValueException.class, () -> sealer.open(forged, SESSION));
        for (String garbage : List.of("", "AAAA", "not base64!", sealed.substring(0, 20))) {
            assertThrows(InvalidSealedValueException.class, () -> SealedHeader.peek(garbage), garbage);
        }
    }

    @Test
    void everyExceptionSitsInTheBranchAWebApplicationMaps() {
        // Rejected input: the client's fault, "not signed in" (401/403 or a fresh session).
        for (Class<?> c : List.of(InvalidSealedValueException.class, ExpiredValueException.class, InvalidTokenException.class,
                ExpiredTokenException.class, PrematureTokenException.class, UnknownKeyIdException.class)) {
            assertTrue(RejectedInputException.class.isAssignableFrom(c), c.getName());
            assertFalse(ConfigurationException.class.isAssignableFrom(c) || LimitExceededException.class.isAssignableFrom(c));
        }
        // Misconfiguration: a 500, or a failed start-up.
        for (Class<?> c : List.of(KeyException.class, KeyPlanException.class, UnsupportedAlgorithmException.class,
                ProviderNotFoundException.class, EngineFailureException.class)) {
            assertTrue(ConfigurationException.class.isAssignableFrom(c), c.getName());
            assertFalse(RejectedInputException.class.isAssignableFrom(c) || LimitExceededException.class.isAssignableFrom(c));
        }
        // Limits on what the application asks to seal or sign: a bug in the caller.
        for (Class<?> c : List.of(ValueTooLargeException.class, LifetimeException.class)) {
            assertTrue(LimitExceededException.class.isAssignableFrom(c), c.getName());
        }
        for (Class<?> c : List.of(RejectedInputException.class, ConfigurationException.class, LimitExceededException.class)) {
            assertTrue(WaferException.class.isAssignableFrom(c) && RuntimeException.class.isAssignableFrom(c), c.getName());
        }
        // What the sealer throws for a tampered, an expired and a foreign value is in the first branch.
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(provider()).clock(CLOCK).build();
        String sealed = sealer.seal("v", SESSION, Duration.ofSeconds(10));
        CookieSealer later = CookieSealer.builder(sealer.keys()).engines(provider()).clock(Clock.offset(CLOCK, Duration.ofSeconds(10))).build();
        assertInstanceOf(RejectedInputException.class, assertThrows(WaferException.class, () -> later.open(sealed, SESSION)));
        assertInstanceOf(RejectedInputException.class, assertThrows(WaferException.class, () -> sealer.open(sealed, SealContext.of("csrf"))));
    }
}
