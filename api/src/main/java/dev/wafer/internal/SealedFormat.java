package dev.wafer.internal;

import dev.wafer.EngineFailureException;
import dev.wafer.ExpiredValueException;
import dev.wafer.InvalidSealedValueException;
import dev.wafer.spi.AeadEngine;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The sealed-value format, version 1 (docs/format.md), implemented once for every provider.
 *
 * <pre>
 * sealed = base64url-no-padding( header || nonce || ciphertext || tag )
 * header = 0x01 || kid (4 bytes) || expires_at (8 bytes, big-endian epoch seconds)
 * AAD    = header || context
 * </pre>
 */
public final class SealedFormat {
    /** The format version byte. */
    public static final byte VERSION = 1;
    /** Bytes of version, key id and expiry. */
    public static final int HEADER_BYTES = 13;
    /** Bytes of the AEAD tag. */
    public static final int TAG_BYTES = 16;
    /** The smallest nonce of any sealing algorithm. */
    private static final int MIN_NONCE_BYTES = 12;
    /** Characters of the shortest possible sealed value (empty plaintext, 12-byte nonce). */
    public static final int MIN_SEALED_CHARS = Base64Url.encodedLength(HEADER_BYTES + MIN_NONCE_BYTES + TAG_BYTES);

    /** The latest expiry a value may carry: 9999-12-31T23:59:59Z. */
    public static final long MAX_EXPIRES_AT = 253402300799L;

    /** One message for every failure a key would be needed to tell apart: no oracle. */
    static final String NOT_AUTHENTIC = "sealed value is not authentic for this key set and context";

    private SealedFormat() {
    }

    /** What an authenticated sealed value carried. */
    public static final class Opened {
        private final byte[] plaintext;
        private final int keyId;
        private final long expiresAtEpochSecond;

        Opened(byte[] plaintext, int keyId, long expiresAtEpochSecond) {
            this.plaintext = plaintext;
            this.keyId = keyId;
            this.expiresAtEpochSecond = expiresAtEpochSecond;
        }

        /** @return the plaintext, owned by the caller */
        public byte[] plaintext() {
            return plaintext;
        }

        /** @return the key id that opened it */
        public int keyId() {
            return keyId;
        }

        /** @return the authenticated expiry */
        public long expiresAtEpochSecond() {
            return expiresAtEpochSecond;
        }
    }

    /**
     * Encodes a context: cookie name then purpose, each as a 4-byte big-endian length and UTF-8
     * bytes, so that no two (name, purpose) pairs encode alike.
     *
     * @param name the cookie name
     * @param purpose the purpose, empty for none
     * @return the context bytes
     * @throws IllegalArgumentException if the name or purpose is not valid Unicode
     */
    public static byte[] context(String name, String purpose) {
        // Strict: with getBytes, "a\ud800" and "a?" would be the same context.
        byte[] n = Utf8.encode(name);
        byte[] p = Utf8.encode(purpose);
        byte[] out = new byte[8 + n.length + p.length];
        putInt(out, 0, n.length);
        System.arraycopy(n, 0, out, 4, n.length);
        putInt(out, 4 + n.length, p.length);
        System.arraycopy(p, 0, out, 8 + n.length, p.length);
        return out;
    }

    /**
     * Writes a fresh nonce into a sealed value under construction.
     */
    @FunctionalInterface
    public interface NonceSource {
        /**
         * Fills {@code buf[off, off + len)} with a nonce that has never sealed under this key.
         *
         * @param buf the sealed value under construction
         * @param off where the nonce goes
         * @param len the algorithm's nonce length
         */
        void fill(byte[] buf, int off, int len);
    }

