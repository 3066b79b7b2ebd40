package dev.wafer.cli;

import dev.wafer.Claims;
import dev.wafer.KeyFiles;
import dev.wafer.TokenVerifier;
import dev.wafer.internal.ClaimsJson;
import dev.wafer.internal.Json;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verifies a JSON Web Token and prints its claims.",
            "It is checked against a public JWK Set, as a second service would check it. The algorithm comes "
            + "from the key the kid names, never from the token (RFC 8725); exp is required; iss is checked "
            + "(--iss, or --any-issuer), aud when given, and a token with an audience needs --aud (RFC 7519 §4.1.3). Exit code 1 "
            + "when the token is rejected, 3 when it has expired."})
final class VerifyCommand extends WaferCommand {
    @Option(names = "--jwks", required = true, paramLabel = "FILE", description = "The public JWK Set (wafer public).")
    String jwks;

    @Option(names = "--iss", paramLabel = "ISSUER", description = "The issuer the token must have.")
    String issuer;

    @Option(names = "--any-issuer", description = "Accept any issuer: only for a key set one issuer alone signs with. "
            + "One of --iss and --any-issuer is required.")
    boolean anyIssuer;

    @Option(names = "--aud", paramLabel = "AUDIENCE", description = "This verifier's audience, which aud must contain.")
    String audience;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "JWT", description = "The header typ required (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--skew", paramLabel = "DURATION", defaultValue = "60s", converter = Converters.DurationConverter.class,
            description = "Clock skew tolerated on exp, nbf and iat, at most 10m (default: ${DEFAULT-VALUE}).")
    Duration skew;

    @Parameters(paramLabel = "TOKEN", arity = "0..1", description = "The token; standard input when absent or -.")
    String token;

    @Override
    public Integer call() throws Exception {
        if (skew.compareTo(TokenVerifier.MAX_CLOCK_SKEW) > 0) {
            throw usage("--skew must be at most 10m");
        }
        if ((issuer == null) == !anyIssuer) {
            throw usage("say which issuer to trust: --iss ISSUER, or --any-issuer");
        }
        TokenVerifier.Builder b = TokenVerifier.builder(KeyFiles.readVerificationKeySet(root().resolve(jwks)))
                .clock(root().clock).clockSkew(skew).type(type);
        if (issuer != null) {
            b.issuer(issuer);
        } else {
            b.anyIssuer();
        }
        if (audience != null) {
            b.audience(audience);
        }
        Claims claims = b.build().verify(input(token, "token").strip());
        out().println(Json.writePretty(ClaimsJson.toMembers(claims)));
        return ExitCode.OK;
    }
}
