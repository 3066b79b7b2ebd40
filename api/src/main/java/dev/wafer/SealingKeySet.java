package dev.wafer;

import dev.wafer.internal.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sealing keys of an application: one primary that seals new values, and older keys that
 * still open what they sealed, so that rotation logs nobody out.
 *
 * <h2>Lifecycle and rotation</h2>
 * <p>Each key has a {@link KeyStatus}: {@link KeyState#PENDING} (opens, does not seal yet),
 * {@link KeyState#PRIMARY} (seals), {@link KeyState#ACTIVE} (opens only; values it opens are
 * flagged for resealing), {@link KeyState#RETIRED} (kept for the record, opens nothing), and an
 * optional not-after time, after which the key neither seals nor opens. {@link #rotate()} makes a
 * new primary; {@link #retire(String, Instant)} refuses to retire a key before the longest
 * lifetime it sealed for ({@link #withMaxLifetime(Duration)}) has passed since it stopped being
 * primary; a sealer refuses to seal for longer than that maximum; and {@link #plan(Instant)}
 * checks a whole key set, which {@link #fromJwkSet(String)} does on loading: a set that breaks its
 * own plan is refused unless the caller accepts the violations. See docs/keys.md.
 *
 * <h2>Security</h2>
 * <p>Immutable and thread-safe: every change returns a new key set. {@link #toString()} shows key
 * ids, algorithms and states only. {@link #toJwkSet()} writes secret key bytes: store its output
 * as a secret.
 *
 * @since 0.1
 */
public final class SealingKeySet {
    private final Keys<SealingKey> keys;

    private SealingKeySet(Keys<SealingKey> keys) {
        this.keys = keys;
    }

    /**
     * A key set with one new XAES-256-GCM key, the default sealing algorithm.
     *
     * @return the key set
     * @since 0.1
     */
    public static SealingKeySet generate() {
        return generate(SealingAlgorithm.XAES_256_GCM);
    }

    /**
     * A key set with one new key of the given algorithm.
     *
     * @param algorithm the algorithm
     * @return the key set
     * @since 0.1
     */
    public static SealingKeySet generate(SealingAlgorithm algorithm) {
        return new SealingKeySet(Keys.generated(SealingKey.generate(algorithm), SealingKey::keyId));
    }

    /**
     * A key set of existing keys: the first is primary, the others active (they open only).
     *
     * @param primary the key that seals
     * @param others keys that only open
     * @return the key set
     * @throws KeyException if two keys share a key id
     * @since 0.1
     */
    public static SealingKeySet of(SealingKey primary, SealingKey... others) {
        return new SealingKeySet(Keys.of(primary, others, SealingKey::keyId));
    }

    /**
     * Reads a private JWK Set as {@link #toJwkSet()} writes it (docs/format.md §3), and refuses it
     * if it breaks its own rotation plan ({@link #plan(Instant)}).
     *
     * @param json the JWK Set
     * @return the key set
     * @throws KeyPlanException if the set breaks its plan; the message lists the violations
     * @throws KeyException if the set is unreadable, holds a key Wafer refuses (a non-256-bit key,
     *     an unknown algorithm), repeats a key id, or has not exactly one primary key
     * @since 0.1
     */
    public static SealingKeySet fromJwkSet(String json) {
        return fromJwkSet(json, KeyPlan.Check.ENFORCE);
    }

    /**
     * Reads a private JWK Set, and checks its rotation plan as asked.
     *
     * @param json the JWK Set
     * @param check {@link KeyPlan.Check#ENFORCE} to refuse a set that breaks its plan,
     *     {@link KeyPlan.Check#ALLOW_VIOLATIONS} to load it anyway (to repair it, for instance)
     * @return the key set
     * @throws KeyPlanException if the set breaks its plan and the check enforces it
     * @throws KeyException if the set is unreadable or holds a key Wafer refuses
     * @since 0.1
     */
    public static SealingKeySet fromJwkSet(String json, KeyPlan.Check check) {
        Jwks.Parsed parsed = Jwks.parse(json);
        List<SealingKey> list = new ArrayList<>();
        for (Map<String, Object> jwk : parsed.keys) {
            list.add(Jwks.readSealingKey(jwk));
        }
        SealingKeySet set = new SealingKeySet(Keys.parsed(parsed, list, SealingKey::keyId));
        set.plan(Instant.now()).enforce(check, "sealing key set");
        return set;
    }

    /**
     * Writes this key set as a private JWK Set: {@code oct} keys with {@code kid}, {@code alg},
     * {@code use} {@code enc}, the secret {@code k} and their lifecycle members, a
     * {@code primary} member and, if declared, {@code wafer_max_ttl} (docs/format.md §3).
     *
     * @return the JSON text; it contains secret keys
     * @since 0.1
     */
    public String toJwkSet() {
        return keys.toJwkSet(Jwks::writeSealingKey);
    }

    /**
     * A new key set whose primary is a new key of the current primary's algorithm; the old
     * primary becomes active (it still opens).
     *
     * @return the new key set and the new primary's key id
     * @since 0.1
     */
    public KeyChange<SealingKeySet> rotate() {
        return rotate(primary().algorithm());
    }

    /**
     * A new key set whose primary is a new key of the given algorithm; the old primary becomes
     * active (it still opens).
     *
     * @param algorithm the new key's algorithm
     * @return the new key set and the new primary's key id
     * @since 0.1
     */
    public KeyChange<SealingKeySet> rotate(SealingAlgorithm algorithm) {
        SealingKey fresh = fresh(algorithm);
        return new KeyChange<>(new SealingKeySet(keys.withNew(fresh, KeyState.PRIMARY)), fresh.keyId());
    }

    /**
     * A new key set with a new pending key: it opens but does not seal yet. Deploy it everywhere,
     * then {@link #promote(String)} it, so that no instance meets a value under a key it lacks.
     *
     * @param algorithm the new key's algorithm
     * @return the new key set and the pending key's id
     * @since 0.1
     */
    public KeyChange<SealingKeySet> addPending(SealingAlgorithm algorithm) {
        SealingKey fresh = fresh(algorithm);
        return new KeyChange<>(new SealingKeySet(keys.withNew(fresh, KeyState.PENDING)), fresh.keyId());
    }

    private SealingKey fresh(SealingAlgorithm algorithm) {
        SealingKey fresh;
        do {
            fresh = SealingKey.generate(algorithm);
        } while (find(fresh.keyId()).isPresent());
        return fresh;
    }

    /**
     * A new key set in which a pending key is primary and the old primary active.
     *
     * @param keyId a pending key, 8 hex digits
     * @return the key set
     * @throws IllegalArgumentException if the key is not pending or not in the set
     * @since 0.1
     */
    public SealingKeySet promote(String keyId) {
        return new SealingKeySet(keys.promote(normalise(keyId)));
    }

    /**
     * A new key set in which a key is retired: it opens nothing any more. Refused while values it
     * sealed may still be alive: before its deactivation time plus the maximum lifetime.
     *
     * @param keyId an active or pending key, 8 hex digits
     * @param now the current time
     * @return the key set
     * @throws IllegalArgumentException if the key is primary, retired or not in the set
     * @throws KeyException if values it sealed may not have expired yet
     * @since 0.1
     */
    public SealingKeySet retire(String keyId, Instant now) {
        return new SealingKeySet(keys.retire(normalise(keyId), now));
    }

    /**
     * Retires a key now; see {@link #retire(String, Instant)}.
     *
     * @param keyId an active or pending key, 8 hex digits
     * @return the key set
     * @throws IllegalArgumentException if the key is primary, retired or not in the set
     * @throws KeyException if values it sealed may not have expired yet
     * @since 0.1
     */
    public SealingKeySet retire(String keyId) {
        return retire(keyId, Instant.now());
    }

    /**
     * A new key set in which a key stops sealing and opening after a time; see {@link #plan(Instant)}.
     *
     * @param keyId the key, 8 hex digits
     * @param notAfter the end of its use
     * @return the key set
     * @throws IllegalArgumentException if the key is not in the set
     * @since 0.1
     */
    public SealingKeySet withNotAfter(String keyId, Instant notAfter) {
        return new SealingKeySet(keys.withNotAfter(normalise(keyId), notAfter));
    }

    /**
     * A new key set that declares the longest lifetime it seals for. Sealers refuse to seal for
     * longer; retirement and the plan check rely on it.
     *
     * @param maxLifetime the longest lifetime of any value, one second to ten years
     * @return the key set
     * @throws LifetimeException if out of range
     * @since 0.1
     */
    public SealingKeySet withMaxLifetime(Duration maxLifetime) {
        return new SealingKeySet(keys.withMaxLifetime(maxLifetime));
    }

    /**
     * A new key set without the given key at all. Prefer {@link #retire(String, Instant)}, which
     * checks that no live value needs it.
     *
     * @param keyId the key to drop, 8 hex digits
     * @return the key set without it
     * @throws IllegalArgumentException if the key is the primary or not in the set
     * @since 0.1
     */
    public SealingKeySet remove(String keyId) {
        return new SealingKeySet(keys.remove(normalise(keyId)));
    }

    /**
     * Checks the rotation plan at a time: exactly one primary; no key retired, or ending, before
     * the values it sealed have expired.
     *
     * @param now the time to check at
     * @return the violations and notes
     * @since 0.1
     */
    public KeyPlan plan(Instant now) {
        return keys.plan(now);
    }

    /**
     * A key's lifecycle status.
     *
     * @param keyId the key, 8 hex digits
     * @return its status
     * @throws IllegalArgumentException if the key is not in the set
     * @since 0.1
     */
    public KeyStatus statusOf(String keyId) {
        return keys.statusOf(normalise(keyId));
    }

    /**
     * The declared longest lifetime.
     *
     * @return it, or empty
     * @since 0.1
     */
    public Optional<Duration> maxLifetime() {
        return keys.maxLifetime;
    }

    /**
     * The key that seals new values.
     *
     * @return the primary key
     * @since 0.1
     */
    public SealingKey primary() {
        return keys.primary;
    }

    /**
     * Every key, in every state, the newest first after a rotation.
     *
     * @return an immutable list
     * @since 0.1
     */
    public List<SealingKey> keys() {
        return keys.keys;
    }

    /**
     * Finds a key by id, in any state.
     *
     * @param keyId the key id, 8 hex digits
     * @return the key, or empty (also for text that is no key id)
     * @since 0.1
     */
    public Optional<SealingKey> find(String keyId) {
        return keyId != null && keyId.matches("[0-9a-fA-F]{8}") ? keys.find(normalise(keyId)) : Optional.empty();
    }

    /** Key ids are compared as written in files: lower case. */
    private static String normalise(String keyId) {
        if (keyId == null || !keyId.matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("a sealing key id is 8 hex digits, not " + Text.quote(keyId));
        }
        return keyId.toLowerCase(Locale.ROOT);
    }

    /**
     * Key ids, algorithms and states; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SealingKeySet" + keys.describe();
    }
}
