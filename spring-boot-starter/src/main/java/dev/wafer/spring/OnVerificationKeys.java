package dev.wafer.spring;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** There is something to verify tokens with: a remote JWK Set, a public key file or own signing keys. */
class OnVerificationKeys extends AnyNestedCondition {
    OnVerificationKeys() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("wafer.verification.jwk-set-uri")
    static class JwkSetUri {
    }

    @ConditionalOnProperty("wafer.verification.key-file")
    static class KeyFile {
    }

    @ConditionalOnProperty("wafer.signing.key-file")
    static class SigningKeyFile {
    }
}
