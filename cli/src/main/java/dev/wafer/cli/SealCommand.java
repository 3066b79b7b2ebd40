package dev.wafer.cli;

import dev.wafer.CookieSealer;
import dev.wafer.LimitExceededException;
import dev.wafer.SealContext;
import dev.wafer.internal.Base64Url;
import dev.wafer.internal.Utf8;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "seal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seals a value for a cookie.",
            "The key set's primary key seals it; the sealed value is printed. The value comes from the "
            + "argument or, without one (or with -), from standard input, whose final newline is dropped. The "
            + "sealed value opens only for the same cookie name and purpose, until it expires."})
final class SealCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The sealing key set.")
    String keys;

    @Option(names = "--cookie", required = true, paramLabel = "NAME", description = "The name of the cookie the value is for.")
    String cookie;

    @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "", description = "A purpose, for example login.")
    String purpose;

    @Option(names = "--lifetime", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How long the value opens, from one second to the key set's maximum lifetime (keygen "
                    + "--max-lifetime), at most ten years: 30s, 15m, 8h, 7d (default: 1h).")
    Duration lifetime;

    /** The name before 1.0, kept for scripts that use it. */
    @Option(names = "--ttl", hidden = true, paramLabel = "DURATION", converter = Converters.DurationConverter.class)
    Duration ttl;

    @Option(names = "--base64", description = "The value is unpadded base64url: for a value that is not UTF-8 text.")
    boolean base64;

    @Parameters(paramLabel = "VALUE", arity = "0..1", description = "The value; standard input when absent or -.")
    String value;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        SealContext context = context(this, cookie, purpose);
        Duration lifetime = eitherName("--lifetime", this.lifetime, "--ttl", ttl, Duration.ofHours(1));
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(CookieSealer.MAX_LIFETIME) > 0) {
            throw usage("--lifetime must be one second to ten years (3650d)");
        }
        CookieSealer sealer = CookieSealer.builder(KeyFile.read(this, keys, master).sealing()).clock(root().clock)
                .acceptAesGcmLimit().build();
        String text = input(value, "value");
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64Url.decode(text.strip());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID, "the value is not unpadded base64url");
            }
        } else {
            try {
                bytes = Utf8.encode(text);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID, e.getMessage());
            }
        }
        String sealed;
        try {
            sealed = sealer.seal(bytes, context, lifetime);
        } catch (LimitExceededException e) {
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
