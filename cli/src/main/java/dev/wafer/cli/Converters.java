package dev.wafer.cli;

import dev.wafer.Algorithm;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values: durations such as {@code 15m} and algorithm names such as {@code EdDSA}. */
final class Converters {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");

    private Converters() {
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 1h30m}, or ISO-8601 such as {@code PT1H}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration d = parse(text);
            if (d == null || d.isZero()) {
                throw new TypeConversionException("'" + text + "' is not a duration; write for example 30s, 15m, 1h, 7d, "
                        + "1h30m or PT1H");
            }
            return d;
        }
    }

    static Duration parse(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                Duration d = Duration.parse(text);
                return d.isNegative() ? null : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = PART.matcher(text);
        Duration d = Duration.ZERO;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "d":
                    d = d.plusDays(n);
                    break;
                case "h":
                    d = d.plusHours(n);
                    break;
                case "m":
                    d = d.plusMinutes(n);
                    break;
                default:
                    d = d.plusSeconds(n);
            }
            at = m.end();
        }
        return at == text.length() && at > 0 ? d : null;
    }

    /** The compact form: {@code 2d3h}, {@code 1h30m}, {@code 45s}. */
    static String format(Duration d) {
        long s = Math.abs(d.getSeconds());
        StringBuilder b = new StringBuilder();
        long[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i] || (i == sizes.length - 1 && b.length() == 0)) {
                b.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return b.toString();
    }

    /** A JWK name ({@code EdDSA}, {@code XAES-256-GCM}) or an enum name ({@code ED25519}), any case. */
    static final class AlgorithmConverter implements ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String text) {
            String key = text.toUpperCase(Locale.ROOT).replace('-', '_');
            for (Algorithm a : Algorithm.all()) {
                if (a.jwkName().equalsIgnoreCase(text) || ((Enum<?>) a).name().equals(key)) {
                    return a;
                }
            }
            throw new TypeConversionException("unknown algorithm '" + text + "'; one of " + Algorithm.all().stream()
                    .map(Algorithm::jwkName).collect(Collectors.joining(", ")));
        }
    }
}
