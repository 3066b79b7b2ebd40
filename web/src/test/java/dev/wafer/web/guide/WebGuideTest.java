package dev.wafer.web.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.CookieSealer;
import dev.wafer.SealingKeySet;
import dev.wafer.Wafer;
import dev.wafer.web.CsrfPolicy;
import dev.wafer.web.WebSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/web.md: each snippet is WebGuide's, word for word; the ones that need no container run here. */
class WebGuideTest {
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
        Map<String, String> source = snippets(Files.readString(Path.of("src/test/java/dev/wafer/web/guide/WebGuide.java")),
                "(?s)// SNIPPET-BEGIN ([a-z-]+)\\n(.*?)\\n\\s*// SNIPPET-END \\1");
        Map<String, String> guide = snippets(Files.readString(Path.of("../docs/web.md")),
                "(?s)<!-- snippet: ([a-z-]+) -->\\n```java\\n(.*?)\\n```");
        assertEquals(source.keySet(), guide.keySet());
        assertEquals(8, guide.size());
        for (String name : guide.keySet()) {
            assertEquals(source.get(name), guide.get(name), "docs/web.md snippet '" + name + "'");
        }
    }

    @Test
    void theConfigurationSnippetsBuild() {
        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).engines(Wafer.engines("jca")).build();
        assertTrue(WebGuide.spa(sealer).csrf().toString().contains("DOUBLE_SUBMIT"));
        assertTrue(WebGuide.shortLived(sealer).toString().contains("short-lived PT5M"));
        // A key set that declares a maximum shorter than the remember-me lifetime is refused at start-up.
        CookieSealer short12h = CookieSealer.builder(SealingKeySet.generate().withMaxLifetime(Duration.ofHours(12)))
                .engines(Wafer.engines("jca")).build();
        assertThrows(IllegalArgumentException.class, () -> WebSessions.builder(short12h).build());
        WebSessions.builder(short12h).rememberMe(dev.wafer.web.CookieSpec.builder("__Host-remember").purpose("remember-me").build(),
                Duration.ofHours(12), Duration.ofSeconds(30)).csrf(CsrfPolicy.synchronizer()).build();
    }
}
