package dev.wafer;

import dev.wafer.internal.Text;
import dev.wafer.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads, seals and writes Wafer key files: a plain JWK Set, or one sealed at rest under a
 * {@link MasterKey}.
 *
 * <pre>{@code
 * MasterKey master = MasterKey.fromEnvironment("WAFER_MASTER_KEY");
 * KeyFiles files = KeyFiles.create();                      // seals with Wafer.engines()
 * SealingKeySet cookies = files.readSealingKeySet(Path.of("cookie-keys.jwks"), master);
 * SigningKeySet signing = files.readSigningKeySet(Path.of("signing.jwks"), master);
 * VerificationKeySet trusted = KeyFiles.readVerificationKeySet(Path.of("public.jwks"));
 * }</pre>
 *
 * <h2>Formats</h2>
 * <p>A key file is a JWK Set (RFC 7517 §5; docs/format.md §3), UTF-8 JSON, or a key file sealed at
 * rest (docs/format.md §3.1): the line {@code WAFER-SEALED-JWKS-V2 <kind> <generation>}, then one
 * sealed value (format version 1, XAES-256-GCM under the master key, key id {@code 00000000}, no
 * expiry, cookie name {@value #CONTEXT_COOKIE_NAME} and purpose {@code <kind>/<generation>}) of the
 * UTF-8 JWK Set, then a newline. The kind is {@code sealing} or {@code signing}; the generation
 * counts the file's writes. Files sealed in the version 1 format (without kind or generation)
 * still open, as generation 0. Files longer than {@value #MAX_FILE_BYTES} bytes are refused.
 *
 * <h2>Security</h2>
 * <p>Sealing gives the file confidentiality and integrity: without the master key it can be neither
 * read nor changed unnoticed, and the kind and generation are authenticated with it, so a sealed
 * signing key set cannot pass for a sealing key set. A wrong master key and a changed file read
 * alike, with one message. When a master key is given the file must be sealed: a plain file in its
 * place is refused, so that whoever can write the file cannot substitute keys of their own.
 *
 * <p>Rollback: whoever can write the file, without the master key, can put back an older sealed
 * file of the same kind, and bring back a retired key. A {@code KeyFiles} instance remembers the
 * highest generation it has read of each file and refuses an older one, so a long-lived reader (a
 * server that reloads its key file) detects a rollback; {@link #requireGeneration(Path, long)}
 * gives it a floor that survives restarts. A reader without memory (a fresh process) cannot tell an
 * old file from the current one: keep key files where only the deployment writes.
 *
 * <p>Writes ({@link #write(Path, String, Overwrite)}) are atomic and durable: a temporary file in
 * the same directory, written and forced to disk, renamed over the target (or linked, when the
 * target must not exist), then the directory forced. A symbolic link is followed: the file it
 * points to is replaced and the link kept, as a Kubernetes secret volume's {@code ..data} links
 * need. Error messages never contain key bytes or file content. Instances are thread-safe.
 *
 * @since 0.1
 */
public final class KeyFiles {
    /** The first word of a key file sealed at rest, format version 2. */
    public static final String SEALED_MARKER = "WAFER-SEALED-JWKS-V2";
    /** The first line of a key file sealed at rest in format version 1, which is still read. */
    public static final String SEALED_MARKER_V1 = "WAFER-SEALED-JWKS-V1";
    /** The cookie name of the context a key file is sealed for. */
    public static final String CONTEXT_COOKIE_NAME = "wafer-key-file";
    /** The purpose of the context a version 1 key file is sealed for. */
    public static final String CONTEXT_PURPOSE_V1 = "jwks";
    /** The longest key file read or written, in bytes: 1 MiB. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** The key id under which the master key seals. */
    static final String MASTER_KEY_ID = "00000000";
    private static final String SEALED_PREFIX = "WAFER-SEALED-JWKS-";
    /** One message for a wrong key and a changed file: no oracle, and nothing else to tell. */
    static final String DOES_NOT_OPEN =
            "the key file does not open with this master key: wrong key, or the file was changed";

    /** What a key file holds. */
    public enum Kind {
        /** A sealing key set: {@code oct} keys. */
        SEALING("sealing"),
        /** A signing key set: private {@code OKP} and {@code RSA} keys. */
        SIGNING("signing");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /**
         * The word in a sealed file's first line.
         *
         * @return {@code sealing} or {@code signing}
         * @since 0.1
         */
        public String word() {
            return word;
        }
    }

    /**
     * What writing does when the file exists.
     *
     * @since 0.1
     */
    public enum Overwrite {
        /** Replace it, atomically. */
        REPLACE,
        /** Refuse, atomically: no check-then-write race. */
        REFUSE
    }

    /**
     * A key file's content once opened.
     *
     * @param json the JWK Set: a secret when it holds private keys
     * @param sealed whether the file was sealed at rest
     * @param kind what it holds, when sealed in format version 2; {@code null} otherwise
     * @param generation its write count, when sealed (0 for format version 1 and for plain files)
     * @since 0.1
     */
    public record Opened(String json, boolean sealed, Kind kind, long generation) {
        /**
         * Validates.
         *
         * @param json the JWK Set
         * @param sealed whether it was sealed
         * @param kind its kind
         * @param generation its generation
         */
        public Opened {
            Objects.requireNonNull(json, "json");
        }

        /**
         * Shows what it is, never the keys.
         *
         * @return a short description
         */
        @Override
        public String toString() {
            return "KeyFiles.Opened[sealed=" + sealed + ", kind=" + kind + ", generation=" + generation + "]";
        }
    }

    private final WaferEngines engines; // null: Wafer.engines(), resolved when first needed
    private final Map<Path, Long> seen = new ConcurrentHashMap<>();

    private KeyFiles(WaferEngines engines) {
        this.engines = engines;
    }

    /**
     * Key files sealed and opened with {@link Wafer#engines()} (resolved when a sealed file is
     * first met).
     *
     * @return a new instance, with no generation seen yet
     * @since 0.1
     */
    public static KeyFiles create() {
        return new KeyFiles(null);
    }

    /**
     * Key files sealed and opened with the given engines.
     *
     * @param engines the engines, which must offer XAES-256-GCM
     * @return a new instance, with no generation seen yet
     * @since 0.1
     */
    public static KeyFiles create(WaferEngines engines) {
        return new KeyFiles(Objects.requireNonNull(engines, "engines"));
    }

    /**
     * Reads a sealing key set from a private key file, plain or sealed at rest, and refuses it if
     * it breaks its rotation plan.
     *
     * @param file the key file
     * @param masterOrNull the master key the file is sealed under, or {@code null} for a plain file
     * @return the key set
     * @throws KeyException if the file is sealed and no master key is given, is plain and a master
     *     key is given, does not open with the master key, holds signing keys, is older than a
     *     generation already seen, is of an unknown format or too large, or holds a key set
     *     {@link SealingKeySet#fromJwkSet(String)} refuses; the message names the file
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public SealingKeySet readSealingKeySet(Path file, MasterKey masterOrNull) throws IOException {
        return readSealingKeySet(file, masterOrNull, KeyPlan.Check.ENFORCE);
    }

    /**
     * Reads a sealing key set, checking its rotation plan as asked.
     *
     * @param file the key file
     * @param masterOrNull the master key, or {@code null} for a plain file
     * @param check whether a plan violation refuses the file
     * @return the key set
     * @throws KeyException as {@link #readSealingKeySet(Path, MasterKey)} says
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public SealingKeySet readSealingKeySet(Path file, MasterKey masterOrNull, KeyPlan.Check check) throws IOException {
        Opened o = openFile(file, masterOrNull, Kind.SEALING);
        try {
            return SealingKeySet.fromJwkSet(o.json(), check);
        } catch (KeyPlanException e) {
            throw new KeyPlanException(file + ": " + e.getMessage(), e.plan());
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a signing key set from a private key file, plain or sealed at rest, and refuses it if
     * it breaks its rotation plan.
     *
     * @param file the key file
     * @param masterOrNull the master key the file is sealed under, or {@code null} for a plain file
     * @return the key set
     * @throws KeyException as for {@link #readSealingKeySet(Path, MasterKey)}, for a signing key set
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public SigningKeySet readSigningKeySet(Path file, MasterKey masterOrNull) throws IOException {
        return readSigningKeySet(file, masterOrNull, KeyPlan.Check.ENFORCE);
    }

    /**
     * Reads a signing key set, checking its rotation plan as asked.
     *
     * @param file the key file
     * @param masterOrNull the master key, or {@code null} for a plain file
     * @param check whether a plan violation refuses the file
     * @return the key set
     * @throws KeyException as for {@link #readSealingKeySet(Path, MasterKey)}, for a signing key set
     * @throws IOException if the file cannot be read
     * @since 0.1
     */
    public SigningKeySet readSigningKeySet(Path file, MasterKey masterOrNull, KeyPlan.Check check) throws IOException {
        Opened o = openFile(file, masterOrNull, Kind.SIGNING);
        try {
            return SigningKeySet.fromJwkSet(o.json(), check);
        } catch (KeyPlanException e) {
            throw new KeyPlanException(file + ": " + e.getMessage(), e.plan());
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
            return VerificationKeySet.fromJwkSet(plain(text, null));
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the lowest generation this instance accepts for a file, for example the one an
     * application recorded at its last start. Generations only rise.
     *
     * @param file the key file
     * @param generation the lowest acceptable generation
     * @since 0.1
     */
    public void requireGeneration(Path file, long generation) {
        seen.merge(key(file), generation, Math::max);
    }

    /**
     * The highest generation this instance has read of a file.
     *
     * @param file the key file
     * @return the generation, 0 if none was read
     * @since 0.1
     */
    public long generationSeen(Path file) {
        return seen.getOrDefault(key(file), 0L);
    }

    /** One key per file, however it is named: symbolic links resolved where the file exists. */
    private static Path key(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private Opened openFile(Path file, MasterKey masterOrNull, Kind expected) throws IOException {
        String text = read(file);
        Opened o;
        try {
            o = open(text, masterOrNull);
            if (o.kind() != null && o.kind() != expected) {
                throw new KeyException("the key file holds " + o.kind().word() + " keys, not " + expected.word() + " keys");
            }
            long floor = generationSeen(file);
            if (o.sealed() && o.generation() < floor) {
                throw new KeyException("the key file is generation " + o.generation() + ", older than generation " + floor
                        + " already read: it was rolled back, or replaced by an older copy");
            }
        } catch (KeyException e) {
            throw new KeyException(file + ": " + e.getMessage(), e);
        }
        if (o.sealed()) {
            requireGeneration(file, o.generation());
        }
        return o;
    }

    /**
     * Seals a JWK Set at rest under a master key, in the format of docs/format.md §3.1.
     *
     * @param jwkSetJson a private JWK Set, for example {@link SealingKeySet#toJwkSet()}
     * @param master the master key
     * @param generation the file's write count: one more than the file it replaces (see
     *     {@link #nextGeneration(Path, MasterKey)}); at least 1
     * @return the file's text: the marker line, the sealed value, a newline
     * @throws KeyException if the text is not a private JWK Set, or the sealed file would exceed
     *     {@value #MAX_FILE_BYTES} bytes
     * @throws UnsupportedAlgorithmException if the engines lack XAES-256-GCM
     * @throws ProviderNotFoundException if no provider is installed
     * @since 0.1
     */
    public String seal(String jwkSetJson, MasterKey master, long generation) {
        Objects.requireNonNull(jwkSetJson, "jwkSetJson");
        Objects.requireNonNull(master, "master");
        if (generation < 1) {
            throw new IllegalArgumentException("a key file's generation starts at 1");
        }
        Kind kind = kindOf(jwkSetJson);
        String marker = SEALED_MARKER + " " + kind.word() + " " + generation;
        byte[] plaintext = Utf8.encode(jwkSetJson);
        try {
            String file = marker + "\n" + sealer(master).seal(plaintext, context(kind, generation)) + "\n";
            if (file.length() > MAX_FILE_BYTES) { // ASCII: characters are bytes
                throw new ValueTooLargeException("", file.length(), MAX_FILE_BYTES);
            }
            return file;
        } catch (ValueTooLargeException e) {
            throw new KeyException("the key set is too large to seal into a key file of at most " + MAX_FILE_BYTES + " bytes");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * The generation to seal a replacement of a file with: one more than the file's, if it is
     * sealed under this master key, else 1.
     *
     * @param file the file to be replaced; it need not exist
     * @param master the master key
     * @return the next generation
     * @throws IOException if the file exists and cannot be read
     * @since 0.1
     */
    public long nextGeneration(Path file, MasterKey master) throws IOException {
        if (!Files.exists(file)) {
            return Math.max(1, generationSeen(file) + 1);
        }
        String text = read(file);
        long current = 0;
        if (isSealed(text)) {
            current = open(text, master).generation();
        }
        return Math.max(current, generationSeen(file)) + 1;
    }

    /**
     * Opens the text of a key file: the JWK Set of a sealed file, or the text of a plain one. Line
     * ends may be {@code \n} or {@code \r\n}.
     *
     * @param fileText the file's text
     * @param masterOrNull the master key for a sealed file, or {@code null} for a plain file
     * @return the JSON, and the file's kind and generation when sealed
     * @throws KeyException if the file is sealed and no master key is given ("sealed"), is plain
     *     and a master key is given, does not open with the master key ("wrong key, or the file
     *     was changed"), is too large, or is neither a JSON object nor a sealed key file
     * @throws UnsupportedAlgorithmException if the file is sealed and the engines lack XAES-256-GCM
     * @throws ProviderNotFoundException if the file is sealed and no provider is installed
     * @since 0.1
     */
    public Opened open(String fileText, MasterKey masterOrNull) {
        Objects.requireNonNull(fileText, "fileText");
        String text = withoutBom(fileText);
        if (text.length() > MAX_FILE_BYTES || Utf8.encodedLength(text) > MAX_FILE_BYTES) {
            throw new KeyException("the key file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).strip();
        String rest = newline < 0 ? "" : text.substring(newline + 1);
        if (first.equals(SEALED_MARKER_V1)) {
            requireMaster(masterOrNull);
            return new Opened(unseal(rest, masterOrNull, SealContext.of(CONTEXT_COOKIE_NAME, CONTEXT_PURPOSE_V1)), true,
                    null, 0);
        }
        if (first.equals(SEALED_MARKER) || first.startsWith(SEALED_MARKER + " ")) {
            requireMaster(masterOrNull);
            String[] words = first.split(" ");
            Kind kind = words.length == 3 ? kindNamed(words[1]) : null;
            long generation = words.length == 3 && words[2].matches("[1-9][0-9]{0,17}") ? Long.parseLong(words[2]) : 0;
            if (kind == null || generation == 0) {
                throw new KeyException(DOES_NOT_OPEN);
            }
            return new Opened(unseal(rest, masterOrNull, context(kind, generation)), true, kind, generation);
        }
        return new Opened(plain(text, masterOrNull), false, null, 0);
    }

    private static void requireMaster(MasterKey masterOrNull) {
        if (masterOrNull == null) {
            throw new KeyException("the key file is sealed (" + SEALED_PREFIX + "…); give the master key it was sealed under");
        }
    }

    private static String plain(String fileText, MasterKey masterOrNull) {
        String text = withoutBom(fileText);
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            if (masterOrNull != null) {
                throw new KeyException("the key file is not sealed, but a master key was given; seal it "
                        + "(KeyFiles.seal, or wafer keyfile seal), or read it without a master key");
            }
            return text;
        }
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).strip();
        if (first.startsWith(SEALED_PREFIX)) {
            throw new KeyException("the key file is sealed in a format this Wafer does not know ("
                    + Text.quote(first) + "); it reads " + SEALED_MARKER_V1 + " and " + SEALED_MARKER);
        }
        if (first.startsWith("-----BEGIN")) {
            throw new KeyException("unknown key file format: this is a PEM file; import it with Pem (wafer pem import)");
        }
        throw new KeyException("unknown key file format: neither a JWK Set (a JSON object) nor a sealed key file "
                + "(first line " + SEALED_MARKER + " ...)");
    }

    /**
     * Whether a key file's text is sealed at rest: its first line is a sealed-file marker.
     *
     * @param fileText the file's text
     * @return whether it is sealed
     * @since 0.1
     */
    public static boolean isSealed(String fileText) {
        Objects.requireNonNull(fileText, "fileText");
        String text = withoutBom(fileText);
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).strip();
        return first.equals(SEALED_MARKER_V1) || first.equals(SEALED_MARKER) || first.startsWith(SEALED_MARKER + " ");
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** What a JWK Set holds: sealing keys, or private signing keys. */
    static Kind kindOf(String jwkSetJson) {
        List<Map<String, Object>> keys = Jwks.parse(jwkSetJson).keys;
        boolean oct = keys.stream().allMatch(k -> "oct".equals(k.get("kty")));
        boolean priv = keys.stream().allMatch(k -> k.containsKey("d"));
        if (oct) {
            return Kind.SEALING;
        }
        if (priv && keys.stream().noneMatch(k -> "oct".equals(k.get("kty")))) {
            return Kind.SIGNING;
        }
        throw new KeyException("only a private key set is sealed at rest: a sealing key set or a signing key set");
    }

    private static Kind kindNamed(String word) {
        for (Kind k : Kind.values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }

    private static SealContext context(Kind kind, long generation) {
        return SealContext.of(CONTEXT_COOKIE_NAME, kind.word + "/" + generation);
    }

    /** Key files go through the cookie sealer, with a key set of the master key alone. */
    private CookieSealer sealer(MasterKey master) {
        WaferEngines e = engines != null ? engines : Wafer.engines();
        return DefaultCookieSealer.forKeyFiles(e.source(), SealingKeySet.of(master.sealingKey()), MAX_FILE_BYTES);
    }

    private String unseal(String rest, MasterKey master, SealContext context) {
        String sealed = rest.strip();
        if (sealed.isEmpty() || sealed.indexOf('\n') >= 0 || sealed.indexOf('\r') >= 0) {
            throw new KeyException(DOES_NOT_OPEN);
        }
        byte[] plaintext;
        try {
            plaintext = sealer(master).open(sealed, context).bytes();
        } catch (InvalidSealedValueException e) {
            // Expired (an edited expiry), malformed, wrong key: the file did not come from this key.
            throw new KeyException(DOES_NOT_OPEN);
        }
        try {
            return Utf8.decode(plaintext);
        } catch (IllegalArgumentException e) {
            throw new KeyException("the sealed key file does not hold UTF-8 text");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
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
            return Utf8.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new KeyException(file + ": the key file is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Writes a key file's text atomically and durably, readable by its owner only (where the file
     * system has POSIX permissions): a temporary file in the target's directory, written and forced
     * to disk, renamed over the target (or, with {@link Overwrite#REFUSE}, linked to it, which fails
     * if it exists), then the directory forced. A symbolic link is followed: its target is replaced
     * and the link kept. Never leaves a partial file.
     *
     * @param file the key file
     * @param text the file's text, for example from {@link #seal(String, MasterKey, long)}
     * @param overwrite what to do if the file exists
     * @throws FileAlreadyExistsException if it exists and {@code overwrite} is {@link Overwrite#REFUSE}
     * @throws IOException if it cannot be written
     * @since 0.1
     */
    public static void write(Path file, String text, Overwrite overwrite) throws IOException {
        writeFile(file, text, true, overwrite);
    }

    /**
     * As {@link #write(Path, String, Overwrite)}, for a file that holds no secret (a public JWK
     * Set): readable by everyone.
     *
     * @param file the file
     * @param text its text
     * @param overwrite what to do if the file exists
     * @throws FileAlreadyExistsException if it exists and {@code overwrite} is {@link Overwrite#REFUSE}
     * @throws IOException if it cannot be written
     * @since 0.1
     */
    public static void writePublic(Path file, String text, Overwrite overwrite) throws IOException {
        writeFile(file, text, false, overwrite);
    }

    private static void writeFile(Path file, String text, boolean secret, Overwrite overwrite) throws IOException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(overwrite, "overwrite");
        Path target = resolveLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (posix && !secret) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            if (overwrite == Overwrite.REFUSE) {
                try {
                    // link(2) fails if the target exists: no window between a check and the write.
                    Files.createLink(target, tmp);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        throw (FileAlreadyExistsException) e;
                    }
                    // No hard links here: create the target exclusively (O_EXCL), then write it.
                    writeExclusively(target, text, secret, posix);
                }
            } else {
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeExclusively(Path target, String text, boolean secret, boolean posix) throws IOException {
        java.util.Set<StandardOpenOption> options = java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel ch = posix
                ? FileChannel.open(target, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")))
                : FileChannel.open(target, options)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** The file a path names once every symbolic link is followed; the path itself if it does not exist. */
    private static Path resolveLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        }
        if (!Files.exists(p.getParent(), LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p.getParent())) {
            throw new NoSuchFileException(p.getParent().toString());
        }
        return p;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform lets a directory be opened (Windows): the rename is as durable as it gets there.
        }
    }

    /** Opens under the master key at a time; for tests of an edited expiry. */
    static String unsealForTest(String sealed, MasterKey master, SealContext context, Instant unused) {
        return new KeyFiles(null).unseal(sealed, master, context);
    }
}
