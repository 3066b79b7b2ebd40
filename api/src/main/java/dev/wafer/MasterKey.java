package dev.wafer;

import dev.wafer.internal.Base64Url;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The 256-bit key that seals key files at rest ({@link KeyFiles}): kept apart from the files it
 * protects, typically in an environment variable set by the deployment or in a file of a secrets
 * volume, as 32 bytes in unpadded base64url (RFC 4648 §5, 43 characters).
 *
 * <pre>{@code
 * MasterKey master = MasterKey.fromEnvironment("WAFER_MASTER_KEY");
 * SealingKeySet ring = KeyFiles.readSealingKeySet(Path.of("/etc/app/cookie-keys.jwks"), master);
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>Whoever holds the master key opens every key file sealed under it: give it only to the
 * service that reads them, and never store it next to them. It seals with XAES-256-GCM, so one
 * master key can seal any number of files. {@link #toString()} shows the algorithm only;
 * {@link #equals(Object)} and {@link #hashCode()} are identity, so that no comparison or hash
 * ever reads key bytes. Error messages name the environment variable or file, never its content.
 * Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class MasterKey {
    private static final int KEY_BYTES = 32;
    /** A master key file holds 43 characters; anything much larger is not one. */
    private static final int MAX_FILE_BYTES = 4096;
    private static final String FORMAT = "32 bytes in unpadded base64url (43 characters of A-Z a-z 0-9 - _)";

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /**
     * Generates a new master key from {@link java.security.SecureRandom}.
     *
     * @return the key
     * @since 0.1
     */
    public static MasterKey generate() {
        byte[] bytes = new byte[KEY_BYTES];
        Randomness.secureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * A master key from its raw bytes.
     *
     * @param keyBytes exactly 32 bytes; copied
     * @return the key
     * @throws KeyException if the key is not 32 bytes
     * @since 0.1
     */
    public static MasterKey of(byte[] keyBytes) {
        Objects.requireNonNull(keyBytes, "keyBytes");
        if (keyBytes.length != KEY_BYTES) {
            throw new KeyException("a master key is 256 bits, not " + keyBytes.length * 8);
        }
        return new MasterKey(keyBytes.clone());
    }

    /**
     * A master key from its text, as {@link #toBase64Url()} writes it; white space around it is
     * ignored.
     *
     * @param encoded 32 bytes in unpadded base64url
     * @return the key
     * @throws KeyException if the text is not 32 bytes in unpadded base64url
     * @since 0.1
     */
    public static MasterKey fromBase64Url(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return decode(encoded, "the master key");
    }

    /**
     * A master key from an environment variable holding its base64url text (white space around it
     * is ignored).
     *
     * @param variable the variable's name, for example {@code WAFER_MASTER_KEY}
     * @return the key
     * @throws KeyException if the variable is unset or empty, or does not hold 32 bytes in
     *     unpadded base64url; the message names the variable, never its value
     * @since 0.1
     */
    public static MasterKey fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /** As {@link #fromEnvironment(String)}, with the environment given, for tests. */
    static MasterKey fromEnvironment(String variable, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new KeyException("environment variable " + variable + " is not set; it must hold the master key ("
                    + FORMAT + ")");
        }
        return decode(value, "environment variable " + variable);
    }

    /**
     * Who may read a master key file.
     *
     * @since 0.1
     */
    public enum FileAccess {
        /** Only its owner: a file that others may read is refused. The default. */
        OWNER_ONLY,
        /**
         * Anyone the file system lets read it: for a secrets volume whose permissions the
         * platform sets (a Kubernetes secret is 0644 unless its {@code defaultMode} says 0400).
         */
        ANY
    }

    /**
     * A master key from a file holding its base64url text (white space around it, such as a final
     * newline, is ignored), readable by its owner only.
     *
     * @param file the file, for example in a secrets volume
     * @return the key
     * @throws KeyException if the file does not hold 32 bytes in unpadded base64url, or (on a POSIX
     *     file system) its group or other users may read it; the message names the file, never its
     *     content
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public static MasterKey fromFile(Path file) throws IOException {
        return fromFile(file, FileAccess.OWNER_ONLY);
    }

    /**
     * A master key from a file holding its base64url text.
     *
     * @param file the file
     * @param access {@link FileAccess#OWNER_ONLY} to refuse a file others may read,
     *     {@link FileAccess#ANY} to accept it
     * @return the key
     * @throws KeyException if the file does not hold a master key, or is readable by others and
     *     that is refused
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public static MasterKey fromFile(Path file, FileAccess access) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(access, "access");
        if (access == FileAccess.OWNER_ONLY) {
            refuseIfShared(file); // before reading: a shared file's key is not taken into memory at all
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        try {
            if (bytes.length > MAX_FILE_BYTES) {
                throw new KeyException("master key file " + file + " is too large to hold a master key (" + FORMAT + ")");
            }
            String text;
            try {
                text = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new KeyException("master key file " + file + " is not text; it must hold " + FORMAT);
            }
            return decode(text, "master key file " + file);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void refuseIfShared(Path file) {
        Set<PosixFilePermission> p;
        try {
            p = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check
        }
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
            throw new KeyException("master key file " + file + " is readable by other users; make it readable by the "
                    + "service only (chmod 600), or accept that with MasterKey.fromFile(file, FileAccess.ANY)");
        }
    }

    private static MasterKey decode(String text, String source) {
        String trimmed = text.strip();
        byte[] bytes;
        try {
            bytes = Base64Url.decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new KeyException(source + " is not a master key: it must hold " + FORMAT);
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new KeyException(source + " is not a master key: it holds " + bytes.length + " bytes; it must hold "
                        + FORMAT);
            }
            return new MasterKey(bytes.clone());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The key as text, to store in an environment variable or a file that only the service reads.
     *
     * @return 32 bytes in unpadded base64url, 43 characters: a secret
     * @since 0.1
     */
    public String toBase64Url() {
        return Base64Url.encode(key);
    }

    /** The sealing key for the key-file format: XAES-256-GCM, key id 0. */
    SealingKey sealingKey() {
        return SealingKey.of(SealingAlgorithm.XAES_256_GCM, KeyFiles.MASTER_KEY_ID, key);
    }

    /**
     * The algorithm only; never key bytes.
     *
     * @return {@code MasterKey[XAES-256-GCM]}
     */
    @Override
    public String toString() {
        return "MasterKey[" + SealingAlgorithm.XAES_256_GCM.jwkName() + "]";
    }
}
