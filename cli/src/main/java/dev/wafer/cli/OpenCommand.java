package dev.wafer.cli;

import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeyring;
import dev.wafer.Wafer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens a sealed value and prints the value.",
            "It opens only for the cookie name and purpose it was sealed for. The sealed value comes from "
            + "the argument or, without one (or with -), from standard input. Exit code 1 when it does not "
            + "open (tampered, another key, cookie or purpose), 3 when it has expired. A note on stderr says "
            + "when the value should be sealed again (its key is no longer the primary)."})
final class OpenCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing keyring.")
    String keys;

    @Option(names = "--cookie", required = true, paramLabel = "NAME", description = "The name of the cookie the value came in.")
    String cookie;

    @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "", description = "The purpose it was sealed for.")
    String purpose;

    @Parameters(paramLabel = "SEALED", arity = "0..1", description = "The sealed value; standard input when absent or -.")
    String sealed;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        SealContext context = SealCommand.context(this, cookie, purpose);
        SealingKeyring ring = KeyFile.read(this, keys, master).sealing();
        OpenedValue opened = Wafer.provider().sealer(ring).clock(root().clock).build()
                .open(input(sealed, "sealed value").strip(), context);
        out().println(opened.text());
        if (opened.shouldReseal()) {
            note("sealed under key " + String.format("%08x", opened.keyId()) + ", which is no longer the primary key: "
                    + "seal the value again (wafer seal) and send the new one");
        }
        return ExitCode.OK;
    }
}
