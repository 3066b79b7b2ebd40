package dev.wafer;

/**
 * A key set breaks its own rotation plan: a key retired or ending before the values it sealed or
 * signed expire, or not exactly one primary. Loading such a key file fails, unless the caller
 * accepts the violations explicitly ({@link KeyPlan.Check#ALLOW_VIOLATIONS}).
 *
 * @since 0.1
 */
public final class KeyPlanException extends KeyException {
    private static final long serialVersionUID = 1L;

    private final transient KeyPlan plan;

    /**
     * Creates the exception.
     *
     * @param message the violations, on one line
     * @param plan the plan that was checked
     * @since 0.1
     */
    public KeyPlanException(String message, KeyPlan plan) {
        super(message);
        this.plan = plan;
    }

    /**
     * The plan that was checked, with every violation and note.
     *
     * @return the plan
     * @since 0.1
     */
    public KeyPlan plan() {
        return plan;
    }
}
