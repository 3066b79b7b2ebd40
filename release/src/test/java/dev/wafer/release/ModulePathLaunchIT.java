package dev.wafer.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's named module, compiled against the published jars and launched on the module path:
 * discovery finds the providers through their module descriptors ({@code uses}/{@code provides}),
 * and the api's internals stay closed to the user.
 */
class ModulePathLaunchIT {
    private static final String MAIN = String.join("\n",
            "package launch;",
            "import dev.wafer.*;",
            "public class Main {",
            "    public static void main(String[] args) {",
            "        CookieSealer sealer = CookieSealer.builder(SealingKeySet.generate()).build();",
            "        String v = sealer.seal(\"user=42\", SealContext.of(\"session\"));",
            "        System.out.println(\"opened \" + sealer.open(v, SealContext.of(\"session\")).text());",
            "        SigningKeySet keys = SigningKeySet.generate();",
            "        String t = TokenSigner.builder(keys).issuer(\"i\").build().sign(Claims.builder().subject(\"42\").build());",
            "        System.out.println(\"verified \" + TokenVerifier.builder(keys.publicKeys()).issuer(\"i\").build()",
            "                .verify(t).subject().orElseThrow());",
            "        System.out.println(\"providers \" + Wafer.providers().stream().map(ProviderInfo::name).sorted().toList());",
            "        System.out.println(\"in module \" + Main.class.getModule().getName() + \", api in \"",
            "                + CookieSealer.class.getModule().getName());",
            "    }",
            "}",
            "");

    @TempDir
    Path dir;

    /** A jar of the test's class path whose file name starts with the prefix. */
    private static Path dependency(String prefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + "* not on the class path"));
    }

    private static String modulePath(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Compiles a one-class module; returns javac's errors, empty on success. */
    private String compile(String moduleInfo, String main, List<Path> modulePath, Path out) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + out.getFileName()).resolve("launch"));
        Path info = Files.writeString(src.getParent().resolve("module-info.java"), moduleInfo);
        Path mainFile = Files.writeString(src.resolve("Main.java"), main);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK runs the tests");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("--module-path", modulePath(modulePath),
                    "-d", out.toString()), null, files.getJavaFileObjects(info, mainFile)).call();
            String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
            assertEquals(ok, errors.isEmpty(), errors);
            return errors;
        }
    }

    private static String run(List<Path> modulePath, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath(modulePath)));
        command.addAll(List.of(extra));
        command.addAll(List.of("--module", "wafer.launch/launch.Main"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launch finishes");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private List<Path> apiAndJdkProvider() {
        return new ArrayList<>(List.of(PublishedArtifactsIT.artifact("api", "wafer-api", ""),
                PublishedArtifactsIT.artifact("provider-jca", "wafer-provider-jca", ""),
                dependency("jackson-core-"), dependency("slf4j-api-"), dependency("slf4j-simple-"), dependency("crac-")));
    }

    @Test
    void aNamedModuleFindsTheJdkProviderOnTheModulePath() throws Exception {
        Path out = dir.resolve("launch");
        List<Path> path = apiAndJdkProvider();
        assertEquals("", compile("module wafer.launch { requires dev.wafer; }", MAIN, path, out));
        path.add(out);
        String printed = run(path);
        assertTrue(printed.contains("opened user=42\n"), printed);
        assertTrue(printed.contains("verified 42\n"), printed);
        assertTrue(printed.contains("providers [jca]\n"), printed);
        assertTrue(printed.contains("in module wafer.launch, api in dev.wafer\n"), "named modules, not the class path: " + printed);
    }

    @Test
    void everyProviderLoadsOnTheModulePath() throws Exception {
        Path out = dir.resolve("launch");
        List<Path> path = apiAndJdkProvider();
        path.add(PublishedArtifactsIT.artifact("provider-bc", "wafer-provider-bc", ""));
        path.add(PublishedArtifactsIT.artifact("provider-tink", "wafer-provider-tink", ""));
        for (String prefix : List.of("bcprov-", "tink-", "protobuf-java-", "gson-")) {
            path.add(dependency(prefix));
        }
        assertEquals("", compile("module wafer.launch { requires dev.wafer; }", MAIN, path, out));
        path.add(out);
        String printed = run(path, "--add-modules", "ALL-MODULE-PATH");
        assertTrue(printed.contains("providers [bc, jca, tink]\n"), printed);
        assertTrue(printed.contains("opened user=42\n") && printed.contains("verified 42\n"), printed);
    }

    @Test
    void theApisInternalsAreClosedToAUsersModule() throws Exception {
        String reaching = MAIN.replace("import dev.wafer.*;", "import dev.wafer.*;\nimport dev.wafer.internal.Json;")
                .replace("System.out.println(\"opened \"", "Json.parseObject(new byte[0]);\n        System.out.println(\"opened \"");
        String errors = compile("module wafer.launch { requires dev.wafer; }", reaching, apiAndJdkProvider(), dir.resolve("closed"));
        assertTrue(errors.contains("package dev.wafer.internal is not visible"), errors);
    }
}
