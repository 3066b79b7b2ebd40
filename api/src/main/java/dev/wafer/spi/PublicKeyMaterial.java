package dev.wafer.spi;

/**
 * The public half of a signing key as a provider receives it: {@link EncodedPublicKey} for
 * algorithms whose public key is one byte string (Ed25519), {@link RsaPublicKeyMaterial} for RSA.
 * New algorithms add a type here, without touching providers that do not implement them.
 *
 * @since 0.1
 */
public interface PublicKeyMaterial {
}
