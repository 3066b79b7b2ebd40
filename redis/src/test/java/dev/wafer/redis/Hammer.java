package dev.wafer.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads that send the same request with fixed cookies as fast as they can, each recording when
 * it sent, how long the answer took and its status, until stopped: the load under which a fault
 * is injected. A status of -1 is an I/O error.
 */
final class Hammer implements AutoCloseable {
    /** One request: when it was sent (System.nanoTime), its latency, its status, its target's index. */
    record Sample(long sentNanos, long nanos, int status, int target, String body) {
    }

    /** What a thread sends: a server, a path, cookies. */
    record Target(int port, String path, String cookies) {
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<List<Sample>> samples = new ArrayList<>();

    Hammer(List<Target> targets) {
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            int index = i;
            List<Sample> mine = new ArrayList<>();
            samples.add(mine);
            Thread th = new Thread(() -> {
                try (Http http = new Http()) {
                    while (!stop.get()) {
                        long sent = System.nanoTime();
                        try {
                            Http.Response r = http.replay(t.port(), t.path(), t.cookies());
                            mine.add(new Sample(sent, r.nanos(), r.status(), index, r.body()));
                        } catch (IOException e) {
                            mine.add(new Sample(sent, System.nanoTime() - sent, -1, index, e.toString()));
                        }
                    }
                }
            }, "hammer-" + i);
            threads.add(th);
        }
        threads.forEach(Thread::start);
    }

    /** Stops the threads and returns every sample, in no particular order. */
    List<Sample> stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
        List<Sample> all = new ArrayList<>();
        samples.forEach(all::addAll);
        return all;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
