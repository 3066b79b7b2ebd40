package dev.wafer.benchmarks;

import dev.wafer.Algorithm;
import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeyring;
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

    @Param({"jca", "bc", "tink"})
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
        sealer = Wafer.provider(provider).sealer(SealingKeyring.generate(Algorithm.valueOf(algorithm))).build();
        context = SealContext.of(Fixtures.COOKIE);
        value = Fixtures.payload(payload);
        sealed = new String[Fixtures.RING];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = sealer.seal(value, context, Fixtures.SEAL_TTL);
            if (!Arrays.equals(sealer.open(sealed[i], context).bytes(), value)) {
                throw new IllegalStateException(provider + " " + algorithm + " does not open what it sealed");
            }
        }
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
