package dev.wafer.cli;

import dev.wafer.Claims;
import dev.wafer.InvalidTokenException;
import dev.wafer.LimitExceededException;
import dev.wafer.TokenSigner;
import dev.wafer.internal.ClaimsJson;
import dev.wafer.internal.Json;
import dev.wafer.internal.Utf8;
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
            + "win. iat is now; exp is now plus --lifetime (15 minutes by default) unless the claims set one."})
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

    @Option(names = "--lifetime", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "The token's lifetime: exp is now plus this (default 15m, or the claims' exp).")
    Duration lifetime;

    /** The name before 1.0, kept for scripts that use it. */
    @Option(names = "--ttl", hidden = true, paramLabel = "DURATION", converter = Converters.DurationConverter.class)
    Duration ttl;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "JWT",
            description = "The header typ, for example at+jwt (default: ${DEFAULT-VALUE}).")
    String type;

    @Mixin
    MasterKeyOptions master = new MasterKeyOptions();

    @Override
    public Integer call() throws Exception {
        Claims.Builder b = claimsFile != null ? claimsFrom(readFile(claimsFile, "claims")) : Claims.builder();
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
        Duration lifetime = eitherName("--lifetime", this.lifetime, "--ttl", ttl, null);
        if (lifetime != null) {
            b.expiresAt(root().clock.instant().plus(lifetime));
        }
        TokenSigner signer = TokenSigner.builder(KeyFile.read(this, keys, master).signing()).clock(root().clock)
                .type(type).build();
        try {
            out().println(signer.sign(b.build()));
        } catch (LimitExceededException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage());
        }
        return ExitCode.OK;
    }

    /** Claims from a JSON object, registered claims with their RFC 7519 types, as a verifier reads them. */
    private static Claims.Builder claimsFrom(String json) {
        try {
            return ClaimsJson.fromMembers(Json.parseObject(Utf8.encode(json))).toBuilder();
        } catch (IllegalArgumentException | InvalidTokenException e) {
            throw new CliException(ExitCode.INVALID, "the claims are not a JSON object of valid claims: " + e.getMessage());
        }
    }
}
