package dev.wafer.redis;

import java.nio.charset.StandardCharsets;

/**
 * The key of everything stored: one hash tag per hashed id, so that every key of an id lives in
 * one cluster slot and a script may touch them together.
 *
 * <pre>
 * {prefix}{&lt;hash&gt;}:r   revoked until (epoch milliseconds), expires then
 * {prefix}{&lt;hash&gt;}:s   remember-me series: n (step), t (last rotation, ms), e (end, ms); expires at e
 * {prefix}{&lt;hash&gt;}:g   a user's generation, never expires
 * {prefix}{&lt;hash&gt;}:d   a session's attributes (JSON), expires at its idle deadline
 * {prefix}invalidate      the pub/sub channel of cache invalidations
 * </pre>
 */
final class Keys {
    private final String prefix;
    final String channel;

    Keys(String prefix) {
        this.prefix = prefix;
        this.channel = prefix + "invalidate";
    }

    /** Checks that a hashed id is one (base64url, as {@code Ids.hash} writes it): never a raw id, never a hash tag. */
    static String hash(String hash, String name) {
        if (hash == null) {
            throw new NullPointerException(name);
        }
        int n = hash.length();
        boolean ok = n > 0 && n <= 128;
        for (int i = 0; ok && i < n; i++) {
            char c = hash.charAt(i);
            ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
        }
        if (!ok) {
            throw new IllegalArgumentException(name + " is not a hashed id (Ids.hash): 1 to 128 base64url characters");
        }
        return hash;
    }

    String revoked(String hash) {
        return prefix + "{" + hash + "}:r";
    }

    String series(String hash) {
        return prefix + "{" + hash + "}:s";
    }

    String generation(String hash) {
        return prefix + "{" + hash + "}:g";
    }

    String data(String hash) {
        return prefix + "{" + hash + "}:d";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ascii(long n) {
        return ascii(Long.toString(n));
    }
}
