package dev.wafer.web.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.web.Ids;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.RevocationStore.SeriesUse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RevocationStore} does: revocations that last until their time, generations
 * that start at 0 and only rise, and remember-me series that move on atomically, tolerate their
 * grace window and revoke themselves when an old step reappears. A store implementation adds one
 * subclass (in-memory here; wafer-redis against a real redis-server).
 */
public abstract class RevocationStoreConformance {
    /**
     * Far enough ahead of the wall clock for a store that expires entries itself: taken for each
     * test, so that a suite run late in a long test JVM does not reason about a past that a real
     * store has already expired.
     */
    protected final Instant NOW = Instant.now().plusSeconds(5);
    private static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * The store under test, empty.
     *
     * @return the store
     */
    protected abstract RevocationStore store();

    private static String id(String kind) {
        return Ids.hash(Ids.Kind.SESSION, kind + "-" + Ids.random());
    }

    @Test
    public void aRevocationHoldsUntilItsTimeAndNotAfter() {
        RevocationStore s = store();
        String a = id("a");
        String b = id("b");
        assertFalse(s.isRevoked(a, NOW));
        s.revoke(a, NOW.plusSeconds(60));
        assertTrue(s.isRevoked(a, NOW));
        assertTrue(s.isRevoked(a, NOW.plusSeconds(59)));
        assertFalse(s.isRevoked(a, NOW.plusSeconds(60)), "over at its time");
        assertFalse(s.isRevoked(b, NOW), "one id's revocation is not another's");
        s.revoke(a, NOW.plusSeconds(10));
        assertTrue(s.isRevoked(a, NOW.plusSeconds(30)), "a shorter revocation never shortens a longer one");
    }

    @Test
    public void generationsStartAtZeroAndOnlyRise() {
        RevocationStore s = store();
        String user = Ids.hash(Ids.Kind.USER, "user-" + Ids.random());
        assertEquals(0, s.generation(user), "deploying the store logs nobody out");
        assertEquals(1, s.advanceGeneration(user));
        assertEquals(2, s.advanceGeneration(user));
        assertEquals(2, s.generation(user));
        assertEquals(0, s.generation(Ids.hash(Ids.Kind.USER, "other-" + Ids.random())));
    }

    @Test
    public void aSeriesMovesOnOneStepPerUseAndToleratesItsGraceWindow() {
        RevocationStore s = store();
        String series = Ids.hash(Ids.Kind.SERIES, Ids.random());
        assertEquals(SeriesUse.UNKNOWN, s.useSeries(series, 0, NOW, GRACE), "not started");
        s.startSeries(series, NOW.plus(Duration.ofDays(30)));
        assertEquals(SeriesUse.ROTATED, s.useSeries(series, 0, NOW, GRACE));
        assertEquals(SeriesUse.GRACE, s.useSeries(series, 0, NOW.plusSeconds(30), GRACE), "the previous step, in the window");
        assertEquals(SeriesUse.ROTATED, s.useSeries(series, 1, NOW.plusSeconds(31), GRACE));
        assertEquals(SeriesUse.ROTATED, s.useSeries(series, 2, NOW.plusSeconds(40), GRACE));
        assertEquals(SeriesUse.REUSED, s.useSeries(series, 2, NOW.plusSeconds(71), GRACE), "the previous step after the window");
        assertEquals(SeriesUse.UNKNOWN, s.useSeries(series, 3, NOW.plusSeconds(72), GRACE), "reuse revoked the whole series");
    }

    @Test
    public void anOlderStepRevokesTheSeriesAtOnce() {
        RevocationStore s = store();
        String series = Ids.hash(Ids.Kind.SERIES, Ids.random());
        s.startSeries(series, NOW.plus(Duration.ofDays(30)));
        s.useSeries(series, 0, NOW, GRACE);
        s.useSeries(series, 1, NOW.plusSeconds(1), GRACE);
        assertEquals(SeriesUse.REUSED, s.useSeries(series, 0, NOW.plusSeconds(2), GRACE), "two steps back, within seconds");
        assertEquals(SeriesUse.UNKNOWN, s.useSeries(series, 2, NOW.plusSeconds(3), GRACE));
    }

    @Test
    public void aRevokedOrEndedSeriesIsUnknown() {
        RevocationStore s = store();
        String revoked = Ids.hash(Ids.Kind.SERIES, Ids.random());
        s.startSeries(revoked, NOW.plus(Duration.ofDays(30)));
        s.revoke(revoked, NOW.plus(Duration.ofDays(30)));
        assertEquals(SeriesUse.UNKNOWN, s.useSeries(revoked, 0, NOW, GRACE));
        String ended = Ids.hash(Ids.Kind.SERIES, Ids.random());
        s.startSeries(ended, NOW.plusSeconds(60));
        assertEquals(SeriesUse.UNKNOWN, s.useSeries(ended, 0, NOW.plusSeconds(60), GRACE));
    }

    @Test
    public void parallelUsesOfOneStepRotateItExactlyOnce() throws Exception {
        RevocationStore s = store();
        String series = Ids.hash(Ids.Kind.SERIES, Ids.random());
        s.startSeries(series, NOW.plus(Duration.ofDays(30)));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SeriesUse>> uses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<SeriesUse> use = () -> {
                    go.await();
                    return s.useSeries(series, 0, NOW, GRACE);
                };
                uses.add(pool.submit(use));
            }
            go.countDown();
            int rotated = 0;
            int grace = 0;
            for (Future<SeriesUse> f : uses) {
                SeriesUse u = f.get();
                rotated += u == SeriesUse.ROTATED ? 1 : 0;
                grace += u == SeriesUse.GRACE ? 1 : 0;
            }
            assertEquals(1, rotated, "one request moves the series on");
            assertEquals(threads - 1, grace, "the page's other requests pass in the grace window");
        } finally {
            pool.shutdownNow();
        }
    }
}
