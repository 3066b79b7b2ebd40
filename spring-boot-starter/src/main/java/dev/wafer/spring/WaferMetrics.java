package dev.wafer.spring;

import dev.wafer.CookieSealer;
import dev.wafer.ExpiredValueException;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.UnknownKeyIdException;
import dev.wafer.ValueTooLargeException;
import dev.wafer.web.RevocationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wafer's Micrometer meters: seals (by cookie purpose: a {@code session} seal is a session
 * cookie reissue), opens, rejections by cause, CSRF refusals by reason, and revocation-store calls
 * with their latency and outcome.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code wafer.seals}</td><td>counter</td><td>{@code purpose}</td></tr>
 * <tr><td>{@code wafer.opens}</td><td>counter</td><td>{@code purpose}, {@code outcome}
 *     ({@code ok}, {@code expired}, {@code unknown-key}, {@code invalid})</td></tr>
 * <tr><td>{@code wafer.csrf.rejections}</td><td>counter</td><td>{@code reason}</td></tr>
 * <tr><td>{@code wafer.revocation.calls}</td><td>timer</td><td>{@code operation},
 *     {@code outcome} ({@code ok}, {@code error})</td></tr>
 * </table>
 *
 * <p>No tag ever holds a value, a key id chosen by a client, or anything else from a request: a
 * client cannot grow the number of meters.
 *
 * @since 0.1
 */
public final class WaferMetrics {
    private final MeterRegistry registry;

    /**
     * Meters in a registry.
     *
     * @param registry the registry
     * @since 0.1
     */
    public WaferMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * A sealer that counts what it does, around another.
     *
     * @param sealer the sealer
     * @return the metered sealer
     * @since 0.1
     */
    public CookieSealer meter(CookieSealer sealer) {
        return new MeteredSealer(Objects.requireNonNull(sealer, "sealer"));
    }

    /**
     * A revocation store whose calls are timed, around another.
     *
     * @param store the store
     * @return the metered store
     * @since 0.1
     */
    public RevocationStore meter(RevocationStore store) {
        return new MeteredStore(Objects.requireNonNull(store, "store"));
    }

    /**
     * Counts a request refused by the CSRF check.
     *
     * @param reason the typed reason
     * @since 0.1
     */
    public void csrfRejected(String reason) {
        Counter.builder("wafer.csrf.rejections").description("Requests refused by the CSRF check")
                .tag("reason", reason).register(registry).increment();
    }

    private static String outcome(RuntimeException e) {
        if (e instanceof ExpiredValueException) {
            return "expired";
        }
        if (e instanceof UnknownKeyIdException) {
            return "unknown-key";
        }
        if (e instanceof ValueTooLargeException) {
            return "too-large";
        }
        return e instanceof InvalidSealedValueException ? "invalid" : "error";
    }

    /** Purposes are the application's own cookie specs, never a client's input. */
    private static String purpose(SealContext context) {
        return context.purpose();
    }

    private final class MeteredSealer implements CookieSealer {
        private final CookieSealer sealer;

        MeteredSealer(CookieSealer sealer) {
            this.sealer = sealer;
        }

        private <T> T sealed(SealContext context, Supplier<T> seal) {
            T out = seal.get();
            Counter.builder("wafer.seals").description("Values sealed (a 'session' seal is a session cookie reissue)")
                    .tag("purpose", purpose(context)).register(registry).increment();
            return out;
        }

        @Override
        public String seal(String value, SealContext context) {
            return sealed(context, () -> sealer.seal(value, context));
        }

        @Override
        public String seal(String value, SealContext context, Duration lifetime) {
            return sealed(context, () -> sealer.seal(value, context, lifetime));
        }

        @Override
        public String seal(byte[] value, SealContext context) {
            return sealed(context, () -> sealer.seal(value, context));
        }

        @Override
        public String seal(byte[] value, SealContext context, Duration lifetime) {
            return sealed(context, () -> sealer.seal(value, context, lifetime));
        }

        @Override
        public OpenedValue open(String sealed, SealContext context) {
            String outcome = "ok";
            try {
                return sealer.open(sealed, context);
            } catch (RuntimeException e) {
                outcome = outcome(e);
                throw e;
            } finally {
                Counter.builder("wafer.opens").description("Sealed values opened, by outcome")
                        .tag("purpose", purpose(context)).tag("outcome", outcome).register(registry).increment();
            }
        }

        @Override
        public CookieSealer withKeys(SealingKeySet keys) {
            return new MeteredSealer(sealer.withKeys(keys));
        }

        @Override
        public SealingKeySet keys() {
            return sealer.keys();
        }

        @Override
        public int maxCookieBytes() {
            return sealer.maxCookieBytes();
        }

        @Override
        public String toString() {
            return "Metered" + sealer;
        }
    }

    private final class MeteredStore implements RevocationStore {
        private final RevocationStore store;

        MeteredStore(RevocationStore store) {
            this.store = store;
        }

        private <T> T timed(String operation, Supplier<T> call) {
            long start = System.nanoTime();
            String outcome = "ok";
            try {
                return call.get();
            } catch (RuntimeException e) {
                outcome = "error";
                throw e;
            } finally {
                Timer.builder("wafer.revocation.calls").description("Revocation store calls and their latency")
                        .tag("operation", operation).tag("outcome", outcome).register(registry)
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void revoke(String idHash, Instant until) {
            timed("revoke", () -> {
                store.revoke(idHash, until);
                return null;
            });
        }

        @Override
        public boolean isRevoked(String idHash, Instant now) {
            return timed("is-revoked", () -> store.isRevoked(idHash, now));
        }

        @Override
        public long generation(String userHash) {
            return timed("generation", () -> store.generation(userHash));
        }

        @Override
        public long currentGeneration(String userHash) {
            return timed("current-generation", () -> store.currentGeneration(userHash));
        }

        @Override
        public long advanceGeneration(String userHash) {
            return timed("advance-generation", () -> store.advanceGeneration(userHash));
        }

        @Override
        public void startSeries(String seriesHash, Instant expiresAt) {
            timed("start-series", () -> {
                store.startSeries(seriesHash, expiresAt);
                return null;
            });
        }

        @Override
        public SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace) {
            return timed("use-series", () -> store.useSeries(seriesHash, step, now, grace));
        }

        @Override
        public String toString() {
            return "Metered" + store;
        }
    }
}
