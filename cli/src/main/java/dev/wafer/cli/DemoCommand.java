package dev.wafer.cli;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import java.time.Duration;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Shows Wafer's main job with throw-away keys and the default provider: seals a cookie "
            + "value and opens it, signs a token and verifies it with the public keys.",
            "Prints the sealed value, the opened value, the signed token and the verified claims. Nothing is "
            + "written to disk."})
final class DemoCommand extends WaferCommand {
    @Override
    public Integer call() {
        WaferEngines engines = Wafer.engines();
        SealingKeySet sealingKeys = SealingKeySet.generate();
        CookieSealer sealer = CookieSealer.builder(sealingKeys).build();
        String cookie = sealer.seal("user=42;role=admin", SealContext.of("session"), Duration.ofHours(8));
        OpenedValue opened = sealer.open(cookie, SealContext.of("session"));

        SigningKeySet keys = SigningKeySet.generate();
        String jwt = TokenSigner.builder(keys).issuer("https://login.example").build()
                .sign(Claims.builder().subject("42").audience("api").build());
        TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys())
                .issuer("https://login.example").audience("api").build();
        Claims claims = verifier.verify(jwt);

        out().println("provider:        " + engines.name() + " (sealing " + engines.servedBy(sealingKeys.primary().algorithm())
                + ", signing " + engines.servedBy(keys.primary().algorithm()) + ")");
        out().println("sealed value:    " + cookie);
        out().println("opened value:    " + opened.text() + "  (expires " + opened.expiresAt() + ")");
        out().println("signed token:    " + jwt);
        out().println("verified claims: " + claims);
        return ExitCode.OK;
    }
}
