package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the Project Wycheproof files copied into {@code vectors/wycheproof/} (see the README there
 * for upstream commit, licence and schema): every test case with the group that holds its key.
 */
final class Wycheproof {
    static final String VALID = "valid";
    static final String INVALID = "invalid";
    static final String ACCEPTABLE = "acceptable";

    private Wycheproof() {
    }

    /** One test case and its group (key, sizes, hash parameters). */
    static final class Case {
        private final Map<String, Object> group;
        private final Map<String, Object> test;

        Case(Map<String, Object> group, Map<String, Object> test) {
            this.group = group;
            this.test = test;
        }

        int tcId() {
            return ((Long) test.get("tcId")).intValue();
        }

        String result() {
            return (String) test.get("result");
        }

        @SuppressWarnings("unchecked")
        List<String> flags() {
            return (List<String>) test.get("flags");
        }

        /** A hex member of the test case, decoded. */
        byte[] bytes(String member) {
            return TestJson.hex(test.get(member));
        }

        Map<String, Object> group() {
            return group;
        }

        /** What the display name shows after the tcId: result, flags and upstream comment. */
        String label() {
            String comment = (String) test.get("comment");
            return result() + " " + flags() + (comment == null || comment.isEmpty() ? "" : " " + comment);
        }

        @Override
        public String toString() {
            return "tcId " + tcId();
        }
    }

    /**
     * Every case of a file, checking that the file holds as many as its {@code numberOfTests} says.
     *
     * @param file the file name in {@code vectors/wycheproof/}
     * @return the cases in file order
     */
    static List<Case> cases(String file) {
        Map<String, Object> root = TestJson.resource("/vectors/wycheproof/" + file);
        List<Case> cases = new ArrayList<>();
        for (Map<String, Object> group : TestJson.list(root, "testGroups")) {
            for (Map<String, Object> test : TestJson.list(group, "tests")) {
                cases.add(new Case(group, test));
            }
        }
        assertEquals(((Long) root.get("numberOfTests")).intValue(), cases.size(), file + ": numberOfTests");
        return cases;
    }

    /**
     * The arguments of a {@code @ParameterizedTest(name = "tcId {0}: {1}")}: tcId, label, case.
     *
     * @param file the file name in {@code vectors/wycheproof/}
     * @return one argument set per case
     */
    static Stream<Arguments> arguments(String file) {
        return cases(file).stream().map(c -> Arguments.of(c.tcId(), c.label(), c));
    }

    /**
     * How many cases of a file fall in each expectation, so that a suite can pin the number of
     * cases it runs and a silently empty or truncated source fails.
     *
     * @param file the file name in {@code vectors/wycheproof/}
     * @param expectation what a suite expects of a case
     * @return expectation to count, sorted by expectation
     */
    static Map<String, Integer> census(String file, Function<Case, String> expectation) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Case c : cases(file)) {
            counts.merge(expectation.apply(c), 1, Integer::sum);
        }
        return counts;
    }
}
