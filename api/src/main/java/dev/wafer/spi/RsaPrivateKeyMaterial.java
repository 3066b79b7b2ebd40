package dev.wafer.spi;

import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Objects;

/**
 * An RSA private key in CRT form (RFC 8017 §3.2), whose parts the api has checked against each
 * other and against its public half.
 *
 * <h2>Security</h2>
 * <p>{@link #toString()} shows the modulus size only.
 *
 * @since 0.1
 */
public final class RsaPrivateKeyMaterial implements PrivateKeyMaterial {
    private final RSAPrivateCrtKeySpec spec;

    /**
     * Wraps a key.
     *
     * @param spec the private key in CRT form
     * @since 0.1
     */
    public RsaPrivateKeyMaterial(RSAPrivateCrtKeySpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * The key.
     *
     * @return the private key in CRT form
     * @since 0.1
     */
    public RSAPrivateCrtKeySpec spec() {
        return spec;
    }

    /**
     * The modulus size only; never key material.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "RsaPrivateKeyMaterial[" + spec.getModulus().bitLength() + " bits]";
    }
}
