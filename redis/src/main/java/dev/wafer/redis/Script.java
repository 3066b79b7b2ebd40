package dev.wafer.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script and its SHA-1, the name EVALSHA calls it by. */
final class Script {
    final String source;
    final String sha1;

    Script(String source) {
        this.source = source;
        try {
            this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /**
     * Revokes an id until a time, never shortening a longer revocation, ends its remember-me series
     * if it names one, and publishes the invalidation. KEYS: revoked, series. ARGV: until (ms),
     * channel, message.
     */
    static final Script REVOKE = new Script(String.join("\n",
            "local u = tonumber(ARGV[1])",
            "local cur = tonumber(redis.call('GET', KEYS[1]) or '0')",
            "if u > cur then redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[1]) end",
            "redis.call('DEL', KEYS[2])",
            "redis.call('PUBLISH', ARGV[2], ARGV[3])",
            "return 1"));

    /** Advances a user's generation and publishes the invalidation. KEYS: generation. ARGV: channel, message. */
    static final Script ADVANCE = new Script(String.join("\n",
            "local g = redis.call('INCR', KEYS[1])",
            "redis.call('PUBLISH', ARGV[1], ARGV[2])",
            "return g"));

    /** Starts a remember-me series at step 0. KEYS: series. ARGV: end (ms). */
    static final Script START = new Script(String.join("\n",
            "redis.call('DEL', KEYS[1])",
            "redis.call('HSET', KEYS[1], 'n', '0', 't', '-1', 'e', ARGV[1])",
            "redis.call('PEXPIREAT', KEYS[1], ARGV[1])",
            "return 1"));

    /**
     * Presents a remember-me step, atomically: 0 rotated, 1 grace, 2 reused (the series is ended
     * and revoked until its end, and the invalidation published), 3 unknown. KEYS: series,
     * revoked. ARGV: step, now (ms), grace (ms), channel, message.
     */
    static final Script USE = new Script(String.join("\n",
            "local now = tonumber(ARGV[2])",
            "local rv = redis.call('GET', KEYS[2])",
            "if rv and now < tonumber(rv) then return 3 end",
            "local s = redis.call('HMGET', KEYS[1], 'n', 't', 'e')",
            "if not s[1] then return 3 end",
            "local n = tonumber(s[1])",
            "local e = tonumber(s[3])",
            "if now >= e then return 3 end",
            "local step = tonumber(ARGV[1])",
            "if step == n then",
            "  redis.call('HSET', KEYS[1], 'n', tostring(n + 1), 't', ARGV[2])",
            "  return 0",
            "end",
            "local t = tonumber(s[2])",
            "if step == n - 1 and t >= 0 and now <= t + tonumber(ARGV[3]) then return 1 end",
            "redis.call('DEL', KEYS[1])",
            "if e > tonumber(rv or '0') then redis.call('SET', KEYS[2], s[3], 'PXAT', s[3]) end",
            "redis.call('PUBLISH', ARGV[4], ARGV[5])",
            "return 2"));
}
