package dev.wafer.cli;

import dev.wafer.Claims;
import dev.wafer.TokenSigner;
import dev.wafer.Wafer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signs a JSON Web Token.",
            "The key set's primary key signs it; the token is printed (JWS compact serialization). Claims "
            + "come from a JSON object (--claims FILE, or - for standard input) and from the options, which "
            + "win. iat is now; exp is now plus --ttl (15 minutes by default) unless the claims set one."})
final class SignCommand extends WaferCommand {
    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The signing key set.")
    String keys;

    @Option(names = "--claims", paramLabel = "FILE", description = "A JSON object of claims; - reads standard input.")
    String claimsFile;

    @Option(names = "--iss", paramLabel = "ISSUER", description = "The issuer (iss).")
    String issuer;

    @Option(names = "--sub", paramLabel = "SUBJECT", description = "The subject (sub).")
    String subject;

    @Option(names = "--aud", paramLabel = "AUDIENCE", description = "An audience (aud); repeat for several.")
    List<String> audience;

    @Option(names = "--jti", paramLabel = "ID", description = "The token id (jti).")
    String jwtId;

    @Option(names = "--claim", paramLabel = "NAME=VALUE", description = "A custom claim with a string value; repeatable.")
    Map<String, String> custom;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Lifetime: exp is now plus this (default 15m, or the claims' exp).")
    Duration ttl;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "JWT",
            description = "The header typ, for example at+jwt (default: ${DEFAULT-VALUE}).")
    String type;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        Claims.Builder b = claimsFile != null
                ? JsonText.claims(JsonText.parseObject(readFile(claimsFile, "claims"), "the claims"))
                : Claims.builder();
        if (issuer != null) {
            b.issuer(issuer);
        }
        if (subject != null) {
            b.subject(subject);
        }
        if (audience != null) {
            b.audience(audience.toArray(new String[0]));
        }
        if (jwtId != null) {
            b.jwtId(jwtId);
        }
        if (custom != null) {
            try {
                custom.forEach(b::claim);
            } catch (IllegalArgumentException e) {
                throw usage("--claim: " + e.getMessage());
            }
        }
        if (ttl != null) {
            b.expiresAt(root().clock.instant().plus(ttl));
        }
        TokenSigner signer = Wafer.provider().signer(KeyFile.read(this, keys, master).signing()).clock(root().clock)
                .type(type).build();
        out().println(signer.sign(b.build()));
        return ExitCode.OK;
    }
}
