package dev.wafer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.Algorithm;
import dev.wafer.SealingAlgorithm;
import dev.wafer.SigningAlgorithm;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Algorithms are typed by use: a signing algorithm given where a sealing one belongs is a compile
 * error, not a run-time check. Proven with the JDK's compiler on the api as a user's code sees it.
 */
class AlgorithmTypesTest {
    @TempDir
    Path out;

    private List<String> compile(String body) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK runs the tests");
        String source = "import dev.wafer.*;\nclass Snippet {\n    void run() {\n        " + body + "\n    }\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // The api's classes are on the class path or, under surefire's module path, on that one.
        String path = System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("jdk.module.path", "");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, null, diagnostics, List.of("-classpath", path, "-d", out.toString(), "-proc:none"),
                null, List.of(file)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getMessage(null));
            }
        }
        assertEquals(ok, errors.isEmpty(), errors.toString());
        return errors;
    }

    @Test
    void theRightAlgorithmCompiles() throws Exception {
        assertEquals(List.of(), compile("SealingKeySet.generate(SealingAlgorithm.AES_256_GCM_SIV); "
                + "SigningKeySet.generate(SigningAlgorithm.PS256); Algorithm a = SealingAlgorithm.XAES_256_GCM;"));
        try (var files = Files.list(out)) {
            assertEquals(Set.of("Snippet.class"), Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void aSigningAlgorithmForSealingKeysDoesNotCompile() {
        List<String> errors = compile("SealingKeySet.generate(SigningAlgorithm.ED25519);");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("SigningAlgorithm cannot be converted to dev.wafer.SealingAlgorithm")
                || errors.get(0).contains("no suitable method"), errors.get(0));
    }

    @Test
    void aSealingAlgorithmForSigningKeysDoesNotCompile() {
        assertEquals(1, compile("SigningKeySet.generate(SealingAlgorithm.XAES_256_GCM);").size());
        assertEquals(1, compile("SealingKey.generate(SigningAlgorithm.RS256);").size());
        assertEquals(1, compile("SigningKey.generateRsa(SealingAlgorithm.AES_256_GCM, 2048);").size());
    }

    @Test
    void aSwitchOverEveryAlgorithmNeedsNoDefault() {
        // A sealed interface of two enums: a pattern switch over it would be exhaustive on Java 21;
        // on 17 the permitted subtypes are what a reader checks.
        assertEquals(Set.of(SealingAlgorithm.class, SigningAlgorithm.class), Set.of(Algorithm.class.getPermittedSubclasses()));
        assertEquals(SealingAlgorithm.values().length + SigningAlgorithm.values().length, Algorithm.all().size());
        assertEquals(java.util.Optional.empty(), SealingAlgorithm.fromJwkName("EdDSA"));
        assertEquals(java.util.Optional.of(SigningAlgorithm.ED25519), Algorithm.fromJwkName("EdDSA"));
    }
}
