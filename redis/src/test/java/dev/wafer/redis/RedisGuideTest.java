package dev.wafer.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.web.WebSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/redis.md: each snippet is RedisGuide's, word for word; those that need only one Redis run against a real one. */
class RedisGuideTest {
    private static Map<String, String> snippets(String text, String pattern) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile(pattern).matcher(text);
        while (m.find()) {
            List<String> lines = m.group(2).lines().toList();
            int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            List<String> dedented = new ArrayList<>();
            lines.forEach(l -> dedented.add(l.isBlank() ? "" : l.substring(indent)));
            out.put(m.group(1), String.join("\n", dedented));
        }
        return out;
    }

    @Test
    void everySnippetInTheGuideIsTheCodeThatCompiles() throws IOException {
        Map<String, String> source = snippets(Files.readString(Path.of("src/test/java/dev/wafer/redis/RedisGuide.java")),
                "(?s)// SNIPPET-BEGIN ([a-z-]+)\\n(.*?)\\n\\s*// SNIPPET-END \\1");
        Map<String, String> guide = snippets(Files.readString(Path.of("../docs/redis.md")),
                "(?s)<!-- snippet: ([a-z-]+) -->\\n```java\\n(.*?)\\n```");
        assertEquals(source.keySet(), guide.keySet());
        assertEquals(6, guide.size());
        for (String name : guide.keySet()) {
            assertEquals(source.get(name), guide.get(name), "docs/redis.md snippet '" + name + "'");
        }
    }

    @Test
    void theSnippetsRunAgainstARealRedis() {
        try (RedisServer server = RedisServer.start(); WaferRedis redis = RedisGuide.standalone("redis://127.0.0.1:" + server.port)) {
            CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
            WebSessions sessions = RedisGuide.sessions(sealer, redis);
            assertTrue(sessions.toString().contains("RedisRevocationStore") && sessions.toString().contains("OVERFLOW"),
                    sessions.toString());
            assertTrue(RedisGuide.exclusive(sealer, redis).toString().contains("one session per user"));
            assertEquals(0.0, RedisGuide.stats(redis));
        }
    }
}
