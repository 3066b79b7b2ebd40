package dev.wafer;

import dev.wafer.internal.Utf8;
import java.time.Instant;

/**
 * An authenticated value that a {@link CookieSealer} opened, with its expiry, the key that opened
 * it and whether it should be sealed again.
 *
 * <p>{@link #toString()} never shows the value, which may be secret session data.
 *
 * @since 0.1
 */
public final class OpenedValue {
    private final byte[] value;
    private final Instant expiresAt;
    private final String keyId;
    private final boolean shouldReseal;

    OpenedValue(byte[] value, Instant expiresAt, String keyId, boolean shouldReseal) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.keyId = keyId;
        this.shouldReseal = shouldReseal;
    }

    /**
     * The value's bytes.
     *
     * @return a copy
     * @since 0.1
     */
    public byte[] bytes() {
        return value.clone();
    }

    /**
     * The value as UTF-8 text. Bytes that are not valid UTF-8 are refused, never replaced with
     * U+FFFD: what was sealed is what is read, or nothing.
     *
     * @return the text
     * @throws InvalidSealedValueException if the value is not valid UTF-8 (it was sealed as bytes);
     *     read it with {@link #bytes()}
     * @since 0.1
     */
    public String text() {
        try {
            return Utf8.decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSealedValueException("the sealed value is not UTF-8 text; read it with bytes()");
        }
    }

    /**
     * When the value expires; authenticated.
     *
     * @return the expiry
     * @since 0.1
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * The id of the key that opened it.
     *
     * @return 8 lowercase hex digits
     * @since 0.1
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Whether to seal the value again and send the new cookie: it was sealed under a key that is no
     * longer the primary (so that old keys can be retired without logging anyone out), or less
     * than the sealer's refresh window remains before it expires (rolling sessions).
     *
     * @return whether to reseal
     * @since 0.1
     */
    public boolean shouldReseal() {
        return shouldReseal;
    }

    /**
     * Key id, expiry, length and reseal flag; never the value.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "OpenedValue[kid=" + keyId + ", expiresAt=" + expiresAt + ", length=" + value.length
                + ", shouldReseal=" + shouldReseal + "]";
    }
}
