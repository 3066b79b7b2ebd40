package dev.wafer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quickstart is this module's code, and it prints its four results (JJWT's JavaReadmeTest). */
class QuickstartTest {

    @Test
    void printsASealedValueTheOpenedValueASignedTokenAndTheVerifiedClaims() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("sealed value: +[A-Za-z0-9_-]{80,}"), lines.get(0));
        assertTrue(lines.get(1).startsWith("opened value:    user=42;role=admin  (expires "), lines.get(1));
        assertTrue(lines.get(2).matches("signed token: +[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), lines.get(2));
        assertTrue(lines.get(3).contains("iss=https://login.example, sub=42, aud=[api]"), lines.get(3));
    }

    @Test
    void readmeQuickstartIsTheCodeThatRuns() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/wafer/examples/Quickstart.java"));
        List<String> code = strip(source.subList(indexOf(source, "// README-BEGIN") + 1, indexOf(source, "// README-END")));
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int start = indexOf(readme, "<!-- quickstart -->") + 2;
        List<String> block = strip(readme.subList(start, start + readme.subList(start, readme.size()).indexOf("```")));
        assertEquals(code, block, "README.md's quickstart must equal Quickstart.java between its markers");
        assertTrue(block.size() <= 15, "the quickstart has at most 15 lines");
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }

    private static List<String> strip(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }
}
