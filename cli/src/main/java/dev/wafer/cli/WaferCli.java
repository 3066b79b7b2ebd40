package dev.wafer.cli;

import dev.wafer.internal.Text;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code wafer} command: the root of the command tree, the entry point, and the one place
 * where failures become a line on stderr and an exit code.
 */
@Command(name = "wafer", mixinStandardHelpOptions = true, versionProvider = WaferCli.Version.class,
        description = {"Seals cookie values and signs tokens, and manages their keys, from the command line.",
            "Values and tokens are read from an argument or standard input; results go to standard output. "
            + "Key files are JWK Sets (docs/format.md), optionally sealed at rest under a master key."},
        subcommands = {DemoCommand.class, KeygenCommand.class, RotateCommand.class, PromoteCommand.class, RetireCommand.class,
            PublicCommand.class, SealCommand.class, OpenCommand.class, SignCommand.class, VerifyCommand.class,
            InspectCommand.class, ProvidersCommand.class, PemCommand.class, KeyfileCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success",
            "1:invalid input: a value, token, key or key file was rejected",
            "2:usage error: unknown command or option, missing or malformed argument",
            "3:expired: the sealed value or token has expired",
            "4:I/O error: a file, standard input or output could not be read or written",
            "5:unavailable: no provider, algorithm or working engine",
            "70:internal error (a bug; --verbose shows the stack trace)"},
        footer = {"", "Documentation: docs/cli.md. Errors go to stderr on one line; --verbose adds the stack trace."})
public final class WaferCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print its stack trace too; log at INFO.")
    boolean verbose;

    final InputStream in;
    final Path workDir;
    final Clock clock;
    final UnaryOperator<String> environment;
    final boolean interactive;

    WaferCli(InputStream in, Path workDir, Clock clock, UnaryOperator<String> environment, boolean interactive) {
        this.in = Objects.requireNonNull(in, "in");
        this.workDir = workDir.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.interactive = interactive;
    }

    /**
     * Runs {@code wafer} and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(new WaferCli(System.in, Path.of(""), Clock.systemUTC(), System::getenv, System.console() != null),
                out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams; the tests' entry point. */
    static int execute(WaferCli root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Signing key ids are base64url thumbprints, and one in 64 starts with '-': take an argument
        // that is no known option as a positional one (a KID), and let an option's value start with
        // '-' (--kid -X3tn...). '--' ends the options for any other id; the CLI's hints always use it.
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setAllowOptionsAsOptionParameters(true);
        // Without clusters, "-hX3tn" is no "-h -X -3 ...": never a help screen and exit 0 in place of a
        // retirement, but at worst an unknown option (exit 2) that says how to pass it.
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setParameterExceptionHandler((e, a) -> {
            CommandLine at = e.getCommandLine();
            boolean dashed = e instanceof CommandLine.UnmatchedArgumentException
                    || String.valueOf(e.getMessage()).contains("but found '-");
            String hint = dashed ? "; an argument that starts with '-', such as a key id, goes after '--'" : "";
            err.println(at.getCommandSpec().qualifiedName() + ": " + root.display(oneLine(e.getMessage())) + hint
                    + " (see '" + at.getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, at, parsed) -> {
            err.println(at.getCommandSpec().qualifiedName() + ": " + root.display(describe(e)));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            return ExitCode.of(e);
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
    }

    /** A path as given, resolved against the working directory. */
    Path resolve(String path) {
        return workDir.resolve(path);
    }

    /** A message with the working directory taken out of the paths in it, as the user typed them. */
    String display(String message) {
        return message.replace(workDir + File.separator, "");
    }

    private static String describe(Exception e) {
        if (e instanceof UncheckedIOException) {
            return describe(((UncheckedIOException) e).getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists: " + ((FileAlreadyExistsException) e).getFile();
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory: " + ((NotDirectoryException) e).getFile();
        }
        if (e instanceof IOException) {
            return "I/O error: " + oneLine(String.valueOf(e.getMessage()));
        }
        if (ExitCode.of(e) == ExitCode.INTERNAL) {
            return "internal error: " + oneLine(e.toString()) + " (--verbose shows where)";
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    /**
     * A message on one line, safe for a terminal: line breaks become "; ", and every other control
     * or format character (ESC, bidirectional overrides) an escape. Messages can quote input: a
     * JSON member name, a key id.
     */
    private static String oneLine(String s) {
        return Text.escapeControls(s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip());
    }

    /** wafer -V: this artifact's version and the JDK's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = WaferCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"wafer-cli " + p.getProperty("version", "(unknown version)") + " on Java "
                    + Runtime.version()};
        }
    }
}
