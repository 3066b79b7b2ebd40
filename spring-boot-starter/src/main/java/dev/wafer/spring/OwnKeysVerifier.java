package dev.wafer.spring;

import dev.wafer.Claims;
import dev.wafer.TokenVerifier;
import dev.wafer.VerificationKeySet;
import dev.wafer.web.ReloadingSigner;
import java.util.function.Function;

/**
 * Verifies the application's own tokens with the public halves of its signing keys, rebuilt when
 * the key file rotates, so that a token signed under a new primary verifies at once.
 */
final class OwnKeysVerifier implements TokenVerifier {
    private record Built(Object keys, TokenVerifier verifier) { }

    private final ReloadingSigner signer;
    private final Function<VerificationKeySet, TokenVerifier> build;
    private volatile Built current;

    OwnKeysVerifier(ReloadingSigner signer, Function<VerificationKeySet, TokenVerifier> build) {
        this.signer = signer;
        this.build = build;
    }

    private TokenVerifier verifier() {
        Object keys = signer.keys();
        Built b = current;
        if (b == null || b.keys() != keys) {
            b = new Built(keys, build.apply(signer.publicKeys()));
            current = b;
        }
        return b.verifier();
    }

    @Override
    public Claims verify(String token) {
        return verifier().verify(token);
    }

    @Override
    public VerificationKeySet keys() {
        return verifier().keys();
    }

    @Override
    public TokenVerifier withKeys(VerificationKeySet keys) {
        return verifier().withKeys(keys);
    }

    @Override
    public String toString() {
        return "OwnKeysVerifier[" + signer + "]";
    }
}
