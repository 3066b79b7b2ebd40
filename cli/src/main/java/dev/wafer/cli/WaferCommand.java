package dev.wafer.cli;

import dev.wafer.KeyFiles;
import dev.wafer.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the root's streams, clock and working directory; input and output. */
abstract class WaferCommand implements Callable<Integer> {
    /** The largest value, token or file read: 1 MiB. */
    static final int MAX_INPUT_BYTES = 1 << 20;

    @Spec
    CommandSpec spec;

    WaferCli root() {
        return (WaferCli) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A remark on stderr that is not an error, such as "reseal this value". */
    void note(String message) {
        err().println(spec.qualifiedName() + ": note: " + message);
    }

    /**
     * A key id as it must be typed after a command's options: after {@code --}, which ends the
     * options (a thumbprint may start with '-'), and quoted for a POSIX shell unless it is made of
     * characters a shell leaves alone.
     */
    static String kidArgument(String keyId) {
        return "-- " + shellWord(keyId);
    }

    /** A word a POSIX shell reads back unchanged. */
    static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_.,:/=+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * A duration given under its name or under the hidden name it had before 1.0 ({@code --lifetime}
     * or {@code --ttl}): scripts written for the old name keep working, the help shows one word.
     */
    Duration eitherName(String name, Duration value, String formerName, Duration formerValue, Duration otherwise) {
        if (value != null && formerValue != null) {
            throw usage("give " + name + " once; " + formerName + " is its former name");
        }
        return value != null ? value : formerValue != null ? formerValue : otherwise;
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * The argument, or, when it is absent or {@code -}, standard input without its final newline.
     */
    String input(String argument, String what) throws IOException {
        if (argument != null && !argument.equals("-")) {
            return argument;
        }
        if (argument == null && root().interactive) {
            throw usage("give the " + what + " as an argument, or on standard input");
        }
        String text = utf8(readAtMost(root().in, what + " on standard input"), what + " on standard input");
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** A file given on the command line ({@code -}: standard input), as UTF-8 text of at most 1 MiB. */
    String readFile(String name, String what) throws IOException {
        if (name.equals("-")) {
            return utf8(readAtMost(root().in, what + " on standard input"), what + " on standard input");
        }
        try (InputStream in = Files.newInputStream(root().resolve(name))) {
            return utf8(readAtMost(in, name), name);
        }
    }

    private static byte[] readAtMost(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new CliException(ExitCode.INVALID, what + " is larger than 1 MiB");
        }
        return bytes;
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return Utf8.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, what + " is not UTF-8 text");
        }
    }

    /**
     * Writes text to a file, atomically and durably (the api's {@link KeyFiles#write}); a secret
     * file is readable by its owner only. Refuses to write over any of {@code inputs}, even with
     * {@code --force}: a command never destroys what it read.
     */
    void writeFile(String name, String text, boolean secret, boolean replace, String... inputs) throws IOException {
        Path target = root().resolve(name);
        for (String input : inputs) {
            if (input != null && !input.equals("-") && sameFile(target, root().resolve(input))) {
                throw new CliException(ExitCode.USAGE, name + " is the file this command reads (" + input
                        + "); write to another file");
            }
        }
        KeyFiles.Overwrite overwrite = replace ? KeyFiles.Overwrite.REPLACE : KeyFiles.Overwrite.REFUSE;
        try {
            if (secret) {
                KeyFiles.write(target, text, overwrite);
            } else {
                KeyFiles.writePublic(target, text, overwrite);
            }
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.USAGE, name + " exists; give --force to replace it");
        }
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        if (!Files.exists(a) || !Files.exists(b)) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
        return Files.isSameFile(a, b);
    }

    /** Text to a file when one is named, else to standard output. */
    void output(String fileOrNull, String text, boolean secret, boolean replace, String... inputs) throws IOException {
        if (fileOrNull == null || fileOrNull.equals("-")) {
            out().print(text.endsWith("\n") ? text : text + "\n");
        } else {
            writeFile(fileOrNull, text.endsWith("\n") ? text : text + "\n", secret, replace, inputs);
        }
    }
}
