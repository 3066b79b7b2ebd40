package dev.wafer.spring;

import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key files made for a test run, in a fresh directory: no key is ever committed. */
final class Keys {
    static final Path DIR;
    static final Path SEALING;
    static final Path SIGNING;

    static {
        try {
            DIR = Files.createTempDirectory("wafer-spring-test");
            SEALING = DIR.resolve("cookie.jwks");
            SIGNING = DIR.resolve("signing.jwks");
            Files.writeString(SEALING, SealingKeySet.generate().toJwkSet());
            Files.writeString(SIGNING, SigningKeySet.generate().toJwkSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Keys() {
    }
}
