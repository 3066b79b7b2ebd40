package dev.wafer.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The measurements of one run, with the look-ups the report and the chart make. */
final class Results {
    static final String FLOOR = "FloorBenchmark";
    static final String SEAL = "SealBenchmark";
    static final String NIMBUS_JWE = "NimbusJweBenchmark";
    static final String JJWT_JWE = "JjwtJweBenchmark";
    static final String TOKEN = "TokenBenchmark";
    static final String PRIMITIVE = "SignaturePrimitiveBenchmark";
    static final String NIMBUS_JWS = "NimbusJwsBenchmark";
    static final String JJWT_JWS = "JjwtJwsBenchmark";
    static final String COLD = "ColdStartBenchmark";
    static final String NONCE = "NonceBenchmark";
    static final String XAES_OPEN = "XaesOpenBenchmark";

    private final List<Measurement> all;
    private final List<String> providers;
    private final String jdk;

    Results(List<Measurement> all, List<String> providers) {
        this(all, providers, "JDK " + Runtime.version().feature());
    }

    Results(List<Measurement> all, List<String> providers, String jdk) {
        this.all = List.copyOf(all);
        this.providers = List.copyOf(providers);
        this.jdk = jdk;
    }

    /** The JDK the forks ran on, as a column heading: "JDK 17". */
    String jdk() {
        return jdk;
    }

    Optional<Measurement> xaesOpen(String provider, String mix, int threads) {
        return find(XAES_OPEN, "open", threads, "provider", provider, "mix", mix, "payload", Plan.TARGET_PAYLOAD);
    }

    List<Measurement> all() {
        return all;
    }

    /** Installed providers, in report order. */
    List<String> providers() {
        return providers;
    }

    Optional<Measurement> find(String benchmarkClass, String method, int threads, String... nameValues) {
        String b = benchmarkClass + "." + method;
        return all.stream().filter(m -> m.is(b, threads, nameValues)).findFirst();
    }

    Optional<Measurement> floor(String op, String payload, int threads) {
        return find(FLOOR, op, threads, "payload", payload);
    }

    Optional<Measurement> seal(String op, String provider, String algorithm, String payload, int threads) {
        return find(SEAL, op, threads, "provider", provider, "algorithm", algorithm, "payload", payload);
    }

    /** The provider with the lowest median for this sealing case, on one thread. */
    Optional<Measurement> fastestSeal(String op, String algorithm, String payload) {
        return providers.stream().map(p -> seal(op, p, algorithm, payload, 1)).flatMap(Optional::stream)
                .min(Comparator.comparingDouble(Measurement::medianNs));
    }

    Optional<Measurement> token(String op, String provider, String algorithm, int threads) {
        return find(TOKEN, op, threads, "provider", provider, "algorithm", algorithm);
    }

    Optional<Measurement> fastestToken(String op, String algorithm) {
        return providers.stream().map(p -> token(op, p, algorithm, 1)).flatMap(Optional::stream)
                .min(Comparator.comparingDouble(Measurement::medianNs));
    }

    Optional<Measurement> primitive(String op, String engine, String algorithm, int threads) {
        return find(PRIMITIVE, op, threads, "engine", engine, "algorithm", algorithm);
    }

    /** The faster of the JDK's and BouncyCastle's bare primitive, on one thread. */
    Optional<Measurement> fastestPrimitive(String op, String algorithm) {
        return List.of("jdk", "bc").stream().map(e -> primitive(op, e, algorithm, 1)).flatMap(Optional::stream)
                .min(Comparator.comparingDouble(Measurement::medianNs));
    }

    Optional<Measurement> cold(String method, String provider) {
        return find(COLD, method, 1, "provider", provider);
    }
}
