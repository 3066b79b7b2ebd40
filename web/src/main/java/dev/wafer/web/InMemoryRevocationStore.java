package dev.wafer.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RevocationStore} in this JVM's memory: right for one server, and the default. With
 * several servers behind a load balancer, a session revoked on one is still accepted by the others:
 * use a shared store ({@code wafer-redis}). Entries past their time are dropped as new ones come in.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryRevocationStore implements RevocationStore {
    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    /** One remember-me series: its current step, when it last moved on, when it ends. */
    private static final class Series {
        long step;
        Instant rotatedAt;
        final Instant expiresAt;

        Series(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    /**
     * An empty store.
     *
     * @since 0.1
     */
    public InMemoryRevocationStore() {
    }

    @Override
    public void revoke(String idHash, Instant until) {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(until, "until");
        revoked.merge(idHash, until, (a, b) -> a.isAfter(b) ? a : b);
        series.remove(idHash);
        sweep(Instant.now());
    }

    @Override
    public boolean isRevoked(String idHash, Instant now) {
        Instant until = revoked.get(idHash);
        return until != null && now.isBefore(until);
    }

    @Override
    public long generation(String userHash) {
        return generations.getOrDefault(userHash, 0L);
    }

    @Override
    public long advanceGeneration(String userHash) {
        return generations.merge(userHash, 1L, Long::sum);
    }

    @Override
    public void startSeries(String seriesHash, Instant expiresAt) {
        series.put(seriesHash, new Series(expiresAt));
        sweep(Instant.now());
    }

    @Override
    public SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace) {
        Series s = series.get(seriesHash);
        if (s == null) {
            return SeriesUse.UNKNOWN;
        }
        synchronized (s) {
            if (!now.isBefore(s.expiresAt) || isRevoked(seriesHash, now) || series.get(seriesHash) != s) {
                return SeriesUse.UNKNOWN;
            }
            if (step == s.step) {
                s.step++;
                s.rotatedAt = now;
                return SeriesUse.ROTATED;
            }
            if (step == s.step - 1 && s.rotatedAt != null && !now.isAfter(s.rotatedAt.plus(grace))) {
                return SeriesUse.GRACE;
            }
            series.remove(seriesHash, s);
            revoked.merge(seriesHash, s.expiresAt, (a, b) -> a.isAfter(b) ? a : b);
            return SeriesUse.REUSED;
        }
    }

    private void sweep(Instant now) {
        if (writes.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        for (Iterator<Map.Entry<String, Instant>> it = revoked.entrySet().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().getValue())) {
                it.remove();
            }
        }
        series.values().removeIf(s -> !now.isBefore(s.expiresAt));
    }

    /**
     * Sizes only; never an id.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "InMemoryRevocationStore[revoked=" + revoked.size() + ", series=" + series.size() + ", users="
                + generations.size() + "]";
    }
}
