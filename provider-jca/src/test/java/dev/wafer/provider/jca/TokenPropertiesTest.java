package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.Algorithm;
import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import dev.wafer.SigningAlgorithm;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the token profile (docs/format.md §2) on the JDK provider: claims round-trip
 * through sign and verify, and every change to a token is rejected with {@link InvalidTokenException}.
 */
class TokenPropertiesTest {
    private static final WaferEngines JCA = Wafer.engines("jca");
    private static final Map<Algorithm, SigningKeySet> KEYS = Map.of(
            SigningAlgorithm.ED25519, SigningKeySet.generate(SigningAlgorithm.ED25519),
            SigningAlgorithm.RS256, SigningKeySet.of(SigningKey.generateRsa(SigningAlgorithm.RS256, 2048)),
            SigningAlgorithm.PS256, SigningKeySet.of(SigningKey.generateRsa(SigningAlgorithm.PS256, 2048)));
    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
    private static final long TEN_YEARS = 3650L * 86400;

    @Provide
    Arbitrary<Algorithm> algorithms() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(18, Arbitraries.just(SigningAlgorithm.ED25519)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(SigningAlgorithm.RS256)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(SigningAlgorithm.PS256)));
    }

    /** Any JSON value a custom claim can carry, nested at most three levels. */
    static Arbitrary<Object> claimValues() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Texts.wellFormed(0, 40).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
                // integers beyond a long stay BigInteger; those within one come back as Long
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(60))
                        .map(b -> (Object) b.add(BigInteger.valueOf(Long.MAX_VALUE))));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Texts.wellFormed(0, 12), inner).ofMaxSize(4).map(m -> (Object) m)), 0, 3);
    }

    /** The clock of one try, and claims valid at it. */
    record Case(long now, Claims claims) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Long> now = Arbitraries.longs().between(TEN_YEARS, 100L * 365 * 86400 * 100);
        return now.flatMap(n -> {
            Arbitrary<String> text = Texts.wellFormed(0, 60);
            Arbitrary<Claims.Builder> b = Builders.withBuilder(Claims::builder)
                    .use(text).withProbability(0.7).in(Claims.Builder::subject)
                    .use(text).withProbability(0.5).in(Claims.Builder::issuer)
                    .use(text).withProbability(0.5).in(Claims.Builder::jwtId)
                    .use(text.list().ofMinSize(1).ofMaxSize(3)).withProbability(0.5)
                        .in((c, aud) -> c.audience(aud.toArray(new String[0])))
                    .use(Arbitraries.longs().between(61, TEN_YEARS)).in((c, d) -> c.expiresAt(Instant.ofEpochSecond(n + d)))
                    .use(Arbitraries.longs().between(-60, TEN_YEARS)).in((c, d) -> c.issuedAt(Instant.ofEpochSecond(n - d)))
                    .use(Arbitraries.longs().between(-60, TEN_YEARS)).withProbability(0.5)
                        .in((c, d) -> c.notBefore(Instant.ofEpochSecond(n - d)))
                    .use(Arbitraries.maps(Texts.wellFormed(0, 20).filter(k -> !REGISTERED.contains(k)), claimValues())
                        .ofMaxSize(6)).in((c, custom) -> {
                            custom.forEach(c::claim);
                            return c;
                        })
                    .build();
            return b.map(c -> new Case(n, c.build()));
        });
    }

    /** The time of the current try: a signer is costly to build (it tests its key pairwise), so one per algorithm. */
    private static final class TryClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final TryClock CLOCK = new TryClock();
    private static final Map<Algorithm, TokenSigner> SIGNERS = Map.of(
            SigningAlgorithm.ED25519, TokenSigner.builder(KEYS.get(SigningAlgorithm.ED25519)).engines(JCA).clock(CLOCK).build(),
            SigningAlgorithm.RS256, TokenSigner.builder(KEYS.get(SigningAlgorithm.RS256)).engines(JCA).clock(CLOCK).build(),
            SigningAlgorithm.PS256, TokenSigner.builder(KEYS.get(SigningAlgorithm.PS256)).engines(JCA).clock(CLOCK).build());

    private static TokenSigner signer(Algorithm algorithm, long now) {
        CLOCK.now = Instant.ofEpochSecond(now);
        return SIGNERS.get(algorithm);
    }

    /** A verifier that expects exactly what the claims say: their issuer and first audience. */
    private static TokenVerifier verifier(Algorithm algorithm, Case c) {
        TokenVerifier.Builder v = TokenVerifier.builder(KEYS.get(algorithm).publicKeys()).engines(JCA)
                .clock(Clock.fixed(Instant.ofEpochSecond(c.now()), ZoneOffset.UTC)).maxTokenLength(1 << 20);
        c.claims().issuer().ifPresentOrElse(v::issuer, v::anyIssuer);
        if (!c.claims().audience().isEmpty()) {
            v.audience(c.claims().audience().get(0));
        }
        return v.build();
    }

    @Property(tries = 500)
    void claimsRoundTripThroughSignAndVerify(@ForAll("algorithms") Algorithm algorithm, @ForAll("cases") Case c) {
        String token = signer(algorithm, c.now()).sign(c.claims());
        Claims verified = verifier(algorithm, c).verify(token);
        assertEquals(c.claims(), verified);
        assertEquals(c.claims().customClaims(), verified.customClaims());
    }

    @Provide
    Arbitrary<Mutations.Mutation> mutations() {
        return Mutations.mutations();
    }

    @Property(tries = 1000)
    void everyChangeToATokenIsRejected(@ForAll("algorithms") Algorithm algorithm, @ForAll("cases") Case c,
                                       @ForAll("mutations") Mutations.Mutation mutation) {
        String token = signer(algorithm, c.now()).sign(c.claims());
        String changed = Mutations.applyToToken(token, mutation);
        Assume.that(!changed.equals(token));
        TokenVerifier verifier = verifier(algorithm, c);
        assertThrows(InvalidTokenException.class, () -> verifier.verify(changed), () -> mutation + " was accepted");
    }

    @Property(tries = 100)
    void aTokenVerifiesUnderNoOtherKey(@ForAll("cases") Case c) {
        String token = signer(SigningAlgorithm.ED25519, c.now()).sign(c.claims());
        SigningKeySet other = SigningKeySet.of(SigningKey.generate(SigningAlgorithm.ED25519));
        // The other key under the same kid: only the signature can tell them apart.
        String kid = KEYS.get(SigningAlgorithm.ED25519).primary().keyId();
        String jwks = other.publicKeys().toJwkSet().replace(other.primary().keyId(), kid);
        TokenVerifier.Builder v = TokenVerifier.builder(dev.wafer.VerificationKeySet.fromJwkSet(jwks)).engines(JCA)
                .clock(Clock.fixed(Instant.ofEpochSecond(c.now()), ZoneOffset.UTC)).maxTokenLength(1 << 20);
        c.claims().issuer().ifPresentOrElse(v::issuer, v::anyIssuer);
        c.claims().audience().stream().findFirst().ifPresent(v::audience);
        TokenVerifier stranger = v.build();
        assertThrows(InvalidTokenException.class, () -> stranger.verify(token));
    }

    @Property(tries = 50)
    void aTokenOfOneAlgorithmIsRejectedByAKeyOfAnother(@ForAll("cases") Case c) {
        for (SigningAlgorithm signedWith : List.of(SigningAlgorithm.RS256, SigningAlgorithm.PS256)) {
            Algorithm other = signedWith == SigningAlgorithm.RS256 ? SigningAlgorithm.PS256 : SigningAlgorithm.RS256;
            String token = signer(signedWith, c.now()).sign(c.claims());
            assertThrows(InvalidTokenException.class, () -> verifier(other, c).verify(token));
        }
    }
}
