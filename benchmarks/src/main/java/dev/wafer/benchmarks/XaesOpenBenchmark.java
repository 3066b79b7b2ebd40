package dev.wafer.benchmarks;

import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.spi.support.DerivedKeyCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Open of XAES-256-GCM values as a reader meets them (issue 14): many values, many nonce prefixes,
 * in random order, through one shared {@link CookieSealer}.
 *
 * <p>{@code mix=servers}: {@value #VALUES} values sealed by {@value #SERVERS} sealer instances
 * (servers) over {@value #HOURS} simulated hours, with the rotation the writer does
 * (docs/format.md §1.3: one prefix per sealer, new after {@value #PREFIX_MAX_USES} values or an
 * hour; at {@value #SEALS_PER_SECOND} seals a second per server the hour comes first). Each value
 * gets a random server and a random second of the day; the values of one (server, hour) are sealed
 * by one sealer instance, so they share its prefix. {@code mix=distinct}: the worst case, every
 * value sealed by a sealer of its own, so every value has its own prefix, and
 * {@value #DISTINCT_PER_SLOT} times as many values as the reader's cache holds. Both are opened in
 * one random order, cycled. {@code mix=aes-ring} (diagnostic): {@value #VALUES} AES-256-GCM values in
 * the same kind of ring, to show what a ring this size costs any open (the floor cycles 16 values).
 * {@code mix=prefixes-N} (diagnostic, by hand): the {@value #VALUES} values sealed by N sealers,
 * each value by one chosen at random, so that the cost can be read against the number of prefixes
 * (keys) in rotation, everything else equal.
 * Setup prints the mix's prefix count and the hit rate of a
 * {@link DerivedKeyCache} of the engines' capacity replaying that order (first pass and steady
 * state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class XaesOpenBenchmark {
    static final int SERVERS = 16;
    static final int HOURS = 24;
    static final int VALUES = 4096;
    static final int SEALS_PER_SECOND = 10;
    static final int PREFIX_MAX_USES = 1 << 16;
    static final long PREFIX_MAX_SECONDS = 3600;
    static final int DISTINCT_PER_SLOT = 8;

    @Param({"jca", "tink", "bc"})
    public String provider;

    @Param({"servers", "distinct", "aes-ring", "prefixes-1", "prefixes-16", "prefixes-64", "prefixes-384"})
    public String mix;

    @Param({"256"})
    public int payload;

    private CookieSealer reader;
    private SealContext context;
    private String[] ring;

    @Setup
    public void setup() {
        SealingKeySet keys = SealingKeySet.generate(mix.equals("aes-ring") ? SealingAlgorithm.AES_256_GCM
                : SealingAlgorithm.XAES_256_GCM);
        context = SealContext.of(Fixtures.COOKIE);
        byte[] value = Fixtures.payload(payload);
        reader = builder(keys).build();
        Random random = new Random(14);
        List<String> values = new ArrayList<>();
        if (mix.equals("servers")) {
            for (int n : serverGroups(random)) {
                CookieSealer server = builder(keys).build();
                for (int i = 0; i < n; i++) {
                    values.add(server.seal(value, context, Duration.ofDays(2)));
                }
            }
        } else if (mix.startsWith("prefixes-")) {
            CookieSealer[] sealers = new CookieSealer[Integer.parseInt(mix.substring("prefixes-".length()))];
            for (int i = 0; i < sealers.length; i++) {
                sealers[i] = builder(keys).build();
            }
            for (int i = 0; i < VALUES; i++) {
                values.add(sealers[i < sealers.length ? i : random.nextInt(sealers.length)].seal(value, context,
                        Duration.ofDays(2)));
            }
        } else if (mix.equals("aes-ring")) {
            for (int i = 0; i < VALUES; i++) {
                values.add(reader.seal(value, context, Duration.ofDays(2)));
            }
        } else {
            for (int i = 0; i < DISTINCT_PER_SLOT * DerivedKeyCache.DEFAULT_CAPACITY; i++) {
                values.add(builder(keys).build().seal(value, context, Duration.ofDays(2)));
            }
        }
        ring = values.toArray(new String[0]);
        shuffle(ring, random);
        for (String s : ring) {
            if (!Arrays.equals(reader.open(s, context).bytes(), value)) {
                throw new IllegalStateException(provider + " does not open what it sealed");
            }
        }
        if (!mix.equals("aes-ring")) {
            report();
        }
    }

    /**
     * The mix's (server, hour) groups, in order of first appearance: how many of the
     * {@value #VALUES} values each sealer instance seals under its one prefix.
     */
    static List<Integer> serverGroups(Random random) {
        // A prefix serves at most 2^16 values or an hour, whichever ends first.
        long prefixSeconds = Math.min(PREFIX_MAX_SECONDS, PREFIX_MAX_USES / SEALS_PER_SECOND);
        Map<Long, Integer> groups = new LinkedHashMap<>();
        for (int i = 0; i < VALUES; i++) {
            int server = random.nextInt(SERVERS);
            long second = random.nextInt(HOURS * 3600);
            groups.merge(server * 1_000_000L + second / prefixSeconds, 1, Integer::sum);
        }
        return List.copyOf(groups.values());
    }

    /** One random order, cycled: the ring's length is a power of two. */
    private static <T> void shuffle(T[] ring, Random random) {
        for (int i = ring.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = ring[i];
            ring[i] = ring[j];
            ring[j] = t;
        }
    }

    /**
     * The mix {@code servers} without the cryptography, for the report: its prefix count, and the
     * hit rate of a {@link DerivedKeyCache} of the engines' capacity (and class) opening its values
     * in the benchmark's order, on the first pass and on the second (steady state). Each (server,
     * hour) group gets a random prefix, as a sealer instance draws one, and the order is the
     * benchmark's (the same seeded draws).
     *
     * @return {prefixes, first-pass hit rate, steady-state hit rate}
     */
    static double[] serversMixHitRates() {
        Random random = new Random(14);
        java.security.SecureRandom prefixes = new java.security.SecureRandom();
        List<byte[]> nonces = new ArrayList<>();
        List<Integer> groups = serverGroups(random);
        for (int n : groups) {
            byte[] prefix = new byte[12];
            prefixes.nextBytes(prefix);
            for (int i = 0; i < n; i++) {
                nonces.add(prefix);
            }
        }
        byte[][] ring = nonces.toArray(new byte[0][]);
        shuffle(ring, random);
        double[] rates = hitRates(ring);
        return new double[] {groups.size(), rates[0], rates[1]};
    }

    private CookieSealer.Builder builder(SealingKeySet keys) {
        return CookieSealer.builder(keys).engines(Wafer.engines(provider)).acceptAesGcmLimit();
    }

    /** The mix and the hit rate of the engines' cache on it, replayed on a cache of the same class and size. */
    private void report() {
        Base64.Decoder b64 = Base64.getUrlDecoder();
        byte[][] nonces = new byte[ring.length][];
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        for (int i = 0; i < ring.length; i++) {
            nonces[i] = Arrays.copyOfRange(b64.decode(ring[i]), 13, 13 + 24);
            prefixes.add(Arrays.toString(Arrays.copyOf(nonces[i], 12)));
        }
        double[] rates = hitRates(nonces);
        System.out.printf("%nmix=%s: %d values, %d prefixes; cache of %d: hit rate %.4f first pass, %.4f after%n", mix,
                ring.length, prefixes.size(), DerivedKeyCache.DEFAULT_CAPACITY, rates[0], rates[1]);
    }

    /** Hit rates of a cache of the engines' capacity over two passes of these nonces. */
    private static double[] hitRates(byte[][] nonces) {
        DerivedKeyCache<Object> cache = new DerivedKeyCache<>(12, DerivedKeyCache.DEFAULT_CAPACITY, (n, o) -> new Object(),
                k -> { });
        double[] rates = new double[2];
        for (int pass = 0; pass < 2; pass++) {
            long h0 = cache.hits();
            long m0 = cache.misses();
            for (byte[] n : nonces) {
                try {
                    cache.release(cache.acquire(n, 0), true);
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            long h = cache.hits() - h0;
            rates[pass] = (double) h / (h + cache.misses() - m0);
        }
        return rates;
    }

    /** The floor over a ring as long as the mix's: built only when this method runs (see {@link #floorSetup()}). */
    private javax.crypto.Cipher floorCipher;
    private javax.crypto.SecretKey floorKey;
    private String[] floorRing;

    /**
     * The floor of {@link FloorBenchmark#open()} (bare JDK AES-256-GCM, no AAD, one cipher), over
     * {@value #VALUES} values in random order instead of 16: what a ring of this size costs the bare
     * JDK, so that the mix's ratio can also be read against a floor that misses the CPU caches alike.
     */
    @Setup
    public void floorSetup() throws java.security.GeneralSecurityException {
        javax.crypto.KeyGenerator g = javax.crypto.KeyGenerator.getInstance("AES");
        g.init(256);
        floorKey = g.generateKey();
        floorCipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] value = Fixtures.payload(payload);
        floorRing = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            byte[] out = new byte[12 + value.length + 16];
            random.nextBytes(out);
            floorCipher.init(javax.crypto.Cipher.ENCRYPT_MODE, floorKey, new javax.crypto.spec.GCMParameterSpec(128, out, 0, 12));
            floorCipher.doFinal(value, 0, value.length, out, 12);
            floorRing[i] = Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        }
    }

    /** Each thread's place in the ring: not one shared counter that two threads would bounce between them. */
    @State(Scope.Thread)
    public static class Position {
        private int at;

        int next(int ringLength) {
            at = (at + 1) & (ringLength - 1);
            return at;
        }
    }

    /**
     * The bare floor over the ring; one thread only (its cipher is not shared safely).
     *
     * @param position this thread's place in the ring
     * @return the plaintext
     * @throws java.security.GeneralSecurityException never, on the JDK
     */
    @Benchmark
    public byte[] floorOpen(Position position) throws java.security.GeneralSecurityException {
        byte[] in = Base64.getUrlDecoder().decode(floorRing[position.next(VALUES)]);
        floorCipher.init(javax.crypto.Cipher.DECRYPT_MODE, floorKey, new javax.crypto.spec.GCMParameterSpec(128, in, 0, 12));
        return floorCipher.doFinal(in, 12, in.length - 12);
    }

    /**
     * One open through the shared reader; threads share its cache as servers' request threads do.
     *
     * @param position this thread's place in the ring
     * @return the opened value
     */
    @Benchmark
    public OpenedValue open(Position position) {
        return reader.open(ring[position.next(ring.length)], context);
    }
}
