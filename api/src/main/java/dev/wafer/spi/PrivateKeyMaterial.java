package dev.wafer.spi;

/**
 * A private signing key as a provider receives it: {@link EncodedPrivateKey} for algorithms whose
 * private key is one byte string (the Ed25519 seed), {@link RsaPrivateKeyMaterial} for RSA.
 *
 * <h2>Security</h2>
 * <p>Implementations hold secret key material: they are final classes, not records; their
 * {@code toString} names the type only.
 *
 * @since 0.1
 */
public interface PrivateKeyMaterial {
}
