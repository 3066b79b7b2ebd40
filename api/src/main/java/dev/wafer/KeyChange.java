package dev.wafer;

import java.util.Objects;

/**
 * The result of a change that adds a key to a key set ({@code rotate}, {@code addPending}): the
 * new key set, and the id of the key it added, to log, to promote later, or to retire the old
 * one against.
 *
 * <pre>{@code
 * KeyChange<SealingKeySet> rotated = keys.rotate();
 * log.info("sealing under new key {}", rotated.keyId());
 * keys = rotated.keySet();
 * }</pre>
 *
 * <h2>Security</h2>
 * <p>Holds a key set, so it is a final class, not a record: {@link #toString()} shows key ids,
 * algorithms and states, never key bytes. Immutable and thread-safe.
 *
 * @param <S> the key set's type
 * @since 0.1
 */
public final class KeyChange<S> {
    private final S keySet;
    private final String keyId;

    KeyChange(S keySet, String keyId) {
        this.keySet = Objects.requireNonNull(keySet, "keySet");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /**
     * The new key set; the one changed is unchanged.
     *
     * @return the key set
     * @since 0.1
     */
    public S keySet() {
        return keySet;
    }

    /**
     * The id of the key the change added.
     *
     * @return the key id
     * @since 0.1
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The new key's id and the key set's description; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "KeyChange[keyId=" + keyId + ", " + keySet + "]";
    }
}
