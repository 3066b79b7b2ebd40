package dev.wafer.cli;

import dev.wafer.ProviderReport;
import dev.wafer.Wafer;
import picocli.CommandLine.Command;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {"Lists the installed crypto providers and their self-tests.",
            "For each: its algorithms and self-test results; then which provider serves each algorithm, and any "
            + "problem found. Exit code 5 when none is installed, or a problem was found (a failed self-test, a "
            + "provider skipped, a wafer.provider property that names no installed provider)."})
final class ProvidersCommand extends WaferCommand {
    @Override
    public Integer call() {
        ProviderReport report = Wafer.report();
        if (report.providers().isEmpty()) {
            throw new CliException(ExitCode.UNAVAILABLE, "no provider installed; put wafer-provider-jca (or -bc, -tink) "
                    + "on the class path");
        }
        out().print(report.toString()); // escapes what the providers wrote
        return report.problems().isEmpty() ? ExitCode.OK : ExitCode.UNAVAILABLE;
    }
}
