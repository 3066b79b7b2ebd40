package dev.wafer.examples;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.OpenedValue;
import dev.wafer.SealContext;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The README quickstart: seal and open a cookie value, sign a token and verify it with the public
 * keys. The lines between the markers are the README's, word for word (QuickstartTest checks).
 */
public final class Quickstart {
    private Quickstart() {
    }

    /**
     * Runs the quickstart with the default provider and prints its four results.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        // README-BEGIN
        SealingKeySet sealingKeys = SealingKeySet.generate();               // XAES-256-GCM
        CookieSealer sealer = CookieSealer.builder(sealingKeys).build();    // build once, share
        String cookie = sealer.seal("user=42;role=admin", SealContext.of("session"), Duration.ofHours(8));
        OpenedValue opened = sealer.open(cookie, SealContext.of("session")); // throws if tampered or expired

        SigningKeySet keys = SigningKeySet.generate();                      // Ed25519
        String jwt = TokenSigner.builder(keys).issuer("https://login.example").build()
                .sign(Claims.builder().subject("42").audience("api").build());
        TokenVerifier verifier = TokenVerifier.builder(keys.publicKeys())   // or VerificationKeySet.fromJwkSet(jwks)
                .issuer("https://login.example").audience("api").build();
        Claims claims = verifier.verify(jwt);                               // throws unless valid
        // README-END
        out.println("sealed value:    " + cookie);
        out.println("opened value:    " + opened.text() + "  (expires " + opened.expiresAt() + ")");
        out.println("signed token:    " + jwt);
        out.println("verified claims: " + claims);
    }
}
