package dev.wafer.web;

import dev.wafer.internal.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
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
    /**
     * One SHA-256 per thread: {@code MessageDigest.getInstance} searches the provider list on
     * every call, twice a request for the revocation check. A digest resets itself after
     * {@code digest}, and a thread uses its own, so none is shared.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    /** What an id names, so that equal strings of different kinds hash apart. */
    public enum Kind {
        /** A session id. */
        SESSION,
        /** A remember-me series id. */
        SERIES,
        /** A user name, for the per-user generation. */
        USER;

        /** {@code "wafer-web/" + kind + "/"}, hashed before the id. */
        private final byte[] prefix = ("wafer-web/" + name().toLowerCase(Locale.ROOT) + "/").getBytes(StandardCharsets.US_ASCII);
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
        MessageDigest sha = SHA_256.get();
        sha.reset(); // in case a previous call failed between update and digest
        sha.update(kind.prefix);
        return Base64Url.encode(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
    }
}
