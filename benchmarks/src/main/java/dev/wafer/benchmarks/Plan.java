package dev.wafer.benchmarks;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one invocation of {@link Report} runs: a list of JMH runs, each one benchmark class's methods
 * over a set of parameter values and a thread count.
 *
 * <p>Parameters are filtered here, on the runner's side, rather than skipped in {@code @Setup}: a
 * provider that is not installed, or an algorithm a provider does not support, is never asked for.
 */
final class Plan {
    static final List<String> SEAL_ALGORITHMS =
            List.of(SealingAlgorithm.AES_256_GCM.name(), SealingAlgorithm.XAES_256_GCM.name(), SealingAlgorithm.AES_256_GCM_SIV.name());
    static final List<String> SIGN_ALGORITHMS =
            List.of(SigningAlgorithm.ED25519.name(), SigningAlgorithm.RS256.name(), SigningAlgorithm.PS256.name());
    static final List<String> PAYLOADS = List.of("64", "256", "1024", "3000");
    static final List<String> PEER_SIGN_ALGORITHMS = List.of(SigningAlgorithm.ED25519.name(), SigningAlgorithm.RS256.name());
    /** The payload of the targets, the chart and the two-thread runs. */
    static final String TARGET_PAYLOAD = "256";

    /** One JMH run. */
    record Group(Class<?> benchmark, List<String> methods, Map<String, List<String>> params, int threads,
                 boolean singleShot) {
        Group {
            methods = List.copyOf(methods);
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** JMH's include pattern: exactly these methods of this class. */
        String include() {
            return "^" + Pattern.quote(benchmark.getName()) + "\\.(" + String.join("|", methods) + ")$";
        }

        /** How many JMH cases (method × parameter combination) this run has. */
        int cases() {
            int n = methods.size();
            for (List<String> values : params.values()) {
                n *= values.size();
            }
            return n;
        }

        @Override
        public String toString() {
            return benchmark.getSimpleName() + "." + (methods.size() == 1 ? methods.get(0) : "{" + String.join(",", methods) + "}")
                    + (params.isEmpty() ? "" : " " + params) + (threads > 1 ? " threads=" + threads : "")
                    + (singleShot ? " single-shot" : "") + ": " + cases() + " case(s)";
        }
    }

    /** The provider that serves signatures, not sealing, when installed (docs/providers.md). */
    private static final String ACCP = "accp";

    private Plan() {
    }

    /**
     * The runs for these providers (name → algorithms supported), in the order they are made: one thread,
     * then two threads, then cold start. In smoke mode every method runs with one parameter
     * combination (every provider still takes part, with the cheapest algorithm).
     */
    static List<Group> of(Map<String, Set<Algorithm>> providers, boolean smoke) {
        List<Group> plan = new ArrayList<>();
        List<String> sealSign = List.of("seal", "open");
        List<String> signVerify = List.of("sign", "verify");

        // One thread: the whole matrix.
        plan.add(group(FloorBenchmark.class, sealSign, Map.of("payload", PAYLOADS), 1, smoke));
        plan.add(group(FloorBenchmark.class, List.of("sealWithAad", "openWithAad"), Map.of("payload", List.of(TARGET_PAYLOAD)),
                1, smoke));
        providers.forEach((name, algs) -> {
            List<String> seal = supported(SEAL_ALGORITHMS, algs);
            if (!seal.isEmpty()) {
                // accp signs, and seals only to check its priority there: the 256-byte payload, and
                // no two-thread sealing or tokens on it, keep a full run under an hour.
                plan.add(group(SealBenchmark.class, sealSign, params("provider", List.of(name), "algorithm", seal,
                        "payload", name.equals(ACCP) ? List.of(TARGET_PAYLOAD) : PAYLOADS), 1, smoke));
            }
        });
        // Issue 14: XAES-256-GCM open on the realistic mix on every XAES engine, and the worst case on
        // the default one (jca: the others share its cache); the AES-256-GCM ring of the same size and
        // the floor over it, once, as diagnostics.
        List<String> xaes = new ArrayList<>();
        providers.forEach((name, algs) -> {
            if (algs.contains(SealingAlgorithm.XAES_256_GCM)) {
                plan.add(group(XaesOpenBenchmark.class, List.of("open"), params("provider", List.of(name), "mix",
                        xaes.isEmpty() ? List.of("servers", "distinct") : List.of("servers"), "payload",
                        List.of(TARGET_PAYLOAD)), 1, smoke));
                xaes.add(name);
            }
        });
        if (!xaes.isEmpty()) {
            plan.add(group(XaesOpenBenchmark.class, List.of("open"), params("provider", List.of(xaes.get(0)), "mix",
                    List.of("aes-ring"), "payload", List.of(TARGET_PAYLOAD)), 1, smoke));
            plan.add(group(XaesOpenBenchmark.class, List.of("floorOpen"), params("provider", List.of(xaes.get(0)), "mix",
                    List.of("servers"), "payload", List.of(TARGET_PAYLOAD)), 1, smoke));
        }
        plan.add(group(NimbusJweBenchmark.class, sealSign, Map.of("payload", PAYLOADS), 1, smoke));
        plan.add(group(JjwtJweBenchmark.class, sealSign, Map.of("payload", PAYLOADS), 1, smoke));
        providers.forEach((name, algs) -> {
            List<String> sign = supported(SIGN_ALGORITHMS, algs);
            if (!sign.isEmpty()) {
                plan.add(group(TokenBenchmark.class, signVerify, params("provider", List.of(name), "algorithm", sign),
                        1, smoke));
            }
        });
        plan.add(group(SignaturePrimitiveBenchmark.class, signVerify,
                params("engine", List.of("jdk", "bc", "accp"), "algorithm", SIGN_ALGORITHMS), 1, smoke));
        plan.add(group(NimbusJwsBenchmark.class, signVerify, Map.of("algorithm", PEER_SIGN_ALGORITHMS), 1, smoke));
        plan.add(group(JjwtJwsBenchmark.class, signVerify, Map.of("algorithm", PEER_SIGN_ALGORITHMS), 1, smoke));

        plan.add(group(NonceBenchmark.class, List.of("draw"),
                params("source", List.of("shared", "thread", "drbg-thread", "thread-buffered"), "bytes", List.of("12", "24")), 1, smoke));

        // Two threads: the same seal and token cases on the 256-byte payload, with the floor, the bare
        // Ed25519 primitives and the nonce sources to show what the machine and the JDK scale to.
        List<Group> twoThreads = new ArrayList<>();
        twoThreads.add(group(FloorBenchmark.class, sealSign, Map.of("payload", List.of(TARGET_PAYLOAD)), 2, smoke));
        providers.forEach((name, algs) -> {
            List<String> seal = supported(SEAL_ALGORITHMS, algs);
            if (!seal.isEmpty() && !name.equals(ACCP)) {
                twoThreads.add(group(SealBenchmark.class, sealSign, params("provider", List.of(name), "algorithm", seal,
                        "payload", List.of(TARGET_PAYLOAD)), 2, smoke));
            }
            List<String> sign = supported(SIGN_ALGORITHMS, algs);
            if (!sign.isEmpty() && !name.equals(ACCP)) { // its bare primitive's scaling is below
                twoThreads.add(group(TokenBenchmark.class, signVerify, params("provider", List.of(name), "algorithm", sign),
                        2, smoke));
            }
        });
        if (!xaes.isEmpty()) { // the shared cache of derived keys under two threads
            twoThreads.add(group(XaesOpenBenchmark.class, List.of("open"), params("provider", List.of(xaes.get(0)),
                    "mix", List.of("servers"), "payload", List.of(TARGET_PAYLOAD)), 2, smoke));
        }
        twoThreads.add(group(SignaturePrimitiveBenchmark.class, signVerify,
                params("engine", List.of("jdk", "bc", "accp"), "algorithm", List.of(SigningAlgorithm.ED25519.name())), 2, smoke));
        twoThreads.add(group(NonceBenchmark.class, List.of("draw"),
                params("source", List.of("shared", "thread", "drbg-thread", "thread-buffered"), "bytes", List.of("12")), 2, smoke));
        if (smoke) {
            plan.add(twoThreads.get(1 < twoThreads.size() ? 1 : 0)); // one two-thread run keeps the path alive
        } else {
            plan.addAll(twoThreads);
        }

        List<String> coldProviders = new ArrayList<>();
        coldProviders.add(ColdStartBenchmark.AUTO);
        coldProviders.addAll(providers.keySet());
        plan.add(new Group(ColdStartBenchmark.class, List.of("firstSeal", "firstToken"),
                Map.of("provider", coldProviders), 1, true));
        return plan;
    }

    /**
     * What {@code --also-jvm} runs on the second JDK: the cases of issue 14's targets, for their
     * column. The floor (with and without the AAD), jca's AES-256-GCM and XAES-256-GCM at 256 B,
     * XAES open on the mix, and the JWT sign targets (accp against its bare primitive, and the
     * other engines' Ed25519).
     */
    static List<Group> secondJdk(Map<String, Set<Algorithm>> providers, boolean smoke) {
        List<Group> plan = new ArrayList<>();
        List<String> p256 = List.of(TARGET_PAYLOAD);
        plan.add(group(FloorBenchmark.class, List.of("seal", "open", "sealWithAad", "openWithAad"), Map.of("payload", p256),
                1, smoke));
        String jca = "jca";
        if (providers.containsKey(jca)) {
            plan.add(group(SealBenchmark.class, List.of("seal", "open"), params("provider", List.of(jca), "algorithm",
                    List.of(SealingAlgorithm.AES_256_GCM.name(), SealingAlgorithm.XAES_256_GCM.name()), "payload", p256),
                    1, smoke));
            plan.add(group(XaesOpenBenchmark.class, List.of("open"), params("provider", List.of(jca), "mix",
                    List.of("servers"), "payload", p256), 1, smoke));
        }
        providers.forEach((name, algs) -> {
            List<String> sign = name.equals(ACCP) ? supported(SIGN_ALGORITHMS, algs)
                    : supported(List.of(SigningAlgorithm.ED25519.name()), algs);
            if (!sign.isEmpty()) {
                plan.add(group(TokenBenchmark.class, List.of("sign"), params("provider", List.of(name), "algorithm", sign),
                        1, smoke));
            }
        });
        if (providers.containsKey(ACCP)) {
            plan.add(group(SignaturePrimitiveBenchmark.class, List.of("sign"), params("engine", List.of(ACCP), "algorithm",
                    SIGN_ALGORITHMS), 1, smoke));
        }
        return plan;
    }

    /** Keeps only the runs whose benchmark class's simple name matches {@code regex} (found anywhere). */
    static List<Group> only(List<Group> plan, String regex) {
        Pattern p = Pattern.compile(regex);
        return plan.stream().filter(g -> p.matcher(g.benchmark().getSimpleName()).find()).collect(Collectors.toList());
    }

    private static Group group(Class<?> benchmark, List<String> methods, Map<String, List<String>> params, int threads,
                               boolean smoke) {
        if (!smoke) {
            return new Group(benchmark, methods, params, threads, false);
        }
        Map<String, List<String>> one = new LinkedHashMap<>();
        params.forEach((k, v) -> one.put(k, k.equals("provider") || k.equals("engine") || k.equals("source") ? v : List.of(cheapest(v))));
        return new Group(benchmark, methods, one, threads, false);
    }

    /** The cheapest value to run once: Ed25519 rather than RSA (no 2048-bit key to generate), 256 bytes. */
    private static String cheapest(List<String> values) {
        for (String preferred : List.of(SigningAlgorithm.ED25519.name(), SealingAlgorithm.AES_256_GCM.name(), TARGET_PAYLOAD)) {
            if (values.contains(preferred)) {
                return preferred;
            }
        }
        return values.get(0);
    }

    private static List<String> supported(List<String> wanted, Set<Algorithm> algs) {
        return wanted.stream().filter(a -> algs.contains(algorithm(a))).collect(Collectors.toList());
    }

    private static Map<String, List<String>> params(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) kv[i + 1];
            m.put((String) kv[i], values);
        }
        return m;
    }

    static String describe(List<Group> plan) {
        return plan.stream().map(g -> "  " + g).collect(Collectors.joining("\n"));
    }

    /** The algorithm of an enum constant's name, sealing or signing. */
    static Algorithm algorithm(String enumName) {
        for (Algorithm a : Algorithm.all()) {
            if (((Enum<?>) a).name().equals(enumName)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no algorithm " + enumName);
    }
}
