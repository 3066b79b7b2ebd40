package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.conformance.TestJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/format.md states the same vectors that the conformance suite reproduces: the two cannot drift. */
class FormatDocumentTest {

    @Test
    void formatDocumentListsEveryTestVector() throws IOException {
        String doc = Files.readString(Path.of("../docs/format.md"));
        String docsJson = Files.readString(Path.of("../docs/vectors/sealed_v1.json"));
        List<Map<String, Object>> vectors = TestJson.list(TestJson.resource("/vectors/wafer/sealed_v1.json"), "vectors");
        assertTrue(vectors.size() >= 6, "at least 6 vectors");
        assertEquals(2, vectors.stream().map(v -> v.get("algorithm")).distinct().count());
        for (Map<String, Object> v : vectors) {
            for (String field : List.of("key", "nonce", "sealed")) {
                assertTrue(doc.contains("= " + v.get(field)), field + " of '" + v.get("title") + "' missing in format.md");
                assertTrue(docsJson.contains((String) v.get(field)), "docs/vectors/sealed_v1.json differs from the test copy");
            }
        }
    }
}
