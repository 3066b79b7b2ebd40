package dev.wafer.conformance;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Measures how many bytes the current thread allocates, to test how the cost of an operation
 * scales with its input without timing it (HotSpot's {@code com.sun.management.ThreadMXBean}).
 *
 * <p>Reached reflectively: the api's tests are compiled into its module, which does not read
 * {@code java.management}.
 */
public final class Allocations {
    private static final MethodHandle CURRENT_THREAD_ALLOCATED_BYTES;
    private static final boolean SUPPORTED;

    static {
        MethodHandle handle = null;
        boolean supported = false;
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
            supported = (Boolean) type.getMethod("isThreadAllocatedMemorySupported").invoke(bean);
            if (supported) {
                type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
                handle = MethodHandles.publicLookup()
                        .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                        .bindTo(bean);
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            supported = false;
        }
        CURRENT_THREAD_ALLOCATED_BYTES = handle;
        SUPPORTED = supported;
    }

    private static long allocatedBytes() {
        try {
            return (long) CURRENT_THREAD_ALLOCATED_BYTES.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private Allocations() {
    }

    /**
     * The mean number of bytes one run of an action allocates on the current thread, after a
     * warm-up long enough for the JIT to settle. An action that throws counts as a run: measuring
     * rejections is the point.
     *
     * @param action the operation
     * @param runs how many runs to average, after as many warm-up runs
     * @return bytes allocated per run
     */
    public static long perRun(Runnable action, int runs) {
        if (!SUPPORTED) {
            throw new org.opentest4j.TestAbortedException("this JVM cannot count allocated bytes");
        }
        for (int i = 0; i < runs; i++) {
            runIgnoringExceptions(action);
        }
        long before = allocatedBytes();
        for (int i = 0; i < runs; i++) {
            runIgnoringExceptions(action);
        }
        return (allocatedBytes() - before) / runs;
    }

    /**
     * Bytes allocated by one run of an action, exceptions included.
     *
     * @param action the operation
     * @return bytes allocated
     */
    public static long once(Runnable action) {
        if (!SUPPORTED) {
            throw new org.opentest4j.TestAbortedException("this JVM cannot count allocated bytes");
        }
        long before = allocatedBytes();
        runIgnoringExceptions(action);
        return allocatedBytes() - before;
    }

    private static void runIgnoringExceptions(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException expected) {
            // a rejection is a completed run
        }
    }
}
