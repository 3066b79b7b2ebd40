/**
 * The {@code wafer} command line, on picocli: one class per command, {@link dev.wafer.cli.WaferCli}
 * as the entry point. Not an API: the commands, their options, output and exit codes are
 * documented in docs/cli.md.
 */
package dev.wafer.cli;
