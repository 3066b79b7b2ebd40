package dev.wafer.spi;

import java.util.Objects;

/**
 * A public key given as its standard encoding: for Ed25519, the 32-byte point of RFC 8032 §5.1.2.
 * Immutable: the bytes are copied in and out.
 *
 * @since 0.1
 */
public final class EncodedPublicKey implements PublicKeyMaterial {
    private final byte[] encoded;

    /**
     * Wraps an encoding.
     *
     * @param encoded the key's bytes; copied
     * @since 0.1
     */
    public EncodedPublicKey(byte[] encoded) {
        this.encoded = Objects.requireNonNull(encoded, "encoded").clone();
    }

    /**
     * The key's bytes.
     *
     * @return a copy
     * @since 0.1
     */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The length, for messages.
     *
     * @return the number of bytes
     * @since 0.1
     */
    public int length() {
        return encoded.length;
    }

    /**
     * The type and length.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "EncodedPublicKey[" + encoded.length + " bytes]";
    }
}
