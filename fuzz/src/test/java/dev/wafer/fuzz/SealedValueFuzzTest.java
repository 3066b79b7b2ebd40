package dev.wafer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;

/** Opening a sealed value, as a cookie from any client arrives. */
class SealedValueFuzzTest {
    private static final CookieSealer SEALER = CookieSealer.builder(Fuzzing.RING).engines(Fuzzing.JCA).clock(Fuzzing.CLOCK).build();
    private static final SealContext SESSION = SealContext.of("session");
    private static final SealContext LOGIN = SealContext.of("session", "login");

    /**
     * Only a value or {@link InvalidSealedValueException} (with its {@code ExpiredValueException}); an
     * opened value was sealed under the fuzz key set, so it must reseal to itself.
     */
    @FuzzTest
    void openSealedValue(byte[] input) {
        String cookie = Fuzzing.text(input);
        for (SealContext context : new SealContext[] {SESSION, LOGIN}) {
            Fuzzing.expect(input, () -> {
                OpenedValue v = SEALER.open(cookie, context);
                if (v.expiresAt().compareTo(Fuzzing.NOW) <= 0) {
                    throw new AssertionError("opened an expired value");
                }
                String again = SEALER.seal(v.bytes(), context);
                if (!java.util.Arrays.equals(SEALER.open(again, context).bytes(), v.bytes())) {
                    throw new AssertionError("an opened value does not round-trip");
                }
            }, InvalidSealedValueException.class);
        }
    }
}