    /**
     * Seals with a given nonce: tests pass a fixed one to reproduce the vectors of docs/format.md,
     * key files a fresh one.
     *
     * @param engine the key's engine
     * @param keyId the key id
     * @param expiresAtEpochSecond the expiry
     * @param context the encoded context
     * @param nonce the nonce, exactly the algorithm's nonce length
     * @param plaintext the value
     * @return the sealed value
     */
    public static String seal(AeadEngine engine, int keyId, long expiresAtEpochSecond, byte[] context,
                              byte[] nonce, byte[] plaintext) {
        int nonceLen = engine.algorithm().nonceLengthBytes();
        if (nonce.length != nonceLen) {
            throw new IllegalArgumentException("nonce must be " + nonceLen + " bytes");
        }
        return seal(engine, keyId, expiresAtEpochSecond, context, (buf, off, len) -> System.arraycopy(nonce, 0, buf, off, len),
                plaintext);
    }

    /**
     * Seals with a nonce drawn straight into the sealed value: what {@code CookieSealer} does.
     *
     * @param engine the key's engine
     * @param keyId the key id
     * @param expiresAtEpochSecond the expiry
     * @param context the encoded context
     * @param nonces writes a fresh nonce of the algorithm's length
     * @param plaintext the value
     * @return the sealed value
     */
    public static String seal(AeadEngine engine, int keyId, long expiresAtEpochSecond, byte[] context,
                              NonceSource nonces, byte[] plaintext) {
        int nonceLen = engine.algorithm().nonceLengthBytes();
        if (expiresAtEpochSecond < 0 || expiresAtEpochSecond > MAX_EXPIRES_AT) {
            throw new IllegalArgumentException("expiry must lie between 1970 and 9999");
        }
        int ptOff = HEADER_BYTES + nonceLen;
        byte[] buf = new byte[ptOff + plaintext.length + TAG_BYTES];
        buf[0] = VERSION;
        putInt(buf, 1, keyId);
        putLong(buf, 5, expiresAtEpochSecond);
        nonces.fill(buf, HEADER_BYTES, nonceLen);
        System.arraycopy(plaintext, 0, buf, ptOff, plaintext.length);
        byte[] aad = aad(buf, context);
        try {
            engine.seal(buf, HEADER_BYTES, aad, 0, aad.length, buf, ptOff, plaintext.length, buf, ptOff);
        } catch (GeneralSecurityException | RuntimeException e) {
            Arrays.fill(buf, (byte) 0);
            throw new EngineFailureException(engine.algorithm().jwkName() + " engine failed to seal", e);
        }
        return Base64Url.encode(buf);
    }

    /** What a sealed value says of itself before any key is used: unauthenticated. */
    public record Header(int version, int keyId, long expiresAtEpochSecond, int sealedBytes) {
    }

    /**
     * Reads a sealed value's header: length, encoding, version and expiry range.
     *
     * @param sealed the sealed value
     * @param maxChars the longest accepted
     * @return the header
     * @throws InvalidSealedValueException if any of those is wrong
     */
    public static Header peek(CharSequence sealed, int maxChars) {
        byte[] buf = decode(sealed, maxChars);
        return new Header(buf[0], getInt(buf, 1), getLong(buf, 5), buf.length);
    }

    private static byte[] decode(CharSequence sealed, int maxChars) {
        int length = sealed.length();
        if (length > maxChars) {
            throw new InvalidSealedValueException("sealed value is longer than " + maxChars + " characters");
        }
        if (length < MIN_SEALED_CHARS) {
            throw new InvalidSealedValueException("sealed value is too short");
        }
        byte[] buf;
        try {
            buf = Base64Url.decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new InvalidSealedValueException("sealed value is not canonical base64url: " + e.getMessage());
        }
        if (buf[0] != VERSION) {
            throw new InvalidSealedValueException("sealed value has an unsupported format version");
        }
        long expiresAt = getLong(buf, 5);
        if (expiresAt < 0 || expiresAt > MAX_EXPIRES_AT) {
            throw new InvalidSealedValueException("sealed value has an impossible expiry");
        }
        return buf;
    }

