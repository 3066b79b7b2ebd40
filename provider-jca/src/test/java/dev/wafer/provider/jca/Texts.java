package dev.wafer.provider.jca;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Strings for property tests: well-formed UTF-16 over all of Unicode, weighted towards the edges. */
final class Texts {
    private Texts() {
    }

    /** Any well-formed text: ASCII, any BMP character that is not a surrogate, supplementary characters. */
    static Arbitrary<String> wellFormed(int minChars, int maxChars) {
        Arbitrary<String> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)))
                .map(Character::toString);
        // a code point is one or two chars: at most maxChars / 2 of them always fit
        return codePoint.list().ofMinSize(Math.min(1, minChars)).ofMaxSize(Math.max(1, maxChars / 2))
                .map(l -> String.join("", l))
                .filter(s -> s.length() >= minChars && s.length() <= maxChars);
    }
}
