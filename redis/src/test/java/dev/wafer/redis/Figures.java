package dev.wafer.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** The figures the tests measure: printed, and appended to target/wafer-redis-figures.txt for docs/redis.md. */
final class Figures {
    private Figures() {
    }

    static void report(String name, String value) {
        String line = "FIGURE " + name + ": " + value;
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "wafer-redis-figures.txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a report, not a result
        }
    }

    /** The q-quantile (0..1) of nanosecond samples, in milliseconds. */
    static double quantileMillis(long[] nanos, double q) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
        return s[i] / 1e6;
    }

    static String millis(double ms) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", ms);
    }
}
