package dev.wafer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key's place in its lifecycle: its state, when it was created, when it stopped being primary,
 * when it was retired, and an optional time after which it must no longer be used at all.
 *
 * @param state the state
 * @param createdAt when the key was created, if known
 * @param deactivatedAt when it stopped being primary, if it has
 * @param retiredAt when it was retired, if it has been
 * @param notAfter after this time the key neither seals, signs, opens nor verifies, if set
 *     (all times are kept in whole seconds, as in key files)
 * @since 0.1
 */
public record KeyStatus(KeyState state, Optional<Instant> createdAt, Optional<Instant> deactivatedAt,
                        Optional<Instant> retiredAt, Optional<Instant> notAfter) {
    /**
     * Validates.
     *
     * @param state the state
     * @param createdAt creation time
     * @param deactivatedAt deactivation time
     * @param retiredAt retirement time
     * @param notAfter end of use
     */
    public KeyStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(notAfter, "notAfter");
        // Key files keep whole seconds; so does the status, so that a file round trip is exact.
        createdAt = createdAt.map(KeyStatus::seconds);
        deactivatedAt = deactivatedAt.map(KeyStatus::seconds);
        retiredAt = retiredAt.map(KeyStatus::seconds);
        notAfter = notAfter.map(KeyStatus::seconds);
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static KeyStatus created(KeyState state, Instant now) {
        return new KeyStatus(state, Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A key read from a file without lifecycle members: its state is all that is known. */
    static KeyStatus of(KeyState state) {
        return new KeyStatus(state, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    KeyStatus deactivated(Instant now) {
        return new KeyStatus(KeyState.ACTIVE, createdAt, Optional.of(now), retiredAt, notAfter);
    }

    KeyStatus promoted() {
        return new KeyStatus(KeyState.PRIMARY, createdAt, deactivatedAt, retiredAt, notAfter);
    }

    KeyStatus retired(Instant now) {
        return new KeyStatus(KeyState.RETIRED, createdAt, deactivatedAt, Optional.of(now), notAfter);
    }

    KeyStatus withNotAfter(Instant t) {
        return new KeyStatus(state, createdAt, deactivatedAt, retiredAt, Optional.of(t));
    }

    /**
     * Whether the key opens or verifies at a given time: not retired, not past {@code notAfter}.
     *
     * @param now the time
     * @return whether the key is usable for opening and verifying
     * @since 0.1
     */
    public boolean usableAt(Instant now) {
        return state != KeyState.RETIRED && (notAfter.isEmpty() || now.isBefore(notAfter.get()));
    }
}
