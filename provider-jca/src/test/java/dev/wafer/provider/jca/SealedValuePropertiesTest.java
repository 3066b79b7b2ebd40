package dev.wafer.provider.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wafer.CookieSealer;
import dev.wafer.ExpiredValueException;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the sealed-value format (docs/format.md §1) on the JDK provider: seal then open
 * is the identity for every value, context and clock before expiry; every change to a sealed
 * value, and every other context, is rejected with {@link InvalidSealedValueException}.
 */
class SealedValuePropertiesTest {
    private static final WaferEngines JCA = Wafer.engines("jca");
    private static final Map<SealingAlgorithm, SealingKeySet> RINGS = Map.of(
            SealingAlgorithm.XAES_256_GCM, SealingKeySet.generate(SealingAlgorithm.XAES_256_GCM),
            SealingAlgorithm.AES_256_GCM, SealingKeySet.generate(SealingAlgorithm.AES_256_GCM));
    /** The latest expiry the format carries, 9999-12-31T23:59:59Z (docs/format.md). */
    private static final long LAST_SECOND = 253402300799L;

    private static CookieSealer sealer(SealingAlgorithm algorithm, long nowEpochSecond) {
        return CookieSealer.builder(RINGS.get(algorithm)).engines(JCA).clock(Clock.fixed(Instant.ofEpochSecond(nowEpochSecond), ZoneOffset.UTC)).acceptAesGcmLimit()
                .maxCookieBytes(16 * 1024).build(); // the format, not the browser's budget: long names and values

    }

    @Provide
    Arbitrary<SealingAlgorithm> algorithms() {
        return Arbitraries.of(SealingAlgorithm.XAES_256_GCM, SealingAlgorithm.AES_256_GCM);
    }

    @Provide
    Arbitrary<SealContext> contexts() {
        // At most 1024 bytes of UTF-8 (SealContext.MAX_UTF8_BYTES): 256 characters of any kind, or 1024 ASCII ones.
        Arbitrary<String> names = Arbitraries.oneOf(Texts.wellFormed(1, 64), Texts.wellFormed(1, 256),
                Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(1024));
        Arbitrary<String> purposes = Arbitraries.oneOf(Arbitraries.just(""), Texts.wellFormed(0, 64), Texts.wellFormed(0, 256),
                Arbitraries.strings().ascii().ofMaxLength(1024));
        return Combinators.combine(names, purposes).as(SealContext::of);
    }

    /** A time-to-live (one second to the ten-year maximum), a sealing time that leaves room for it, an opening time before expiry. */
    record Times(long sealedAt, long ttl, long openedAfter) {
    }

    @Provide
    Arbitrary<Times> times() {
        Arbitrary<Long> ttl = Arbitraries.oneOf(Arbitraries.longs().between(1, 120),
                Arbitraries.longs().between(1, CookieSealer.MAX_LIFETIME.getSeconds()));
        return ttl.flatMap(t -> Combinators.combine(
                Arbitraries.longs().between(0, LAST_SECOND - t),
                Arbitraries.longs().between(0, t - 1)).as((at, after) -> new Times(at, t, after)));
    }

    @Property(tries = 1000)
    void sealThenOpenIsTheIdentity(@ForAll("algorithms") SealingAlgorithm algorithm, @ForAll @Size(max = 3000) byte[] value,
                                   @ForAll("contexts") SealContext context, @ForAll("times") Times times) {
        String sealed = sealer(algorithm, times.sealedAt()).seal(value, context, Duration.ofSeconds(times.ttl()));
        OpenedValue opened = sealer(algorithm, times.sealedAt() + times.openedAfter()).open(sealed, context);
        assertArrayEquals(value, opened.bytes());
        assertEquals(Instant.ofEpochSecond(times.sealedAt() + times.ttl()), opened.expiresAt());
        assertEquals(RINGS.get(algorithm).primary().keyId(), opened.keyId());
    }

    @Property(tries = 300)
    void nothingOpensAtOrAfterItsExpiry(@ForAll("algorithms") SealingAlgorithm algorithm, @ForAll @Size(max = 100) byte[] value,
                                        @ForAll("times") Times times, @ForAll @LongRange(min = 0, max = 1L << 40) long late) {
        String sealed = sealer(algorithm, times.sealedAt()).seal(value, SealContext.of("session"), Duration.ofSeconds(times.ttl()));
        long openedAt = Math.min(LAST_SECOND, times.sealedAt() + times.ttl() + late);
        ExpiredValueException e = assertThrows(ExpiredValueException.class,
                () -> sealer(algorithm, openedAt).open(sealed, SealContext.of("session")));
        assertEquals(Instant.ofEpochSecond(times.sealedAt() + times.ttl()), e.expiresAt());
    }

    @Provide
    Arbitrary<Mutations.Mutation> mutations() {
        return Mutations.mutations();
    }

    @Property(tries = 3000)
    void everyChangeToASealedValueIsRejected(@ForAll("algorithms") SealingAlgorithm algorithm, @ForAll @Size(max = 300) byte[] value,
                                             @ForAll("contexts") SealContext context,
                                             @ForAll("mutations") Mutations.Mutation mutation) {
        long now = 1_795_000_000L;
        CookieSealer sealer = sealer(algorithm, now);
        String sealed = sealer.seal(value, context, Duration.ofHours(1));
        String changed = Mutations.apply(sealed, mutation);
        Assume.that(!changed.equals(sealed));
        assertThrows(InvalidSealedValueException.class, () -> sealer.open(changed, context),
                () -> mutation + " was accepted");
    }

    @Property(tries = 1000)
    void aValueOpensForNoOtherContext(@ForAll("algorithms") SealingAlgorithm algorithm, @ForAll @Size(max = 100) byte[] value,
                                      @ForAll("contexts") SealContext sealedFor, @ForAll("contexts") SealContext openedAs) {
        Assume.that(!sealedFor.cookieName().equals(openedAs.cookieName()) || !sealedFor.purpose().equals(openedAs.purpose()));
        CookieSealer sealer = sealer(algorithm, 1_795_000_000L);
        String sealed = sealer.seal(value, sealedFor, Duration.ofHours(1));
        assertEquals("sealed value is not authentic for this key set and context",
                assertThrows(InvalidSealedValueException.class, () -> sealer.open(sealed, openedAs)).getMessage());
    }

    @Property(tries = 200)
    void aValueOpensUnderNoOtherKeySet(@ForAll("algorithms") SealingAlgorithm algorithm, @ForAll @Size(max = 100) byte[] value) {
        CookieSealer sealer = sealer(algorithm, 1_795_000_000L);
        String sealed = sealer.seal(value, SealContext.of("session"), Duration.ofHours(1));
        // Same key id and algorithm, another key: indistinguishable from tampering.
        SealingKeySet other = SealingKeySet.of(dev.wafer.SealingKey.of(algorithm, RINGS.get(algorithm).primary().keyId(),
                new java.security.SecureRandom().generateSeed(32)));
        CookieSealer stranger = CookieSealer.builder(other).engines(JCA).acceptAesGcmLimit().clock(Clock.fixed(Instant.ofEpochSecond(1_795_000_000L), ZoneOffset.UTC)).build();
        assertThrows(InvalidSealedValueException.class, () -> stranger.open(sealed, SealContext.of("session")));
    }
}
