package dev.wafer.cli;

import dev.wafer.CookieSealer;
import dev.wafer.SealContext;
import dev.wafer.Wafer;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "seal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seals a value for a cookie.",
            "The keyring's primary key seals it; the sealed value is printed. The value comes from the "
            + "argument or, without one (or with -), from standard input, whose final newline is dropped. The "
            + "sealed value opens only for the same cookie name and purpose, until it expires."})
final class SealCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing keyring.")
    String keys;

    @Option(names = "--cookie", required = true, paramLabel = "NAME", description = "The name of the cookie the value is for.")
    String cookie;

    @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "", description = "A purpose, for example login.")
    String purpose;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = Converters.DurationConverter.class,
            description = "How long the value opens, one second to ten years: 30s, 15m, 8h, 7d (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Parameters(paramLabel = "VALUE", arity = "0..1", description = "The value; standard input when absent or -.")
    String value;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        if (ttl.compareTo(CookieSealer.MAX_TTL) > 0) {
            throw usage("--ttl must be at most ten years");
        }
        SealContext context = context(this, cookie, purpose);
        CookieSealer sealer = Wafer.provider().sealer(KeyFile.read(this, keys, master).sealing()).clock(root().clock).build();
        String text = input(value, "value");
        String sealed;
        try {
            sealed = sealer.seal(text, context, ttl);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage());
        }
        out().println(sealed);
        return ExitCode.OK;
    }

    static SealContext context(WaferCommand command, String cookie, String purpose) {
        try {
            return SealContext.of(cookie, purpose);
        } catch (IllegalArgumentException e) {
            throw command.usage(e.getMessage());
        }
    }
}
