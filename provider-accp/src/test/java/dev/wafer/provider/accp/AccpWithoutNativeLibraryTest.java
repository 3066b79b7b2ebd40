package dev.wafer.provider.accp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real loading failure, not a simulated one: a JVM whose ACCP jar carries a native library that
 * is no ELF file, as a jar of the wrong platform's classifier would. ACCP's Java classes load, its
 * library does not; Wafer skips the provider, says why, and chooses among the others.
 */
class AccpWithoutNativeLibraryTest {
    private static final String LIBRARY = "com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so";

    @Test
    void aLibraryThatCannotLoadLeavesTheChoiceToTheNextEngineAndIsReported(@TempDir Path dir) throws Exception {
        // The stub is registered beside ACCP, as a second provider would be.
        Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
        Files.writeString(services.resolve("dev.wafer.spi.WaferProvider"), JdkEd25519Stub.class.getName() + "\n");
        List<String> classPath = new ArrayList<>(List.of(dir.resolve("services").toString()));
        String accpJar = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("AmazonCorrettoCryptoProvider")) {
                accpJar = entry;
                classPath.add(brokenCopy(Path.of(entry), dir.resolve("accp-without-native-library.jar")).toString());
            } else {
                classPath.add(entry);
            }
        }
        assertTrue(accpJar != null, "ACCP is on the test class path");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath),
                "-Djava.io.tmpdir=" + dir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                AccpUnavailableMain.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        System.out.println("ACCP without its native library:\n" + out);

        assertEquals("[" + JdkEd25519Stub.NAME + "]", lines.get("providers"), "ACCP is skipped: " + out);
        assertEquals(JdkEd25519Stub.NAME, lines.get("engines"), out);
        assertEquals(JdkEd25519Stub.NAME, lines.get("Ed25519"), "the next engine serves Ed25519: " + out);
        String problems = lines.get("problems");
        assertTrue(problems.contains("the Amazon Corretto Crypto Provider is unavailable on")
                && problems.contains("its native library did not load: java.lang.UnsatisfiedLinkError"),
                "Wafer.report() names the loading error: " + out);
    }

    /** The ACCP jar unsigned, with a native library that no loader accepts. */
    private static Path brokenCopy(Path jar, Path copy) throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false);
                OutputStream file = Files.newOutputStream(copy);
                JarOutputStream out = new JarOutputStream(file, new Manifest())) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith("META-INF/") && !name.startsWith("META-INF/services/")) {
                    continue; // the manifest and the signature, which the changed library would break
                }
                out.putNextEntry(new JarEntry(name));
                if (name.equals(LIBRARY)) {
                    out.write("not an ELF file".getBytes(StandardCharsets.US_ASCII));
                } else if (!entry.isDirectory()) {
                    try (InputStream bytes = in.getInputStream(entry)) {
                        bytes.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return copy;
    }
}
