package dev.wafer.benchmarks;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
 * What drawing a fresh nonce costs, the largest single item of the floor's seal, per source of
 * randomness: {@code shared}, one {@code new SecureRandom()} for every thread (what Wafer's api does
 * today); {@code thread}, one {@code new SecureRandom()} per thread (the floor); {@code drbg-thread},
 * one {@code SecureRandom.getInstance("DRBG")} per thread; {@code thread-buffered}, one
 * {@code new SecureRandom()} per thread filling a {@value #BUFFER_BYTES}-byte buffer that is handed out
 * in slices, each slice used once (the same bytes, fewer calls). All are the JDK's CSPRNGs; on Linux
 * the default is NativePRNG, which reads /dev/urandom under a lock that all its instances share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NonceBenchmark {
    private static final SecureRandom SHARED = new SecureRandom();
    static final int BUFFER_BYTES = 1024;

    @Param({"shared", "thread", "drbg-thread", "thread-buffered"})
    public String source;

    @Param({"12", "24"})
    public int bytes;

    private SecureRandom random;
    private byte[] buffer;
    private int used;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        switch (source) {
            case "shared":
                random = SHARED;
                break;
            case "thread":
                random = new SecureRandom();
                break;
            case "drbg-thread":
                random = SecureRandom.getInstance("DRBG");
                break;
            case "thread-buffered":
                random = new SecureRandom();
                buffer = new byte[BUFFER_BYTES];
                used = BUFFER_BYTES;
                break;
            default:
                throw new IllegalArgumentException("no such source: " + source);
        }
    }

    @Benchmark
    public byte[] draw() {
        byte[] nonce = new byte[bytes];
        if (buffer == null) {
            random.nextBytes(nonce);
            return nonce;
        }
        if (used + bytes > BUFFER_BYTES) {
            random.nextBytes(buffer);
            used = 0;
        }
        System.arraycopy(buffer, used, nonce, 0, bytes);
        used += bytes;
        return nonce;
    }
}
