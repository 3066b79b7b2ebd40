package dev.wafer.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionStore} in this JVM's memory: sessions larger than a cookie on one server. Its
 * data is lost when the server stops, and other servers do not see it: with several servers, use
 * a shared store ({@code wafer-redis}). Data past its time is dropped as new data comes in.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class InMemorySessionStore implements SessionStore {
    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final Map<String, Entry> data = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    /** One session's data and when it may be forgotten. */
    private static final class Entry {
        final byte[] bytes;
        final Instant expiresAt;

        Entry(byte[] bytes, Instant expiresAt) {
            this.bytes = bytes;
            this.expiresAt = expiresAt;
        }
    }

    /**
     * An empty store on the system clock.
     *
     * @since 0.1
     */
    public InMemorySessionStore() {
        this(Clock.systemUTC());
    }

    /**
     * An empty store whose data expires by a clock: the one given to {@code WebSessions}.
     *
     * @param clock the clock
     * @since 0.1
     */
    public InMemorySessionStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public byte[] load(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        Entry e = data.get(idHash);
        if (e == null) {
            return null;
        }
        if (!clock.instant().isBefore(e.expiresAt)) {
            data.remove(idHash, e);
            return null;
        }
        return e.bytes.clone();
    }

    @Override
    public void save(String idHash, byte[] bytes, Instant expiresAt) {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(expiresAt, "expiresAt");
        data.put(idHash, new Entry(bytes.clone(), expiresAt));
        sweep();
    }

    @Override
    public void touch(String idHash, Instant expiresAt) {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        data.computeIfPresent(idHash, (k, e) -> now.isBefore(e.expiresAt) ? new Entry(e.bytes, expiresAt) : null);
    }

    @Override
    public void delete(String idHash) {
        data.remove(Objects.requireNonNull(idHash, "idHash"));
    }

    private void sweep() {
        if (writes.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        Instant now = clock.instant();
        data.values().removeIf(e -> !now.isBefore(e.expiresAt));
    }

    /**
     * The number of sessions; never an id or data.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "InMemorySessionStore[sessions=" + data.size() + "]";
    }
}
