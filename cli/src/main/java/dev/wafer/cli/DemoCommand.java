package dev.wafer.cli;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.Provider;
import dev.wafer.SealContext;
import dev.wafer.SealingKeyring;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
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
        Provider wafer = Wafer.provider();
        SealingKeyring keyring = SealingKeyring.generate();
        CookieSealer sealer = wafer.sealer(keyring).build();
        String cookie = sealer.seal("user=42;role=admin", SealContext.of("session"), Duration.ofHours(8));
        OpenedValue opened = sealer.open(cookie, SealContext.of("session"));

        SigningKeySet keys = SigningKeySet.generate();
        String jwt = wafer.signer(keys).issuer("https://login.example").build()
                .sign(Claims.builder().subject("42").audience("api").build());
        TokenVerifier verifier = wafer.verifier(keys.publicKeys())
                .issuer("https://login.example").audience("api").build();
        Claims claims = verifier.verify(jwt);

        out().println("provider:        " + wafer.name() + " (sealing " + wafer.servedBy(keyring.primary().algorithm())
                + ", signing " + wafer.servedBy(keys.primary().algorithm()) + ")");
        out().println("sealed value:    " + cookie);
        out().println("opened value:    " + opened.text() + "  (expires " + opened.expiresAt() + ")");
        out().println("signed token:    " + jwt);
        out().println("verified claims: " + claims);
        return ExitCode.OK;
    }
}
