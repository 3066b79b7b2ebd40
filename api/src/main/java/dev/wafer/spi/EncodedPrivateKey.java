package dev.wafer.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A private key given as one byte string: for Ed25519, the 32-byte seed of RFC 8032 §5.1.5.
 *
 * <h2>Security</h2>
 * <p>The bytes are copied in and out; {@link #wipe()} zeroes this object's copy. {@link #toString()}
 * names the length only.
 *
 * @since 0.1
 */
public final class EncodedPrivateKey implements PrivateKeyMaterial {
    private final byte[] encoded;

    /**
     * Wraps an encoding.
     *
     * @param encoded the key's bytes; copied
     * @since 0.1
     */
    public EncodedPrivateKey(byte[] encoded) {
        this.encoded = Objects.requireNonNull(encoded, "encoded").clone();
    }

    /**
     * The key's bytes; the caller wipes them after use.
     *
     * @return a copy
     * @since 0.1
     */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The length, for checks and messages.
     *
     * @return the number of bytes
     * @since 0.1
     */
    public int length() {
        return encoded.length;
    }

    /**
     * Zeroes this object's copy of the key.
     *
     * @since 0.1
     */
    public void wipe() {
        Arrays.fill(encoded, (byte) 0);
    }

    /**
     * The length only; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "EncodedPrivateKey[" + encoded.length + " bytes]";
    }
}
