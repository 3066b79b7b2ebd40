package dev.wafer.cli;

import dev.wafer.CookieSealer;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.internal.Text;
import java.util.Base64;
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
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing key set.")
    String keys;

    @Option(names = "--cookie", required = true, paramLabel = "NAME", description = "The name of the cookie the value came in.")
    String cookie;

    @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "", description = "The purpose it was sealed for.")
    String purpose;

    @Option(names = "--base64", description = "Print the value as unpadded base64url: for a value that is not UTF-8 text.")
    boolean base64;

    @Parameters(paramLabel = "SEALED", arity = "0..1", description = "The sealed value; standard input when absent or -.")
    String sealed;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        SealContext context = SealCommand.context(this, cookie, purpose);
        SealingKeySet keySet = KeyFile.read(this, keys, master).sealing();
        OpenedValue opened = CookieSealer.builder(keySet).clock(root().clock).acceptAesGcmLimit().build()
                .open(input(sealed, "sealed value").strip(), context);
        if (base64) {
            out().println(Base64.getUrlEncoder().withoutPadding().encodeToString(opened.bytes()));
        } else {
            String text;
            try {
                text = opened.text();
            } catch (InvalidSealedValueException e) {
                throw new CliException(ExitCode.INVALID, "the value is not UTF-8 text; print it with --base64");
            }
            // Text from a sealed value is printed as it is: the sealer's owner wrote it. Only what a
            // terminal would act on (controls, bidirectional overrides) is escaped.
            out().println(Text.escapeControls(text));
        }
        if (opened.shouldReseal()) {
            note("sealed under key " + opened.keyId() + ", which is no longer the primary key: "
                    + "seal the value again (wafer seal) and send the new one");
        }
        return ExitCode.OK;
    }
}
