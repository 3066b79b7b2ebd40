package dev.wafer.demo;

import dev.wafer.CookieSealer;
import dev.wafer.KeyChange;
import dev.wafer.KeyFiles;
import dev.wafer.SealingKeySet;
import dev.wafer.web.ReloadingSealer;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.WaferSessionFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The demo application, container-neutral: a sealing key file in a working directory, a
 * {@link ReloadingSealer} that follows it, {@link WebSessions} with the strict defaults, the
 * {@link WaferSessionFilter} and the pages. {@link DemoServer} mounts it on embedded Jetty; the
 * browser suite mounts the same filter and servlets on Tomcat too.
 *
 * <p>Mount {@link #filter()} on {@code /*} for {@code REQUEST} dispatches and each servlet of
 * {@link #servlets()} on its path. One instance per container: servlets are not shared.
 */
public final class DemoApp implements AutoCloseable {
    /** The one demo user. */
    static final String USER = "alice";
    /** Its password: shown on the sign-in page, since this is a demo. */
    static final String PASSWORD = "wafer-demo";
    /** The key file's name in the working directory. */
    static final String KEY_FILE = "cookie-keys.jwks";

    private final Path keyFile;
    private final KeyFiles files = KeyFiles.create();
    private final ReloadingSealer sealer;
    private final WebSessions sessions;
    private final Filter filter;
    private final Map<String, HttpServlet> servlets;

    private DemoApp(Path keyFile, ReloadingSealer sealer) {
        this.keyFile = keyFile;
        this.sealer = sealer;
        this.sessions = WebSessions.builder(sealer).build();
        this.filter = new WaferSessionFilter(sessions);
        Map<String, HttpServlet> s = new LinkedHashMap<>();
        s.put("/", new Pages.Home(this));
        s.put("/login", new Pages.Login(this));
        s.put("/session", new Pages.Session(this));
        s.put("/form", new Pages.Form(this));
        s.put("/logout", new Pages.Logout(this, false));
        s.put("/logout-everywhere", new Pages.Logout(this, true));
        s.put("/keys", new Pages.Keys(this));
        s.put("/big", new Pages.Big(this));
        this.servlets = Collections.unmodifiableMap(s);
    }

    /**
     * Opens the application over a working directory: creates it and a new key file in it if
     * missing, then follows the key file (polled every two seconds, and reloaded at once after a
     * rotation from the keys page).
     *
     * @param workDir the working directory
     * @return the application; close it to stop following the key file
     * @throws IOException if the directory or the key file cannot be made or read
     */
    public static DemoApp open(Path workDir) throws IOException {
        Files.createDirectories(Objects.requireNonNull(workDir, "workDir"));
        Path keyFile = workDir.resolve(KEY_FILE);
        if (Files.notExists(keyFile)) {
            try {
                // A plain JWK Set, readable by its owner only; production keeps it sealed under a master key.
                KeyFiles.write(keyFile, SealingKeySet.generate().toJwkSet(), KeyFiles.Overwrite.REFUSE);
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use that one
            }
        }
        ReloadingSealer sealer = ReloadingSealer.watch(keyFile, null, keys -> CookieSealer.builder(keys).build(),
                Duration.ofSeconds(2));
        return new DemoApp(keyFile, sealer);
    }

    /**
     * The session filter, for {@code /*}.
     *
     * @return the filter
     */
    public Filter filter() {
        return filter;
    }

    /**
     * The pages, by the path each is mapped to ({@code /} is the default servlet: the home page,
     * and a 404 page for every other unmapped path).
     *
     * @return path to servlet, in menu order
     */
    public Map<String, HttpServlet> servlets() {
        return servlets;
    }

    /**
     * The sealer in use: its keys are the key file's, as last loaded.
     *
     * @return the sealer
     */
    public ReloadingSealer sealer() {
        return sealer;
    }

    /**
     * The key file the sealer follows.
     *
     * @return its path
     */
    public Path keyFile() {
        return keyFile;
    }

    /**
     * Rotates the key file on disk (read, {@code rotate()}, written back atomically) and reloads
     * the sealer at once: values sealed under the old keys keep opening, and are resealed under
     * the new primary as they come back.
     *
     * @return the new primary's key id
     * @throws IOException if the file cannot be read or written
     */
    public synchronized String rotate() throws IOException {
        KeyChange<SealingKeySet> change = files.readSealingKeySet(keyFile, null).rotate();
        KeyFiles.write(keyFile, change.keySet().toJwkSet(), KeyFiles.Overwrite.REPLACE);
        sealer.reload();
        return change.keyId();
    }

    /**
     * Checks a sign-in in constant time: both inputs are hashed to a fixed length first, so the
     * time taken says nothing about how much of either matched.
     *
     * @param user the user name typed
     * @param password the password typed
     * @return whether they are the demo user's
     */
    static boolean checkPassword(String user, String password) {
        boolean userOk = MessageDigest.isEqual(sha256(user), sha256(USER));
        boolean passwordOk = MessageDigest.isEqual(sha256(password), sha256(PASSWORD));
        return userOk & passwordOk;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Stops following the key file. */
    @Override
    public void close() {
        sealer.close();
    }
}
