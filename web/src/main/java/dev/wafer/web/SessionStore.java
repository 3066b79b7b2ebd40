package dev.wafer.web;

import java.time.Instant;

/**
 * Where a session's attributes live when they do not live in its cookie: server-side sessions,
 * for what outgrows a cookie. The cookie still holds the sealed session: its id, its times, the
 * signed-in user and generation, the CSRF secret and the client binding; only the attributes move
 * to the store, under the hashed session id. The default is no store: every session is one
 * sealed cookie. {@link InMemorySessionStore} serves one server; {@code wafer-redis} shares a
 * store between servers.
 *
 * <pre>{@code
 * WebSessions sessions = WebSessions.builder(sealer)
 *         .sessionStore(store, SessionStore.Mode.OVERFLOW)   // sessions that fit stay in the cookie
 *         .build();
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>Every id reaches the store hashed ({@link Ids#hash}, {@link Ids.Kind#SESSION}): an
 *     implementation never sees a raw session id.</li>
 * <li>The data is the session's attributes as JSON ({@code {"v":1,"a":{...}}}, at most
 *     {@link #MAX_DATA_BYTES} bytes): opaque bytes to the store, kept exactly, never Java
 *     serialization.</li>
 * <li>Data lasts until its time and may be forgotten after it: the session's idle deadline, or
 *     its absolute end if that comes first. Data that is gone ends its session.</li>
 * <li>Every method may be called from many threads at once; the last save of an id wins.</li>
 * <li>A store that cannot answer throws {@link SessionStoreException}: a session whose data
 *     cannot be read is no session for that request (its cookie is kept for later ones), and a
 *     change that cannot be saved fails its request rather than being lost silently.</li>
 * </ul>
 *
 * <h2>Security</h2>
 * <p>What decides who the user is stays sealed in the cookie, so a store that can be written to
 * cannot sign anyone in; but it holds the attributes readable, as any server-side session store
 * does. Keep it private (authentication, TLS, no public port).
 *
 * @since 0.1
 */
public interface SessionStore {
    /** The most bytes of data one session keeps in a store: 1 MiB. */
    int MAX_DATA_BYTES = 1 << 20;

    /**
     * Which sessions keep their attributes in the store.
     *
     * @since 0.1
     */
    enum Mode {
        /** Every session: the cookie holds only the sealed session, never its attributes. */
        ALWAYS,
        /**
         * Only sessions too large for their cookie: those that fit stay whole in the cookie,
         * without a round trip to the store; a larger one moves to the store, and back into its
         * cookie once it fits again.
         */
        OVERFLOW
    }

    /**
     * A session's data.
     *
     * @param idHash the hashed session id
     * @return the data as last saved, or {@code null} if there is none (never saved, deleted, or
     *     past its time)
     * @throws SessionStoreException if the store cannot answer
     * @since 0.1
     */
    byte[] load(String idHash);

    /**
     * Saves a session's data, replacing any before.
     *
     * @param idHash the hashed session id
     * @param data the data; the store keeps its own copy
     * @param expiresAt when the data may be forgotten
     * @throws SessionStoreException if the store cannot record it
     * @since 0.1
     */
    void save(String idHash, byte[] data, Instant expiresAt);

    /**
     * Moves the time of a session's data without rewriting it, as when its cookie is reissued to
     * move its idle deadline; does nothing if there is no data.
     *
     * @param idHash the hashed session id
     * @param expiresAt when the data may now be forgotten
     * @throws SessionStoreException if the store cannot record it
     * @since 0.1
     */
    void touch(String idHash, Instant expiresAt);

    /**
     * Deletes a session's data, as when the session ends or moves back into its cookie.
     *
     * @param idHash the hashed session id
     * @throws SessionStoreException if the store cannot record it
     * @since 0.1
     */
    void delete(String idHash);
}