    /**
     * Opens a sealed value: length, encoding and version first; expiry before any decryption; then
     * the key the key id names, and authentication.
     *
     * @param sealed the sealed value
     * @param maxChars the longest sealed value accepted
     * @param context the encoded context
     * @param nowEpochSecond the current time
     * @param engines the engine for a key id, or {@code null} for a key id the key set lacks
     * @return what the value carried
     * @throws ExpiredValueException if the expiry has passed
     * @throws InvalidSealedValueException for any other rejection
     */
    public static Opened open(CharSequence sealed, int maxChars, byte[] context, long nowEpochSecond,
                              IntFunction<AeadEngine> engines) {
        byte[] buf = decode(sealed, maxChars);
        int keyId = getInt(buf, 1);
        long expiresAt = getLong(buf, 5);
        if (expiresAt <= nowEpochSecond) {
            throw new ExpiredValueException(Instant.ofEpochSecond(expiresAt));
        }
        AeadEngine engine = engines.apply(keyId);
        if (engine == null) {
            throw new InvalidSealedValueException(NOT_AUTHENTIC);
        }
        int ctOff = HEADER_BYTES + engine.algorithm().nonceLengthBytes();
        int ctLen = buf.length - ctOff;
        if (ctLen < TAG_BYTES) {
            throw new InvalidSealedValueException(NOT_AUTHENTIC);
        }
        byte[] aad = aad(buf, context);
        // Straight into the value's own array: buf keeps only the public ciphertext.
        byte[] plaintext = new byte[ctLen - TAG_BYTES];
        try {
            engine.open(buf, HEADER_BYTES, aad, 0, aad.length, buf, ctOff, ctLen, plaintext, 0);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Whatever the engine throws on a forged value, the caller sees one type and one message;
            // an engine that wrote plaintext before it checked the tag leaves none behind.
            Arrays.fill(plaintext, (byte) 0);
            throw new InvalidSealedValueException(NOT_AUTHENTIC);
        }
        return new Opened(plaintext, keyId, expiresAt);
    }

    /**
     * Decrypts a raw AEAD message after the api's own checks (nonce length, tag length), for the
     * conformance suite's known-answer tests.
     *
     * @param engine the engine
     * @param nonce the nonce
     * @param ciphertextAndTag ciphertext then tag
     * @param aad associated data
     * @return the plaintext
     * @throws InvalidSealedValueException if a check fails or the tag does not verify
     */
    public static byte[] openRaw(AeadEngine engine, byte[] nonce, byte[] ciphertextAndTag, byte[] aad) {
        if (nonce.length != engine.algorithm().nonceLengthBytes() || ciphertextAndTag.length < TAG_BYTES) {
            throw new InvalidSealedValueException(NOT_AUTHENTIC);
        }
        byte[] out = new byte[ciphertextAndTag.length - TAG_BYTES];
        try {
            engine.open(nonce, 0, aad, 0, aad.length, ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidSealedValueException(NOT_AUTHENTIC);
        }
        return out;
    }

    /**
     * Encrypts a raw AEAD message after the api's nonce-length check, for known-answer tests.
     *
     * @param engine the engine
     * @param nonce the nonce
     * @param plaintext the plaintext
     * @param aad associated data
     * @return ciphertext then tag
     */
    public static byte[] sealRaw(AeadEngine engine, byte[] nonce, byte[] plaintext, byte[] aad) {
        if (nonce.length != engine.algorithm().nonceLengthBytes()) {
            throw new IllegalArgumentException("nonce must be " + engine.algorithm().nonceLengthBytes() + " bytes");
        }
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        try {
            engine.seal(nonce, 0, aad, 0, aad.length, plaintext, 0, plaintext.length, out, 0);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new EngineFailureException("engine failed to seal", e);
        }
        return out;
    }

    private static byte[] aad(byte[] buf, byte[] context) {
        byte[] aad = new byte[HEADER_BYTES + context.length];
        System.arraycopy(buf, 0, aad, 0, HEADER_BYTES);
        System.arraycopy(context, 0, aad, HEADER_BYTES, context.length);
        return aad;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) (v >>> 32));
        putInt(b, off + 4, (int) v);
    }

    private static int getInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    private static long getLong(byte[] b, int off) {
        return ((long) getInt(b, off) << 32) | (getInt(b, off + 4) & 0xffffffffL);
    }
}
