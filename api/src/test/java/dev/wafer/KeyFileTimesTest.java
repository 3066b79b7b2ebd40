package dev.wafer;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A key file's lifecycle times and declared time-to-live are attacker-reachable numbers (a JWK
 * Set is read from disk, a secrets manager or a URL): any value out of range is a
 * {@link KeyException}, never an exception from {@code java.time}.
 *
 * <p>Regression for finding 3 of issue 5: {@code Jwks.time} passed any non-negative {@code long}
 * to {@code Instant.ofEpochSecond}, which throws {@code DateTimeException} beyond year
 * 1,000,000,000; and a {@code wafer_max_ttl} near {@code Long.MAX_VALUE} made the plan check on
 * loading ({@code KeyPlan.check}: {@code deactivated.plus(maxTtl)}) throw
 * {@code ArithmeticException} or {@code DateTimeException}.
 */
class KeyFileTimesTest {
    private static final List<String> HUGE = List.of("9223372036854775807", "31556889864403200", "100000000000000000");

    private static void onlyKeyException(Function<String, ?> reader, String json) {
        try {
            reader.apply(json);
        } catch (KeyException expected) {
            // a typed rejection is fine; so is accepting the file
        } catch (RuntimeException e) {
            fail("reading the key file threw " + e, e);
        }
    }

    private static String rotatedSealingSet() {
        return SealingKeySet.generate().rotate().keySet().toJwkSet();
    }

    @Test
    void lifecycleTimesOutOfRangeAreAKeyException() {
        String json = rotatedSealingSet();
        for (String member : List.of("wafer_created", "wafer_deactivated")) {
            for (String huge : HUGE) {
                onlyKeyException(SealingKeySet::fromJwkSet, json.replaceFirst("\"" + member + "\":[0-9]+", "\"" + member + "\":" + huge));
            }
        }
        String withNotAfter = json.replaceFirst("\"wafer_created\":", "\"wafer_not_after\":9223372036854775807,\"wafer_created\":");
        onlyKeyException(SealingKeySet::fromJwkSet, withNotAfter);
    }

    @Test
    void aMaximumTimeToLiveOutOfRangeIsAKeyException() {
        String json = rotatedSealingSet();
        for (String huge : HUGE) {
            onlyKeyException(SealingKeySet::fromJwkSet, json.replace("],\"primary\"", "],\"wafer_max_ttl\":" + huge + ",\"primary\""));
        }
    }

    @Test
    void theSameHoldsForSigningKeySets() {
        String json = SigningKeySet.generate().rotate().keySet().toJwkSet();
        for (String huge : HUGE) {
            onlyKeyException(SigningKeySet::fromJwkSet, json.replaceFirst("\"wafer_created\":[0-9]+", "\"wafer_created\":" + huge));
            onlyKeyException(SigningKeySet::fromJwkSet, json.replace("],\"primary\"", "],\"wafer_max_ttl\":" + huge + ",\"primary\""));
        }
    }
}
