package dev.wafer.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IDEs complete and document every {@code wafer.*} property: the starter's jar carries
 * {@code spring-configuration-metadata.json} with a description for each, and docs/spring.md lists
 * the same properties.
 */
class PropertiesMetadataTest {
    static Map<String, String> metadata() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        try (InputStream in = PropertiesMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json");
             JsonParser p = new JsonFactory().createParser(in)) {
            assertNotNull(in, "the configuration processor ran");
            String name = null;
            String description = null;
            int depth = 0;
            boolean inProperties = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && depth == 1) {
                    inProperties = p.currentName().equals("properties");
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inProperties && depth == 2 && t == JsonToken.END_OBJECT) {
                        properties.put(name, description);
                        name = null;
                        description = null;
                    }
                } else if (inProperties && depth == 3 && t == JsonToken.VALUE_STRING) {
                    if (p.currentName().equals("name")) {
                        name = p.getText();
                    } else if (p.currentName().equals("description")) {
                        description = p.getText();
                    }
                }
            }
        }
        return properties;
    }

    @Test
    void everyPropertyHasADescription() throws Exception {
        Map<String, String> properties = metadata();
        assertTrue(properties.size() >= 35, properties.keySet().toString());
        List<String> undocumented = new ArrayList<>();
        properties.forEach((name, description) -> {
            if (description == null || description.length() < 15) {
                undocumented.add(name);
            }
        });
        assertEquals(List.of(), undocumented);
        assertTrue(properties.containsKey("wafer.sealing.key-file"));
        assertTrue(properties.containsKey("wafer.session.store-failure"));
    }

    @Test
    void docsSpringListsEveryProperty() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/spring.md"));
        List<String> missing = new ArrayList<>();
        for (String name : metadata().keySet()) {
            if (!doc.contains("`" + name + "`")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "docs/spring.md names every property");
    }
}
