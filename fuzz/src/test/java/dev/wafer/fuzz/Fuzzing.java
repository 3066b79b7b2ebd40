package dev.wafer.fuzz;

import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.WaferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * What every fuzz target shares: fixed keys and a fixed clock (so that the committed inputs stay
 * valid), the rule that only the documented {@link WaferException} may escape, and a bound on
 * the memory one input may allocate.
 */
final class Fuzzing {
    /** The clock of every target: the committed inputs expire years later. */
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final WaferEngines JCA = Wafer.engines("jca");

    /** The keys of docs/format.md's vectors 1 and 4: an XAES-256-GCM primary and an AES-256-GCM key. */
    static final SealingKeySet RING = SealingKeySet.of(
            SealingKey.of(SealingAlgorithm.XAES_256_GCM, "0a1b2c3d",
                    HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")),
            SealingKey.of(SealingAlgorithm.AES_256_GCM, "ffffffff",
                    HexFormat.of().parseHex("404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f")));

    /** Test-only signing keys, committed: an Ed25519 primary and an RS256 key of 2048 bits. */
    static final SigningKeySet SIGNING_KEYS = SigningKeySet.fromJwkSet(resource("test-signing-keys.jwks.json"));

    /**
     * The most one input may allocate: far above what any legitimate path needs, Jazzer's hooks
     * included (reading an RSA PEM takes 28 KB alone and 17 MB under Jazzer's sanitizer hooks), far
     * below a runaway. The heap limit of the fork (-Xmx2g) stops what slips past.
     */
    static long allocationBudget(int inputBytes) {
        return 64L * 1024 * 1024 + 1024L * inputBytes;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Fuzzing() {
    }

    static String resource(String name) {
        try (InputStream in = Fuzzing.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input as text, as a web framework would hand it over after decoding UTF-8 leniently. */
    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** An action of a fuzz target, which may throw only documented Wafer exceptions. */
    interface Action {
        void run();
    }

    /**
     * Runs an action on hostile input: it may succeed or throw one of the allowed Wafer exception
     * types; anything else (another Wafer exception, a JDK or Jackson exception, an error) escapes
     * and is a finding. It may not allocate more than {@link #allocationBudget(int)}.
     */
    @SafeVarargs
    static void expect(byte[] input, Action action, Class<? extends WaferException>... allowed) {
        long allocated = run(action, allowed);
        if (allocated > allocationBudget(input.length)) {
            // The first run of a path pays for class loading and initialisation: only a second run
            // over budget is a runaway.
            allocated = run(action, allowed);
            if (allocated > allocationBudget(input.length)) {
                throw new AssertionError("runaway allocation: " + allocated + " bytes for an input of " + input.length);
            }
        }
    }

    @SafeVarargs
    private static long run(Action action, Class<? extends WaferException>... allowed) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            action.run();
        } catch (WaferException e) {
            boolean ok = false;
            for (Class<? extends WaferException> a : allowed) {
                ok |= a.isInstance(e);
            }
            if (!ok) {
                throw new AssertionError("undocumented " + e.getClass().getName() + ": " + e.getMessage(), e);
            }
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
