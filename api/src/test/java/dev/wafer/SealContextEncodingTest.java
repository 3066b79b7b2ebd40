package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No two contexts encode alike (docs/format.md §1), so a value sealed for one never opens for
 * another.
 *
 * <p>Regression for finding 2 of issue 5: {@code String.getBytes(UTF_8)} replaces an unpaired
 * surrogate with {@code '?'}, so {@code SealContext.of("a\uD800")} and {@code SealContext.of("a?")}
 * encoded alike, and a value sealed for one opened as the other. Either refusing text that is not
 * well-formed UTF-16 or encoding it without loss passes this test.
 */
class SealContextEncodingTest {

    /** Pairs of different (name, purpose) that a lossy UTF-8 encoder maps to the same bytes. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"a\ud800", "", "a?", ""},
            new String[] {"\ud800", "", "\udc00", ""},
            new String[] {"session", "x\udfff", "session", "x?"},
            new String[] {"\udbff\udbff", "", "??", ""});

    @Test
    void contextsThatDifferNeverEncodeAlike() {
        for (String[] p : PAIRS) {
            SealContext a;
            SealContext b;
            try {
                a = SealContext.of(p[0], p[1]);
                b = SealContext.of(p[2], p[3]);
            } catch (IllegalArgumentException refused) {
                continue; // text that is not well-formed UTF-16 is refused: no collision possible
            }
            assertFalse(Arrays.equals(a.encoded(), b.encoded()),
                    () -> a + " and " + b + " encode alike: a value sealed for one opens as the other");
        }
    }
}
