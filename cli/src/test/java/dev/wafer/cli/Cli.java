package dev.wafer.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code wafer} in-process, as picocli's CommandLine.execute, in a working directory, on a settable clock. */
final class Cli {
    final Path dir;
    final Map<String, String> environment = new HashMap<>();
    Instant now;

    Cli(Path dir) {
        this(dir, Instant.now());
    }

    Cli(Path dir, Instant now) {
        this.dir = dir;
        this.now = now;
    }

    /** What one command did. */
    record Result(int code, String out, String err) {
        /** Standard output without its final newline. */
        String line() {
            return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A JSON object the CLI printed, read by the api's own strict parser. */
    static Map<String, Object> json(String text) {
        return dev.wafer.internal.Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        WaferCli root = new WaferCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), dir,
                Clock.fixed(now, ZoneOffset.UTC), environment::get, false);
        int code = WaferCli.execute(root, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command that must succeed, and returns its standard output without the final newline. */
    String ok(String... args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("wafer " + String.join(" ", args) + " failed: " + r);
        }
        return r.line();
    }

    void later(Duration d) {
        now = now.plus(d);
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
