package dev.wafer.spi;

import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;

/**
 * An RSA public key (RFC 8017 §3.1) whose size and exponent the api has checked.
 *
 * @param spec the modulus and public exponent
 * @since 0.1
 */
public record RsaPublicKeyMaterial(RSAPublicKeySpec spec) implements PublicKeyMaterial {
    /**
     * Validates.
     *
     * @param spec the modulus and public exponent
     */
    public RsaPublicKeyMaterial {
        Objects.requireNonNull(spec, "spec");
    }
}
