package dev.wafer.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis commands with a hard deadline: no caller waits longer than the command timeout, whatever
 * Lettuce does. After a command times out, every call fails at once (the circuit is open) until a
 * background PING is answered, so that a request making several calls waits one timeout, not
 * several, while Redis hangs. Reconnection is Lettuce's own.
 */
final class Commands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    private static final long PROBE_EVERY_MILLIS = 50;

    /** A call that Redis did not answer; the stores translate it into their own exception. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }

    final RedisClusterAsyncCommands<String, byte[]> async;
    private final long timeoutNanos;
    private final long timeoutMillis;
    private final AtomicBoolean open = new AtomicBoolean();
    private volatile long openedAtNanos;
    private final ScheduledExecutorService prober;

    Commands(RedisClusterAsyncCommands<String, byte[]> async, long timeoutNanos) {
        this.async = async;
        this.timeoutNanos = timeoutNanos;
        this.timeoutMillis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wafer-redis-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether calls fail at once because a command timed out and Redis has not answered since. */
    boolean failingFast() {
        return open.get();
    }

    /** Runs one command and waits for its answer until the deadline at most. */
    <T> T call(Supplier<RedisFuture<T>> command, String what) {
        return call(command, what, System.nanoTime() + timeoutNanos);
    }

    private <T> T call(Supplier<RedisFuture<T>> command, String what, long deadline) {
        if (open.get()) {
            throw new Unavailable("Redis did not answer within " + timeoutMillis + " ms a moment ago, and has not "
                    + "answered since: " + what + " fails at once until it does", null);
        }
        RedisFuture<T> f;
        try {
            f = command.get();
        } catch (RuntimeException e) {
            throw new Unavailable("Redis refused " + what + ": " + e.getMessage(), e);
        }
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            trip();
            throw new Unavailable("Redis did not answer " + what + " within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for Redis to answer " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RedisCommandTimeoutException) {
                trip();
            }
            if (cause instanceof RedisNoScriptException) {
                throw (RedisNoScriptException) cause;
            }
            throw new Unavailable("Redis did not answer " + what + ": " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            throw new Unavailable("Redis did not answer " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a script by its SHA-1, and by its source if this Redis does not know it yet (a new or
     * restarted server), all within one deadline.
     */
    Long eval(Script script, String what, String[] keys, byte[]... args) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            return call(() -> async.evalsha(script.sha1, ScriptOutputType.INTEGER, keys, args), what, deadline);
        } catch (RedisNoScriptException e) {
            try {
                return call(() -> async.eval(script.source, ScriptOutputType.INTEGER, keys, args), what, deadline);
            } catch (RedisNoScriptException again) {
                throw new Unavailable("Redis did not run the script for " + what, again);
            }
        }
    }

    /** Opens the circuit, once, and probes Redis until it answers. */
    private void trip() {
        if (open.compareAndSet(false, true)) {
            openedAtNanos = System.nanoTime();
            LOG.warn("Redis did not answer within {} ms: failing at once until it answers a PING", timeoutMillis);
            try {
                prober.schedule(this::probe, PROBE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                open.set(false); // closed: nothing left to probe
            }
        }
    }

    private void probe() {
        boolean answered;
        try {
            RedisFuture<String> ping = async.ping();
            try {
                answered = "PONG".equals(ping.get(timeoutNanos, TimeUnit.NANOSECONDS));
            } finally {
                ping.cancel(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            answered = false;
        }
        if (answered) {
            open.set(false);
            LOG.info("Redis answers again after {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAtNanos));
        } else {
            try {
                prober.schedule(this::probe, PROBE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                // shut down
            }
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
