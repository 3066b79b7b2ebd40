package dev.wafer.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.SealedFormat;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sealers, signers, verifiers and provider discovery under concurrency, as every provider must
 * behave (SLF4J's MultithreadedInitializationTest is the model for the discovery test).
 *
 * <p>The nonce test seals ten million values in all, from at least four threads (25 to 65 s for
 * the JDK provider on two busy cores). The system property {@value #VALUES_PROPERTY} changes the count
 * (for example {@code -Dwafer.concurrency.values=100000} for a quick run, as the mutation profile
 * does), and {@value #THREADS_PROPERTY} the number of threads; a provider whose engines are much
 * slower may override {@link #valuesToSeal()}.
 */
public abstract class ConcurrencyConformance extends ProviderUnderTest {
    /** The system property that sets how many values the nonce test seals in all. */
    public static final String VALUES_PROPERTY = "wafer.concurrency.values";
    /** The system property that sets how many threads seal at once (at least 4). */
    public static final String THREADS_PROPERTY = "wafer.concurrency.threads";
    static final long DEFAULT_VALUES = 10_000_000;
    private static final SealContext SESSION = SealContext.of("session");
    private static final int BATCH = 1000;

    /**
     * How many values the nonce test seals in all.
     *
     * @return the system property {@value #VALUES_PROPERTY}, ten million by default
     */
    protected long valuesToSeal() {
        return Long.getLong(VALUES_PROPERTY, DEFAULT_VALUES);
    }

    private static int threads() {
        return Math.max(4, Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()));
    }

    /** A batch of sealed values and the index of the first; value i is the 8-byte big-endian i. */
    private static final class Batch {
        final long first;
        final String[] sealed;

        Batch(long first, String[] sealed) {
            this.first = first;
            this.sealed = sealed;
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void sealsMillionsOfValuesFromManyThreadsUnderOneKeySetWithoutRepeatingANonceAndOpensEveryOne() throws Exception {
        long total = valuesToSeal();
        int threads = threads();
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(provider()).build();
        int nonceOff = SealedFormat.HEADER_BYTES;
        int nonceLen = sealer.keys().primary().algorithm().nonceLengthBytes();
        // The header and the whole nonce lie in the first 52 characters (39 bytes). The set keeps
        // the nonce's last 16 bytes (all 12 of a GCM nonce): XAES nonces share their first 12 bytes
        // over a run of values (docs/format.md §1.3), and distinct last bytes mean distinct nonces.
        int prefixChars = 52;
        NonceSet nonces = new NonceSet(total);
        AtomicLong next = new AtomicLong();
        AtomicLong opened = new AtomicLong();
        AtomicLong indexSum = new AtomicLong();
        AtomicLong repeats = new AtomicLong();
        BlockingQueue<Batch> handOff = new LinkedBlockingQueue<>();
        // Each thread seals a batch, hands it over, and opens a batch some other thread may have sealed.
        Callable<Void> worker = () -> {
            byte[] value = new byte[8];
            byte[] nonce16 = new byte[16];
            long first;
            while ((first = next.getAndAdd(BATCH)) < total) {
                int n = (int) Math.min(BATCH, total - first);
                String[] batch = new String[n];
                for (int i = 0; i < n; i++) {
                    ByteBuffer.wrap(value).putLong(first + i);
                    String s = sealer.seal(value, SESSION);
                    byte[] head = Base64Url.decode(s, 0, prefixChars);
                    java.util.Arrays.fill(nonce16, (byte) 0);
                    int kept = Math.min(16, nonceLen);
                    System.arraycopy(head, nonceOff + nonceLen - kept, nonce16, 0, kept);
                    if (!nonces.add(nonce16, 0)) {
                        repeats.incrementAndGet();
                    }
                    batch[i] = s;
                }
                handOff.put(new Batch(first, batch));
                Batch other = handOff.poll();
                if (other != null) {
                    open(sealer, other, opened, indexSum);
                }
            }
            return null;
        };
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(worker));
            }
            for (Future<Void> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (Batch rest; (rest = handOff.poll()) != null; ) {
            open(sealer, rest, opened, indexSum);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d threads sealed and opened %d values in %d ms (%d per second)%n",
                getClass().getSimpleName(), threads, total, millis, total * 1000 / Math.max(1, millis));
        assertEquals(0, repeats.get(), "nonce repeats");
        assertEquals(total, nonces.size());
        assertEquals(total, opened.get(), "every value opens");
        assertEquals(total * (total - 1) / 2, indexSum.get(), "every value opens exactly once, to what was sealed");
    }

    private static void open(CookieSealer sealer, Batch batch, AtomicLong opened, AtomicLong indexSum) {
        long sum = 0;
        for (int i = 0; i < batch.sealed.length; i++) {
            long index = ByteBuffer.wrap(sealer.open(batch.sealed[i], SESSION).bytes()).getLong();
            if (index != batch.first + i) {
                throw new AssertionError("value " + (batch.first + i) + " opened as " + index);
            }
            sum += index;
        }
        opened.addAndGet(batch.sealed.length);
        indexSum.addAndGet(sum);
    }

    /**
     * Runs in a fresh class loader, so that discovery and first use really are first: finds the
     * default provider, then seals, opens, signs and verifies with it.
     */
    public static final class FirstUse implements Callable<Object> {
        private final CountDownLatch start;

        /**
         * @param start released when every thread is ready
         */
        public FirstUse(CountDownLatch start) {
            this.start = start;
        }

        @Override
        public Object call() throws Exception {
            start.await();
            WaferEngines provider = Wafer.engines();
            CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(provider).build();
            if (!"x".equals(sealer.open(sealer.seal("x", SESSION), SESSION).text())) {
                throw new AssertionError("a value did not open to itself");
            }
            SigningKeySet keys = SigningKeySet.generate();
            TokenSigner signer = TokenSigner.builder(keys).engines(provider).build();
            TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys()).engines(provider).anyIssuer().build();
            if (!"42".equals(verifier.verify(signer.sign(Claims.builder().subject("42").build())).subject().orElse(null))) {
                throw new AssertionError("a token did not verify");
            }
            return provider;
        }
    }

    private static ClassLoader isolatedLoader() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        // Parent: the platform loader, so that Wafer, the api and every provider load afresh here
        // (a manifest-only class-path jar, as surefire writes, is followed by URLClassLoader).
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void discoversTheProviderOnceWhenManyThreadsUseWaferFirstAtOnce() throws Exception {
        int threads = 16;
        for (int round = 0; round < 3; round++) {
            ClassLoader loader = isolatedLoader();
            Class<?> waferThere = Class.forName(Wafer.class.getName(), false, loader);
            assertTrue(waferThere != Wafer.class, "the isolated loader loads its own Wafer");
            CountDownLatch start = new CountDownLatch(1);
            @SuppressWarnings("unchecked")
            Class<? extends Callable<Object>> firstUse = (Class<? extends Callable<Object>>)
                    Class.forName(FirstUse.class.getName(), true, loader).asSubclass(Callable.class);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Object>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(firstUse.getConstructor(CountDownLatch.class).newInstance(start)));
                }
                start.countDown();
                Object first = results.get(0).get();
                assertNotNull(first);
                assertSame(loader, first.getClass().getClassLoader(), "the provider comes from the fresh loader");
                for (Future<Object> r : results) {
                    assertSame(first, r.get(), "every thread gets the same provider");
                }
                Object name = first.getClass().getMethod("name").invoke(first);
                Object expected = Wafer.engines().name();
                assertEquals(expected, name, "the fresh discovery chooses what this class loader chose");
            } finally {
                pool.shutdownNow();
                if (loader instanceof AutoCloseable) {
                    ((AutoCloseable) loader).close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void createsWorkingEnginesFromManyThreadsAtOnce() throws Exception {
        int threads = 16;
        WaferEngines provider = provider();
        SealingKeySet ring = SealingKeySet.generate();
        SigningKeySet keys = SigningKeySet.generate();
        String sealedBefore = CookieSealer.builder(ring).engines(provider).build().seal("before", SESSION);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    // Each thread builds its own sealer and verifier: engines made and first used at once.
                    CookieSealer sealer = CookieSealer.builder(ring).engines(provider).build();
                    assertEquals("before", sealer.open(sealedBefore, SESSION).text());
                    assertEquals("x", sealer.open(sealer.seal("x", SESSION), SESSION).text());
                    TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys()).engines(provider).anyIssuer().build();
                    TokenSigner signer = TokenSigner.builder(keys).engines(provider).build();
                    assertEquals("42", verifier.verify(signer.sign(Claims.builder().subject("42").build()))
                            .subject().orElseThrow());
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void signsAndVerifiesFromManyThreadsWithSharedSignerAndVerifier() throws Exception {
        SigningKeySet keys = SigningKeySet.generate();
        TokenSigner signer = TokenSigner.builder(keys).engines(provider()).build();
        TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys()).engines(provider()).anyIssuer().build();
        int threads = threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String subject = id + "/" + i;
                        assertEquals(subject, verifier.verify(signer.sign(Claims.builder().subject(subject).build()))
                                .subject().orElseThrow());
                    }
                    return null;
                }));
            }
            for (Future<Void> r : results) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void rotatingTheKeySetWhileOtherThreadsSealAndOpenLosesNothing() throws Exception {
        int rotations = 20;
        AtomicReference<CookieSealer> current = new AtomicReference<>(CookieSealer.builder(SealingKeySet.generate()).engines(provider()).build());
        // Values sealed before any rotation, opened after all of them.
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            early.add(current.get().seal("early " + i, SESSION));
        }
        Queue<String[]> sealed = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sealedCount = new AtomicLong();
        AtomicLong openedCount = new AtomicLong();
        AtomicLong resealFlags = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            // The openers stop once both sealers have stopped and the queue is empty: a sealer may
            // still be adding its last value after `stop` is set.
            CountDownLatch sealersRunning = new CountDownLatch(2);
            for (int t = 0; t < 2; t++) {
                int id = t;
                workers.add(pool.submit(() -> {
                    try {
                        for (long i = 0; !stop.get(); i++) {
                            String value = id + ":" + i;
                            sealed.add(new String[] {value, current.get().seal(value, SESSION)});
                            sealedCount.incrementAndGet();
                        }
                    } finally {
                        sealersRunning.countDown();
                    }
                    return null;
                }));
            }
            for (int t = 0; t < 2; t++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        String[] pair = sealed.poll();
                        if (pair == null) {
                            if (sealersRunning.getCount() == 0 && sealed.isEmpty()) {
                                return null;
                            }
                            Thread.onSpinWait();
                            continue;
                        }
                        // Always the current sealer: it was built after the one that sealed the value.
                        OpenedValue v = current.get().open(pair[1], SESSION);
                        assertEquals(pair[0], v.text());
                        if (v.shouldReseal()) {
                            resealFlags.incrementAndGet();
                        }
                        openedCount.incrementAndGet();
                    }
                }));
            }
            Future<Void> rotator = pool.submit(() -> {
                for (int r = 0; r < rotations; r++) {
                    Thread.sleep(25);
                    CookieSealer s = current.get();
                    current.set(s.withKeys(s.keys().rotate().keySet()));
                }
                Thread.sleep(25);
                stop.set(true);
                return null;
            });
            rotator.get();
            for (Future<Void> w : workers) {
                w.get();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        CookieSealer last = current.get();
        assertEquals(rotations + 1, last.keys().keys().size());
        for (int i = 0; i < early.size(); i++) {
            OpenedValue v = last.open(early.get(i), SESSION);
            assertEquals("early " + i, v.text());
            assertTrue(v.shouldReseal(), "sealed under a key that is no longer primary");
        }
        assertTrue(sealedCount.get() > 0);
        assertEquals(sealedCount.get(), openedCount.get(), "every value sealed during the rotations opened");
        assertTrue(resealFlags.get() > 0, "values sealed before a rotation ask to be resealed");
    }
}
