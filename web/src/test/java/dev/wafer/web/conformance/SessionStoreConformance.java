package dev.wafer.web.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wafer.web.Ids;
import dev.wafer.web.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} does: data kept byte for byte under its hashed id until its
 * time, replaced by a later save, moved in time by a touch that never revives what is gone, and
 * deleted. A store implementation adds one subclass (in-memory here; wafer-redis against a real
 * redis-server). Times are the wall clock's, as a store that expires entries itself keeps them.
 */
public abstract class SessionStoreConformance {
    /**
     * The store under test, empty.
     *
     * @return the store
     */
    protected abstract SessionStore store();

    private static String id() {
        return Ids.hash(Ids.Kind.SESSION, Ids.random());
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private static byte[] json(String attributes) {
        return ("{\"v\":1,\"a\":{" + attributes + "}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void keepsDataExactlyUnderItsIdAndNothingUnderAnother() {
        SessionStore s = store();
        String a = id();
        byte[] data = json("\"cart\":[\"Grüße\",\"🍪\",1,2.5,true,null]");
        assertNull(s.load(a), "never saved");
        s.save(a, data, inAnHour());
        assertArrayEquals(data, s.load(a));
        assertNull(s.load(id()), "one id's data is not another's");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        String b = id();
        s.save(b, binary, inAnHour());
        assertArrayEquals(binary, s.load(b), "opaque bytes, kept exactly");
    }

    @Test
    public void keepsItsOwnCopy() {
        SessionStore s = store();
        String a = id();
        byte[] data = json("\"n\":1");
        s.save(a, data, inAnHour());
        Arrays.fill(data, (byte) 'x');
        assertArrayEquals(json("\"n\":1"), s.load(a), "a caller's later change to its array does not reach the store");
        byte[] loaded = s.load(a);
        Arrays.fill(loaded, (byte) 'y');
        assertArrayEquals(json("\"n\":1"), s.load(a));
    }

    @Test
    public void aSaveReplacesTheDataAndADeleteEndsIt() {
        SessionStore s = store();
        String a = id();
        s.save(a, json("\"n\":1"), inAnHour());
        s.save(a, json("\"n\":2"), inAnHour());
        assertArrayEquals(json("\"n\":2"), s.load(a));
        s.delete(a);
        assertNull(s.load(a));
        s.delete(a); // deleting what is gone is no error
        s.delete(id());
    }

    @Test
    public void dataLastsUntilItsTimeAndATouchMovesItWithoutReviving() throws InterruptedException {
        SessionStore s = store();
        String past = id();
        s.save(past, json("\"n\":1"), Instant.now().minusSeconds(1));
        assertNull(s.load(past), "saved past its time: gone");
        s.touch(past, inAnHour());
        assertNull(s.load(past), "a touch never revives data that is gone");
        String never = id();
        s.touch(never, inAnHour());
        assertNull(s.load(never), "a touch creates nothing");

        String shortLived = id();
        s.save(shortLived, json("\"n\":1"), Instant.now().plusMillis(400));
        String touched = id();
        s.save(touched, json("\"n\":2"), Instant.now().plusMillis(400));
        s.touch(touched, inAnHour());
        Thread.sleep(1000);
        assertNull(s.load(shortLived), "forgotten at its time");
        assertArrayEquals(json("\"n\":2"), s.load(touched), "a touch moved its time, and kept the data");
        s.touch(touched, Instant.now().minusSeconds(1));
        assertNull(s.load(touched), "a touch to the past ends it");
    }

    @Test
    public void largeDataUpToTheLimitIsKept() {
        SessionStore s = store();
        String a = id();
        StringBuilder big = new StringBuilder("\"big\":\"");
        while (big.length() < SessionStore.MAX_DATA_BYTES - 32) {
            big.append("0123456789abcdef");
        }
        byte[] data = json(big.append('"').toString());
        s.save(a, data, inAnHour());
        assertArrayEquals(data, s.load(a));
    }

    @Test
    public void parallelSavesOfManySessionsKeepEachOnesData() throws Exception {
        SessionStore s = store();
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    go.await();
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String a = id();
                        s.save(a, json("\"t\":" + thread + ",\"i\":" + i), inAnHour());
                        ids.add(a);
                    }
                    return ids;
                }));
            }
            go.countDown();
            for (int t = 0; t < threads; t++) {
                List<String> ids = work.get(t).get();
                for (int i = 0; i < each; i++) {
                    assertArrayEquals(json("\"t\":" + t + ",\"i\":" + i), s.load(ids.get(i)));
                }
                assertEquals(each, ids.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
