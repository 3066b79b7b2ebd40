package dev.wafer;

/**
 * A lifetime or expiry out of range: a sealed value's or token's lifetime under one second or over
 * ten years, beyond the maximum its key set declares ({@code withMaxLifetime}), or a token whose
 * {@code exp} has already passed. Sealing or signing past the declared maximum would let a key be
 * retired while values under it still live: a silent early logout.
 *
 * @since 0.1
 */
public final class LifetimeException extends LimitExceededException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and the allowed range
     * @since 0.1
     */
    public LifetimeException(String message) {
        super(message);
    }
}
