package dev.wafer.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wafer.web.conformance.SessionStoreConformance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-memory session store against the conformance suite every store passes, and on its own clock. */
class InMemorySessionStoreTest extends SessionStoreConformance {
    @Override
    protected SessionStore store() {
        return new InMemorySessionStore();
    }

    @Test
    void expiresByTheClockItIsGivenAndSweepsWhatIsPastItsTime() {
        TestClock clock = new TestClock(WebSessionsTest.T0);
        InMemorySessionStore s = new InMemorySessionStore(clock);
        s.save("a", new byte[] {1}, WebSessionsTest.T0.plusSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertArrayEquals(new byte[] {1}, s.load("a"));
        for (int i = 0; i < 2047; i++) { // the 2048th write sweeps
            s.save("short-" + i, new byte[] {2}, WebSessionsTest.T0.plusSeconds(30));
        }
        assertEquals("InMemorySessionStore[sessions=1]", s.toString(), "the sweep dropped what was past its time");
        clock.advance(Duration.ofSeconds(1));
        assertNull(s.load("a"));
        assertEquals("InMemorySessionStore[sessions=0]", s.toString());
    }
}
