package dev.wafer;

import dev.wafer.internal.Base64Url;
import dev.wafer.internal.SealedFormat;
import dev.wafer.spi.AeadEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads any Wafer key file in one call, plain or sealed at rest under a {@link MasterKey}, and
 * seals and opens key files.
 *
 * <pre>{@code
 * MasterKey master = MasterKey.fromEnvironment("WAFER_MASTER_KEY");
 * SealingKeyring ring = KeyFiles.readSealingKeyring(Path.of("cookie-keys.jwks"), master);
 * SigningKeySet signing = KeyFiles.readSigningKeySet(Path.of("signing.jwks"), master);
 * VerificationKeySet trusted = KeyFiles.readVerificationKeySet(Path.of("public.jwks"));
 * }</pre>
 *
 * <h2>Formats</h2>
 * <p>A key file is either a JWK Set (RFC 7517 §5; docs/format.md §3), UTF-8 JSON, or a key file
 * sealed at rest (docs/format.md §3.1): the line {@value #SEALED_MARKER}, then one Wafer sealed
 * value (format version 1, XAES-256-GCM under the master key, key id 0, expiry
 * 9999-12-31T23:59:59Z, cookie name {@value #CONTEXT_COOKIE_NAME} and purpose
 * {@value #CONTEXT_PURPOSE}) of the UTF-8 JWK Set, then a newline. Files longer than
 * {@value #MAX_FILE_BYTES} bytes are refused.
 *
 * <h2>Security</h2>
 * <p>Sealing gives the file confidentiality and integrity: without the master key it can be
 * neither read nor changed unnoticed. A wrong master key and a changed file read alike, with one
 * message. When a master key is given the file must be sealed: a plain file in its place is
 * refused, so that whoever can write the file cannot substitute keys of their own. The opened JSON
 * is a secret; error messages never contain key bytes or file content. This class is stateless and
 * thread-safe; it seals with the default provider, {@link Wafer#provider()}.
 *
 * @since 0.1
 */
public final class KeyFiles {
    /** The first line of a key file sealed at rest. */
    public static final String SEALED_MARKER = "WAFER-SEALED-JWKS-V1";
    /** The cookie name of the context a key file is sealed for. */
    public static final String CONTEXT_COOKIE_NAME = "wafer-key-file";
    /** The purpose of the context a key file is sealed for. */
    public static final String CONTEXT_PURPOSE = "jwks";
    /** The longest key file read or written, in bytes: 1 MiB. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** The key id under which the master key seals. */
    static final int MASTER_KEY_ID = 0;
    private static final String SEALED_PREFIX = "WAFER-SEALED-JWKS-";
    private static final byte[] CONTEXT = SealedFormat.context(CONTEXT_COOKIE_NAME, CONTEXT_PURPOSE);
    /** One message for a wrong key and a changed file: no oracle, and nothing else to tell. */
    static final String DOES_NOT_OPEN =
            "the key file does not open with this master key: wrong key, or the file was changed";

    private KeyFiles() {
    }

    /**
     * Reads a sealing keyring from a private key file, plain or sealed at rest.
     *
     * @param file the key file
     * @param masterOrNull the master key the file is sealed under, or {@code null} for a plain file
     * @return the keyring
     * @throws KeyException if the file is sealed and no master key is given, is plain and a master
     *     key is given, does not open with the master key, is of an unknown format or too large, or
     *     holds a key set {@link SealingKeyring#fromJwkSet(String)} refuses; the message names the file
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public static SealingKeyring readSealingKeyring(Path file, MasterKey masterOrNull) throws IOException {
        String json = open(file, masterOrNull);
        try {
            return SealingKeyring.fromJwkSet(json);
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a signing key set from a private key file, plain or sealed at rest.
     *
     * @param file the key file
     * @param masterOrNull the master key the file is sealed under, or {@code null} for a plain file
     * @return the key set
     * @throws KeyException if the file is sealed and no master key is given, is plain and a master
     *     key is given, does not open with the master key, is of an unknown format or too large, or
     *     holds a key set {@link SigningKeySet#fromJwkSet(String)} refuses; the message names the file
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public static SigningKeySet readSigningKeySet(Path file, MasterKey masterOrNull) throws IOException {
        String json = open(file, masterOrNull);
        try {
            return SigningKeySet.fromJwkSet(json);
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a public JWK Set, as published for verifiers; public key sets are never sealed.
     *
     * @param file the public key file
     * @return the verification keys
     * @throws KeyException if the file is sealed, of an unknown format or too large, or holds a key
     *     set {@link VerificationKeySet#fromJwkSet(String)} refuses (private members among them);
     *     the message names the file
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public static VerificationKeySet readVerificationKeySet(Path file) throws IOException {
        String text = read(file);
        try {
            if (isSealed(text)) {
                throw new KeyException("a public key set is never sealed, and this file is: it holds private keys; "
                        + "publish the public JWK Set instead");
            }
            return VerificationKeySet.fromJwkSet(open(text, null));
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Seals a JWK Set at rest under a master key, in the format of docs/format.md §3.1.
     *
     * @param jwkSetJson the JWK Set, for example {@link SealingKeyring#toJwkSet()}
     * @param master the master key
     * @return the file's text: {@value #SEALED_MARKER}, a newline, the sealed value, a newline
     * @throws KeyException if the text is not a JWK Set, or the sealed file would exceed
     *     {@value #MAX_FILE_BYTES} bytes
     * @throws UnsupportedAlgorithmException if the default provider lacks XAES-256-GCM
     * @throws ProviderNotFoundException if no provider is installed
     * @throws EngineFailureException if the provider's engine fails
     * @since 0.1
     */
    public static String seal(String jwkSetJson, MasterKey master) {
        Objects.requireNonNull(jwkSetJson, "jwkSetJson");
        Objects.requireNonNull(master, "master");
        Jwks.parse(jwkSetJson);
        byte[] plaintext = jwkSetJson.getBytes(StandardCharsets.UTF_8);
        try {
            int nonceBytes = Algorithm.XAES_256_GCM.nonceLengthBytes();
            int sealedChars = Base64Url.encodedLength(SealedFormat.HEADER_BYTES + nonceBytes + plaintext.length
                    + SealedFormat.TAG_BYTES);
            if (SEALED_MARKER.length() + sealedChars + 2 > MAX_FILE_BYTES) {
                throw new KeyException("the key set is too large to seal into a key file of at most "
                        + MAX_FILE_BYTES + " bytes");
            }
            byte[] nonce = new byte[nonceBytes];
            Randomness.secureRandom().nextBytes(nonce);
            AeadEngine engine = Wafer.provider().aeadEngine(master.sealingKey());
            return SEALED_MARKER + "\n" + SealedFormat.seal(engine, MASTER_KEY_ID, SealedFormat.MAX_EXPIRES_AT,
                    CONTEXT, nonce, plaintext) + "\n";
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Opens the text of a key file: returns the JWK Set of a sealed file, or the text of a plain
     * one. Line ends may be {@code \n} or {@code \r\n}.
     *
     * @param fileText the file's text
     * @param masterOrNull the master key for a sealed file, or {@code null} for a plain file
     * @return the JWK Set JSON: a secret when the file holds private keys
     * @throws KeyException if the file is sealed and no master key is given ("sealed"), is plain
     *     and a master key is given, does not open with the master key ("wrong key, or the file
     *     was changed"), is too large, or is neither a JSON object nor a sealed key file
     * @throws UnsupportedAlgorithmException if the file is sealed and the default provider lacks
     *     XAES-256-GCM
     * @throws ProviderNotFoundException if the file is sealed and no provider is installed
     * @since 0.1
     */
    public static String open(String fileText, MasterKey masterOrNull) {
        Objects.requireNonNull(fileText, "fileText");
        String text = fileText.startsWith("\uFEFF") ? fileText.substring(1) : fileText;
        if (text.length() > MAX_FILE_BYTES) {
            throw new KeyException("the key file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            if (masterOrNull != null) {
                throw new KeyException("the key file is not sealed, but a master key was given; seal it "
                        + "(KeyFiles.seal, or wafer keygen with a master key), or read it without a master key");
            }
            return text;
        }
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).strip();
        if (first.equals(SEALED_MARKER)) {
            if (masterOrNull == null) {
                throw new KeyException("the key file is sealed (" + SEALED_MARKER
                        + "); give the master key it was sealed under");
            }
            return unseal(newline < 0 ? "" : text.substring(newline + 1), masterOrNull);
        }
        if (first.startsWith(SEALED_PREFIX)) {
            throw new KeyException("the key file is sealed in a format this Wafer does not know; it reads " + SEALED_MARKER);
        }
        if (first.startsWith("-----BEGIN")) {
            throw new KeyException("unknown key file format: this is a PEM file; import it with Pem (wafer pem import)");
        }
        throw new KeyException("unknown key file format: neither a JWK Set (a JSON object) nor a sealed key file "
                + "(first line " + SEALED_MARKER + ")");
    }

    /**
     * Whether a key file's text is sealed at rest: its first line is {@value #SEALED_MARKER}.
     *
     * @param fileText the file's text
     * @return whether it is sealed
     * @since 0.1
     */
    public static boolean isSealed(String fileText) {
        Objects.requireNonNull(fileText, "fileText");
        String text = fileText.startsWith("\uFEFF") ? fileText.substring(1) : fileText;
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip().equals(SEALED_MARKER);
    }

    private static String unseal(String rest, MasterKey master) {
        String sealed = rest.strip();
        if (sealed.isEmpty() || sealed.indexOf('\n') >= 0 || sealed.indexOf('\r') >= 0) {
            throw new KeyException(DOES_NOT_OPEN);
        }
        AeadEngine engine = Wafer.provider().aeadEngine(master.sealingKey());
        SealedFormat.Opened opened;
        try {
            opened = SealedFormat.open(sealed, MAX_FILE_BYTES, CONTEXT, Instant.now().getEpochSecond(),
                    kid -> kid == MASTER_KEY_ID ? engine : null);
        } catch (InvalidSealedValueException e) {
            // Expired (an edited expiry), malformed, wrong key: the file did not come from this key.
            throw new KeyException(DOES_NOT_OPEN);
        }
        byte[] plaintext = opened.plaintext();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw new KeyException("the sealed key file does not hold UTF-8 text");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static String open(Path file, MasterKey masterOrNull) throws IOException {
        String text = read(file);
        try {
            return open(text, masterOrNull);
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
    }

    /** The file as UTF-8 text, at most {@link #MAX_FILE_BYTES} bytes. */
    private static String read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        try {
            if (bytes.length > MAX_FILE_BYTES) {
                throw new KeyException(file + ": the key file is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KeyException(file + ": the key file is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
