package dev.wafer.benchmarks;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cold start: in a fresh JVM (one fork per sample, one shot per fork), from nothing to the first sealed
 * value or the first signed token: provider discovery through {@code ServiceLoader} and its self-tests,
 * class loading, key generation, building the sealer or signer (the signer's pairwise test included),
 * and the first call, all in the interpreter.
 *
 * <p>{@code auto} is {@code Wafer.engines()}: every installed provider is loaded and the best engine
 * per algorithm is chosen; a name is {@code Wafer.engines(name)}. Nothing of Wafer is touched before
 * the measured call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdStartBenchmark {
    static final String AUTO = "auto";

    @Param({AUTO, "jca", "bc", "tink"})
    public String provider;

    private WaferEngines engines() {
        return provider.equals(AUTO) ? Wafer.engines() : Wafer.engines(provider);
    }

    @Benchmark
    public String firstSeal() {
        return CookieSealer.builder(SealingKeySet.generate()).engines(engines()).build()
                .seal("first value", SealContext.of(Fixtures.COOKIE));
    }

    @Benchmark
    public String firstToken() {
        return TokenSigner.builder(SigningKeySet.generate()).engines(engines()).issuer(Fixtures.ISSUER).build()
                .sign(Claims.builder().subject(Fixtures.SUBJECT).audience(Fixtures.AUDIENCE).build());
    }
}
