package dev.wafer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of checking a key set's rotation plan: a key may stop opening or verifying only after
 * the longest lifetime it sealed or signed for has passed since it stopped being primary;
 * otherwise users are logged out early.
 *
 * @param maxLifetime the longest lifetime the set seals or signs for, if declared
 * @param violations plan errors: a key retired or ending too early, states that contradict each other
 * @param notes advice that is not an error: keys that may now be retired, checks that could not run
 * @since 0.1
 */
public record KeyPlan(Optional<Duration> maxLifetime, List<String> violations, List<String> notes) {
    /**
     * Copies.
     *
     * @param maxLifetime the declared maximum lifetime
     * @param violations the violations
     * @param notes the notes
     */
    public KeyPlan {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    /**
     * What loading a key set does with a plan that has violations.
     *
     * @since 0.1
     */
    public enum Check {
        /** Refuse the key set with a {@link KeyPlanException}: the default. */
        ENFORCE,
        /**
         * Load it anyway, for a tool that repairs or inspects it; {@link #violations()} still
         * lists what is wrong.
         */
        ALLOW_VIOLATIONS
    }

    /** Throws if the plan has violations and the check enforces it; logs them if it does not. */
    void enforce(Check check, String what) {
        if (isSound()) {
            return;
        }
        if (java.util.Objects.requireNonNull(check, "check") == Check.ENFORCE) {
            throw new KeyPlanException("the " + what + " breaks its rotation plan: " + String.join("; ", violations)
                    + " (load it with KeyPlan.Check.ALLOW_VIOLATIONS to repair it)", this);
        }
        org.slf4j.LoggerFactory.getLogger(KeyPlan.class).warn("The {} breaks its rotation plan, loaded anyway "
                + "(KeyPlan.Check.ALLOW_VIOLATIONS): {}", what, String.join("; ", violations));
    }

    /**
     * Whether the plan has no violation.
     *
     * @return true when nothing violates the plan
     * @since 0.1
     */
    public boolean isSound() {
        return violations.isEmpty();
    }

    /** Checks keys by id (in set order) at a time. */
    static KeyPlan check(Map<String, KeyStatus> keys, Optional<Duration> maxTtl, Instant now) {
        List<String> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long primaries = keys.values().stream().filter(s -> s.state() == KeyState.PRIMARY).count();
        if (primaries != 1) {
            violations.add("the set has " + primaries + " primary keys; it needs exactly one");
        }
        if (maxTtl.isEmpty()) {
            notes.add("no wafer_max_ttl declared: cannot tell when old keys may be retired");
        }
        for (Map.Entry<String, KeyStatus> e : keys.entrySet()) {
            String id = e.getKey();
            KeyStatus s = e.getValue();
            if (s.state() == KeyState.PRIMARY && s.notAfter().isPresent()) {
                violations.add("primary key " + id + " has a not_after time: values it seals near that time "
                        + "would stop opening before they expire; rotate instead");
            }
            if (s.state() == KeyState.PRIMARY || s.state() == KeyState.PENDING || maxTtl.isEmpty()) {
                continue;
            }
            Optional<Instant> safe = s.deactivatedAt().map(t -> t.plus(maxTtl.get()));
            if (safe.isEmpty()) {
                notes.add("key " + id + " has no wafer_deactivated time: cannot check when it may be retired");
                continue;
            }
            Optional<Instant> end = s.state() == KeyState.RETIRED ? s.retiredAt() : s.notAfter();
            if (s.state() == KeyState.RETIRED && end.isEmpty()) {
                notes.add("key " + id + " is retired without a wafer_retired time");
            }
            if (end.isPresent() && end.get().isBefore(safe.get())) {
                violations.add("key " + id + (s.state() == KeyState.RETIRED ? " was retired at " : " ends at ") + end.get()
                        + ", before " + safe.get() + ", when the last values it sealed or signed expire");
            } else if (s.state() == KeyState.ACTIVE && !now.isBefore(safe.get())) {
                notes.add("key " + id + " may be retired: every value it sealed or signed expired by " + safe.get());
            }
        }
        return new KeyPlan(maxTtl, violations, notes);
    }
}
