package dev.wafer.benchmarks;

import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Wafer's {@link CookieSealer}: seal and open one value, per provider, algorithm and payload size.
 *
 * <p>One sealer per trial, shared by every benchmark thread, as a web application shares it; open cycles
 * through {@link Fixtures#RING} values sealed in setup (see {@link Cursor}). The
 * annotation lists every value; {@link Report} passes only the providers installed and the algorithms
 * each supports, so a missing provider is left out rather than failed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SealBenchmark {

    @Param({"jca", "bc", "tink", "accp"})
    public String provider;

    @Param({"AES_256_GCM", "XAES_256_GCM", "AES_256_GCM_SIV"})
    public String algorithm;

    @Param({"64", "256", "1024", "3000"})
    public int payload;

    private CookieSealer sealer;
    private SealContext context;
    private byte[] value;
    private String[] sealed;

    @Setup
    public void setup() {
        sealer = CookieSealer.builder(SealingKeySet.generate(SealingAlgorithm.valueOf(algorithm)))
                .engines(Wafer.engines(provider)).acceptAesGcmLimit().build();
        context = SealContext.of(Fixtures.COOKIE);
        value = Fixtures.payload(payload);
        sealed = new String[Fixtures.RING];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = sealOnFreshThread();
            if (!Arrays.equals(sealer.open(sealed[i], context).bytes(), value)) {
                throw new IllegalStateException(provider + " " + algorithm + " does not open what it sealed");
            }
        }
    }

    /**
     * Seals on a thread of its own. Until issue 14 that gave each XAES value its own nonce prefix;
     * a sealer's threads now share one (docs/format.md §1.3), so XAES open here meets a single
     * prefix, which the reader's derived-key cache holds: its best case. {@link XaesOpenBenchmark}
     * measures the realistic mix of prefixes and the worst case.
     */
    private String sealOnFreshThread() {
        String[] out = new String[1];
        Thread t = new Thread(() -> out[0] = sealer.seal(value, context, Fixtures.SEAL_TTL));
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (out[0] == null) {
            throw new IllegalStateException(provider + " " + algorithm + " failed to seal");
        }
        return out[0];
    }

    @Benchmark
    public String seal() {
        return sealer.seal(value, context, Fixtures.SEAL_TTL);
    }

    @Benchmark
    public OpenedValue open(Cursor cursor) {
        return sealer.open(sealed[cursor.next()], context);
    }
}
