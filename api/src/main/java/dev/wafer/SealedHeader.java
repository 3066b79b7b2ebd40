package dev.wafer;

import dev.wafer.internal.SealedFormat;
import java.time.Instant;
import java.util.Objects;

/**
 * What anyone can read from a sealed value without a key: its format version, key id and expiry
 * (docs/format.md §1). For diagnostics and routing only (which key set, when it expires):
 * <b>nothing here is authenticated</b> until the value opens.
 *
 * <pre>{@code
 * SealedHeader h = SealedHeader.peek(cookie);   // unauthenticated
 * }</pre>
 *
 * @param version the format version, 1
 * @param keyId the key id, 8 lowercase hex digits
 * @param expiresAt the expiry the value claims
 * @param sealedBytes the length of the decoded value: header, nonce, ciphertext and tag
 * @since 0.1
 */
public record SealedHeader(int version, String keyId, Instant expiresAt, int sealedBytes) {
    /** The longest value {@link #peek(String)} reads, in characters: 1 MiB. */
    public static final int MAX_SEALED_CHARS = 1 << 20;

    /**
     * Validates.
     *
     * @param version the format version
     * @param keyId the key id
     * @param expiresAt the expiry
     * @param sealedBytes the decoded length
     */
    public SealedHeader {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Reads the header of a sealed value, checking only what needs no key: the length, the strict
     * base64url encoding, the version and the expiry's range.
     *
     * @param sealed a sealed value
     * @return its header, unauthenticated
     * @throws InvalidSealedValueException if it is not a version 1 sealed value
     * @since 0.1
     */
    public static SealedHeader peek(String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        SealedFormat.Header h = SealedFormat.peek(sealed, MAX_SEALED_CHARS);
        return new SealedHeader(h.version(), SealingKey.hex(h.keyId()), Instant.ofEpochSecond(h.expiresAtEpochSecond()),
                h.sealedBytes());
    }
}
