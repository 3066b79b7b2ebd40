package dev.wafer.web;

import java.time.Duration;
import java.time.Instant;

/**
 * The server-side state a cookie session needs, and nothing more: revoked session ids and
 * remember-me series, the step each remember-me series is at, and a generation counter per user
 * for logging out everywhere. The default keeps it in memory ({@link InMemoryRevocationStore});
 * {@code wafer-redis} shares it between servers.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>Every id reaches the store hashed ({@link Ids#hash}): an implementation never sees a raw
 *     session id, series id or user name, and must not be given one.</li>
 * <li>A revocation lasts until its time, after which the store may forget it: the revoked
 *     cookie has expired by then.</li>
 * <li>A user's generation that was never advanced reads as 0, so deploying a store logs nobody
 *     out.</li>
 * <li>Every method may be called from many threads at once; {@link #useSeries} is atomic.</li>
 * <li>A store that cannot answer throws {@link RevocationStoreException}; the session layer then
 *     does what the application chose ({@link StoreFailure}).</li>
 * </ul>
 *
 * @since 0.1
 */
public interface RevocationStore {
    /**
     * What {@link #useSeries} decided for a remember-me token.
     *
     * @since 0.1
     */
    enum SeriesUse {
        /** The token is the series' current one: the series moves on a step, and the caller issues it. */
        ROTATED,
        /**
         * The token is the previous step, presented within the grace window after the series moved
         * on (parallel requests from one browser): accepted, and the caller issues the current step.
         */
        GRACE,
        /**
         * An older step, or the previous one after the grace window: a copy of the token is in
         * someone else's hands. The series is revoked.
         */
        REUSED,
        /** The series is unknown, expired or revoked. */
        UNKNOWN
    }

    /**
     * Revokes a session id or a remember-me series until a time.
     *
     * @param idHash the hashed id
     * @param until when the revocation may be forgotten: the latest expiry of anything under the id
     * @throws RevocationStoreException if the store cannot record it
     * @since 0.1
     */
    void revoke(String idHash, Instant until);

    /**
     * Whether an id is revoked now.
     *
     * @param idHash the hashed id
     * @param now the time
     * @return whether it is revoked
     * @throws RevocationStoreException if the store cannot answer
     * @since 0.1
     */
    boolean isRevoked(String idHash, Instant now);

    /**
     * A user's generation: sessions and remember-me tokens issued under an older one are ended.
     *
     * @param userHash the hashed user name
     * @return the generation, 0 if it was never advanced
     * @throws RevocationStoreException if the store cannot answer
     * @since 0.1
     */
    long generation(String userHash);

    /**
     * A user's generation as the store holds it now, bypassing any local cache: what a sign-in
     * records, so that a log-out-everywhere a moment earlier on another server is never missed.
     * By default the same as {@link #generation}, for stores without a cache.
     *
     * @param userHash the hashed user name
     * @return the generation, 0 if it was never advanced
     * @throws RevocationStoreException if the store cannot answer
     * @since 0.1
     */
    default long currentGeneration(String userHash) {
        return generation(userHash);
    }

    /**
     * Advances a user's generation: logs the user out everywhere.
     *
     * @param userHash the hashed user name
     * @return the new generation
     * @throws RevocationStoreException if the store cannot record it
     * @since 0.1
     */
    long advanceGeneration(String userHash);

    /**
     * Starts a remember-me series at step 0.
     *
     * @param seriesHash the hashed series id
     * @param expiresAt when the series ends
     * @throws RevocationStoreException if the store cannot record it
     * @since 0.1
     */
    void startSeries(String seriesHash, Instant expiresAt);

    /**
     * Presents a remember-me token's step, atomically: the current step moves the series on, the
     * previous one within the grace window is accepted, anything else revokes the series.
     *
     * @param seriesHash the hashed series id
     * @param step the token's step
     * @param now the time
     * @param grace how long after a rotation the previous step is still accepted
     * @return what was decided; after {@link SeriesUse#ROTATED} and {@link SeriesUse#GRACE} alike
     *     the series is at step {@code step + 1}, which the caller issues
     * @throws RevocationStoreException if the store cannot answer
     * @since 0.1
     */
    SeriesUse useSeries(String seriesHash, long step, Instant now, Duration grace);
}
