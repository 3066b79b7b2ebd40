package dev.wafer.cli;

import dev.wafer.EngineFailureException;
import dev.wafer.ExpiredTokenException;
import dev.wafer.ExpiredValueException;
import dev.wafer.KeyException;
import dev.wafer.LimitExceededException;
import dev.wafer.ProviderNotFoundException;
import dev.wafer.RejectedInputException;
import dev.wafer.UnsupportedAlgorithmException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The exit codes of {@code wafer}, documented in docs/cli.md and in {@code wafer --help}. */
final class ExitCode {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** A value, token, key or key file was rejected: malformed, tampered, wrong key or context, refused. */
    static final int INVALID = 1;
    /** The command line was wrong: unknown command or option, missing or malformed argument. */
    static final int USAGE = 2;
    /** A sealed value or token has expired. */
    static final int EXPIRED = 3;
    /** A file, standard input or standard output could not be read or written. */
    static final int IO = 4;
    /** No provider, or none that implements the algorithm, or an engine failed its self-test. */
    static final int UNAVAILABLE = 5;
    /** A bug: an unexpected exception (run again with --verbose for its stack trace). */
    static final int INTERNAL = 70;

    private ExitCode() {
    }

    static int of(Throwable e) {
        if (e instanceof CliException) {
            return ((CliException) e).exitCode();
        }
        if (e instanceof ExpiredValueException || e instanceof ExpiredTokenException) {
            return EXPIRED;
        }
        if (e instanceof RejectedInputException || e instanceof KeyException || e instanceof LimitExceededException) {
            return INVALID;
        }
        if (e instanceof ProviderNotFoundException || e instanceof UnsupportedAlgorithmException
                || e instanceof EngineFailureException) {
            return UNAVAILABLE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return IO;
        }
        if (e instanceof IllegalArgumentException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
