package dev.wafer.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a user downloads: each published artifact with its sources, javadoc and licence; the BOM. */
class PublishedArtifactsIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("wafer.version", "0.1.0-SNAPSHOT");
    /** Folder and artifact of every module that is deployed. */
    static final List<String[]> PUBLISHED = List.of(
            new String[] {"api", "wafer-api"},
            new String[] {"provider-jca", "wafer-provider-jca"},
            new String[] {"provider-bc", "wafer-provider-bc"},
            new String[] {"provider-tink", "wafer-provider-tink"},
            new String[] {"provider-accp", "wafer-provider-accp"},
            new String[] {"cli", "wafer-cli"},
            new String[] {"web", "wafer-web"},
            new String[] {"redis", "wafer-redis"},
            new String[] {"spring-boot-starter", "wafer-spring-boot-starter"});
    /** SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt. */
    private static final String APACHE_2_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30";

    static Path artifact(String folder, String artifactId, String classifier) {
        return ROOT.resolve(folder).resolve("target")
                .resolve(artifactId + "-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theLicenceIsTheWholeApacheLicenceTwo() throws Exception {
        byte[] licence = Files.readAllBytes(ROOT.resolve("LICENSE"));
        assertEquals(APACHE_2_SHA256, sha256(licence), "LICENSE is the Apache License 2.0, word for word");
    }

    @Test
    void everyPublishedArtifactHasSourcesJavadocAndTheLicence() throws Exception {
        byte[] licence = Files.readAllBytes(ROOT.resolve("LICENSE"));
        for (String[] m : PUBLISHED) {
            Path main = artifact(m[0], m[1], "");
            try (JarFile jar = new JarFile(main.toFile())) {
                assertNotNull(jar.getEntry("META-INF/LICENSE"), main + " carries the licence");
                try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/LICENSE"))) {
                    assertArrayEquals(licence, in.readAllBytes(), main.toString());
                }
            }
            try (JarFile sources = new JarFile(artifact(m[0], m[1], "sources").toFile())) {
                assertTrue(sources.stream().anyMatch(e -> e.getName().endsWith(".java")), m[1] + " sources");
            }
            try (JarFile javadoc = new JarFile(artifact(m[0], m[1], "javadoc").toFile())) {
                assertTrue(javadoc.stream().anyMatch(e -> e.getName().endsWith("index.html")), m[1] + " javadoc");
                List<String> internal = javadoc.stream().map(e -> e.getName()).filter(n -> n.contains("/internal/"))
                        .collect(Collectors.toList());
                assertEquals(List.of(), internal, m[1] + ": internals are not published api");
            }
        }
        try (JarFile javadoc = new JarFile(artifact("api", "wafer-api", "javadoc").toFile())) {
            for (String pkg : List.of("dev/wafer/package-summary.html", "dev/wafer/spi/package-summary.html",
                    "dev/wafer/spi/support/package-summary.html")) {
                assertTrue(javadoc.stream().anyMatch(e -> e.getName().endsWith(pkg)), pkg);
            }
        }
    }

    @Test
    void theBomNamesEveryPublishedArtifactAndNothingElse() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("<artifactId>(wafer-[a-z-]+)</artifactId>").matcher(bom);
        while (m.find()) {
            listed.add(m.group(1));
        }
        listed.remove("wafer-bom");
        Set<String> published = new TreeSet<>();
        PUBLISHED.forEach(p -> published.add(p[1]));
        assertEquals(published, listed);
        // And every module that is not published says so.
        List<String> unpublished = new ArrayList<>();
        List<String> folders = List.of("examples", "examples/spring-boot", "demo", "interop", "fuzz", "benchmarks", "release");
        for (String folder : folders) {
            String pom = Files.readString(ROOT.resolve(folder).resolve("pom.xml"));
            if (pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                unpublished.add(folder);
            }
        }
        assertEquals(folders, unpublished);
        assertFalse(Files.readString(ROOT.resolve("bom/pom.xml")).contains("<parent>"),
                "the BOM inherits no third-party pins");
    }
}
