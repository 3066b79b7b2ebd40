package dev.wafer.web;

import dev.wafer.internal.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Session ids, remember-me series ids and their hashed forms.
 *
 * <p>An id is 128 random bits from {@link SecureRandom}, written as 22 base64url characters
 * (OWASP's Session Management Cheat Sheet asks for at least 64 bits of entropy). What a
 * {@link RevocationStore} holds is a hash of it, so that a copy of the store gives away no live
 * session: {@code base64url(SHA-256("wafer-web/" + kind + "/" + id))}, the kind keeping session
 * ids, series ids and user names apart.
 *
 * @since 0.1
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an id names, so that equal strings of different kinds hash apart. */
    public enum Kind {
        /** A session id. */
        SESSION,
        /** A remember-me series id. */
        SERIES,
        /** A user name, for the per-user generation. */
        USER
    }

    private Ids() {
    }

    /**
     * A new random id.
     *
     * @return 22 base64url characters, 128 bits
     * @since 0.1
     */
    public static String random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64Url.encode(b);
    }

    /**
     * The form a {@link RevocationStore} holds an id in.
     *
     * @param kind what the id names
     * @param id the id
     * @return 43 base64url characters
     * @since 0.1
     */
    public static String hash(Kind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("wafer-web/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/").getBytes(StandardCharsets.US_ASCII));
            return Base64Url.encode(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
