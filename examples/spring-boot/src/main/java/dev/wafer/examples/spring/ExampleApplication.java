package dev.wafer.examples.spring;

import dev.wafer.KeyFiles;
import dev.wafer.SealingKeySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on wafer-spring-boot-starter: form sign-in with remember-me, a
 * CSRF-protected form, log-out-everywhere and key rotation, all on sealed cookies, with no server
 * session. Its Wafer configuration is one line of {@code application.properties}: the key file.
 *
 * <p>Run: {@code mvn -B -q -pl examples/spring-boot -am -DskipTests package exec:java}, then open
 * http://127.0.0.1:8081/ and sign in as {@code alice} with the password {@code wafer-demo}.
 */
@SpringBootApplication
public class ExampleApplication {
    /**
     * Makes the key file on first start (a real deployment makes it once, with {@code wafer keygen}),
     * then starts.
     *
     * @param args Spring Boot's arguments
     * @throws IOException if the key file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(System.getProperty("wafer.example.dir", "target/wafer-example"));
        keyFile(dir);
        System.setProperty("wafer.example.dir", dir.toString());
        SpringApplication.run(ExampleApplication.class, args);
    }

    /**
     * The sealing key file in a directory, made if missing.
     *
     * @param dir the directory
     * @return the key file
     * @throws IOException if it cannot be written
     */
    public static Path keyFile(Path dir) throws IOException {
        Path file = Files.createDirectories(dir).resolve("cookie.jwks");
        if (!Files.exists(file)) {
            KeyFiles.write(file, SealingKeySet.generate().toJwkSet(), KeyFiles.Overwrite.REFUSE);
        }
        return file;
    }
}
