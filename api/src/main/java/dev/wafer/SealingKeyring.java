package dev.wafer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sealing keys of an application: one primary that seals new values, and older keys that
 * still open what they sealed, so that rotation logs nobody out.
 *
 * <h2>Lifecycle and rotation</h2>
 * <p>Each key has a {@link KeyStatus}: {@link KeyState#PENDING} (opens, does not seal yet),
 * {@link KeyState#PRIMARY} (seals), {@link KeyState#ACTIVE} (opens only; values it opens are
 * flagged for resealing), {@link KeyState#RETIRED} (kept for the record, opens nothing), and an
 * optional not-after time. {@link #rotate()} makes a new primary; {@link #retire(int, Instant)}
 * refuses to retire a key before the longest time-to-live it sealed for
 * ({@link #withMaxTimeToLive(Duration)}) has passed since it stopped being primary; and
 * {@link #plan(Instant)} checks a whole keyring, which {@link #fromJwkSet(String)} does on loading
 * (violations are logged at WARN). See docs/keys.md.
 *
 * <h2>Security</h2>
 * <p>Immutable and thread-safe: every change returns a new keyring. {@link #toString()} shows key
 * ids, algorithms and states only. {@link #toJwkSet()} writes secret key bytes: store its output
 * as a secret.
 *
 * @since 0.1
 */
public final class SealingKeyring {
    private static final Logger LOG = LoggerFactory.getLogger(SealingKeyring.class);

    private final Keys<SealingKey> keys;

    private SealingKeyring(Keys<SealingKey> keys) {
        this.keys = keys;
    }

    /**
     * A keyring with one new XAES-256-GCM key, the default sealing algorithm.
     *
     * @return the keyring
     * @since 0.1
     */
    public static SealingKeyring generate() {
        return generate(Algorithm.XAES_256_GCM);
    }

    /**
     * A keyring with one new key of the given algorithm.
     *
     * @param algorithm a sealing algorithm
     * @return the keyring
     * @throws IllegalArgumentException if the algorithm is not a sealing algorithm
     * @since 0.1
     */
    public static SealingKeyring generate(Algorithm algorithm) {
        return new SealingKeyring(Keys.generated(SealingKey.generate(algorithm), SealingKey::keyIdHex));
    }

    /**
     * A keyring of existing keys: the first is primary, the others active (they open only).
     *
     * @param primary the key that seals
     * @param others keys that only open
     * @return the keyring
     * @throws KeyException if two keys share a key id
     * @since 0.1
     */
    public static SealingKeyring of(SealingKey primary, SealingKey... others) {
        return new SealingKeyring(Keys.of(primary, others, SealingKey::keyIdHex));
    }

    /**
     * Reads a private JWK Set as {@link #toJwkSet()} writes it (docs/format.md, "Key files"), and
     * checks its rotation plan; violations are logged at WARN and returned by {@link #plan(Instant)}.
     *
     * @param json the JWK Set
     * @return the keyring
     * @throws KeyException if the set is unreadable, holds a key Wafer refuses (a non-256-bit key,
     *     an unknown algorithm), repeats a key id, or has not exactly one primary key
     * @since 0.1
     */
    public static SealingKeyring fromJwkSet(String json) {
        Jwks.Parsed parsed = Jwks.parse(json);
        List<SealingKey> list = new ArrayList<>();
        for (Map<String, Object> jwk : parsed.keys) {
            list.add(Jwks.readSealingKey(jwk));
        }
        SealingKeyring ring = new SealingKeyring(Keys.parsed(parsed, list, SealingKey::keyIdHex));
        ring.plan(Instant.now()).violations().forEach(v -> LOG.warn("Sealing keyring plan: {}", v));
        return ring;
    }

    /**
     * Writes this keyring as a private JWK Set: {@code oct} keys with {@code kid}, {@code alg},
     * {@code use} {@code enc}, the secret {@code k} and their lifecycle members, a
     * {@code primary} member and, if declared, {@code wafer_max_ttl}.
     *
     * @return the JSON text; it contains secret keys
     * @since 0.1
     */
    public String toJwkSet() {
        return keys.toJwkSet(Jwks::writeSealingKey);
    }

    /**
     * A new keyring whose primary is a new key of the current primary's algorithm; the old primary
     * becomes active (it still opens).
     *
     * @return the rotated keyring
     * @since 0.1
     */
    public SealingKeyring rotate() {
        return rotate(primary().algorithm());
    }

    /**
     * A new keyring whose primary is a new key of the given algorithm; the old primary becomes
     * active (it still opens).
     *
     * @param algorithm a sealing algorithm
     * @return the rotated keyring
     * @since 0.1
     */
    public SealingKeyring rotate(Algorithm algorithm) {
        return new SealingKeyring(keys.withNew(fresh(algorithm), KeyState.PRIMARY));
    }

    /**
     * A new keyring with a new pending key: it opens but does not seal yet. Deploy it everywhere,
     * then {@link #promote(int)} it, so that no instance meets a value under a key it lacks.
     *
     * @param algorithm a sealing algorithm
     * @return the keyring with the pending key
     * @since 0.1
     */
    public SealingKeyring addPending(Algorithm algorithm) {
        return new SealingKeyring(keys.withNew(fresh(algorithm), KeyState.PENDING));
    }

    private SealingKey fresh(Algorithm algorithm) {
        SealingKey fresh;
        do {
            fresh = SealingKey.generate(algorithm);
        } while (find(fresh.keyId()).isPresent());
        return fresh;
    }

    /**
     * A new keyring in which a pending key is primary and the old primary active.
     *
     * @param keyId a pending key
     * @return the keyring
     * @throws IllegalArgumentException if the key is not pending or not in the keyring
     * @since 0.1
     */
    public SealingKeyring promote(int keyId) {
        return new SealingKeyring(keys.promote(SealingKey.hex(keyId)));
    }

    /**
     * A new keyring in which a key is retired: it opens nothing any more. Refused while values it
     * sealed may still be alive: before its deactivation time plus the maximum time-to-live.
     *
     * @param keyId an active or pending key
     * @param now the current time
     * @return the keyring
     * @throws IllegalArgumentException if the key is primary, retired or not in the keyring
     * @throws KeyException if values it sealed may not have expired yet
     * @since 0.1
     */
    public SealingKeyring retire(int keyId, Instant now) {
        return new SealingKeyring(keys.retire(SealingKey.hex(keyId), now));
    }

    /**
     * Retires a key now; see {@link #retire(int, Instant)}.
     *
     * @param keyId an active or pending key
     * @return the keyring
     * @throws IllegalArgumentException if the key is primary, retired or not in the keyring
     * @throws KeyException if values it sealed may not have expired yet
     * @since 0.1
     */
    public SealingKeyring retire(int keyId) {
        return retire(keyId, Instant.now());
    }

    /**
     * A new keyring in which a key stops opening after a time; see {@link #plan(Instant)}.
     *
     * @param keyId the key
     * @param notAfter the end of its use
     * @return the keyring
     * @throws IllegalArgumentException if the key is not in the keyring
     * @since 0.1
     */
    public SealingKeyring withNotAfter(int keyId, Instant notAfter) {
        return new SealingKeyring(keys.withNotAfter(SealingKey.hex(keyId), notAfter));
    }

    /**
     * A new keyring that declares the longest time-to-live it seals for; retirement and the plan
     * check rely on it.
     *
     * @param maxTimeToLive the longest time-to-live any value is sealed for, one second to ten years
     * @return the keyring
     * @since 0.1
     */
    public SealingKeyring withMaxTimeToLive(Duration maxTimeToLive) {
        return new SealingKeyring(keys.withMaxTtl(maxTimeToLive));
    }

    /**
     * A new keyring without the given key at all. Prefer {@link #retire(int, Instant)}, which
     * checks that no live value needs it.
     *
     * @param keyId the key to drop
     * @return the keyring without it
     * @throws IllegalArgumentException if the key is the primary or not in the keyring
     * @since 0.1
     */
    public SealingKeyring remove(int keyId) {
        return new SealingKeyring(keys.remove(SealingKey.hex(keyId)));
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
     * @param keyId the key
     * @return its status
     * @throws IllegalArgumentException if the key is not in the keyring
     * @since 0.1
     */
    public KeyStatus statusOf(int keyId) {
        return keys.statusOf(SealingKey.hex(keyId));
    }

    /**
     * The declared longest time-to-live.
     *
     * @return it, or empty
     * @since 0.1
     */
    public Optional<Duration> maxTimeToLive() {
        return keys.maxTtl;
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
     * @param keyId the key id
     * @return the key, or empty
     * @since 0.1
     */
    public Optional<SealingKey> find(int keyId) {
        return keys.find(SealingKey.hex(keyId));
    }

    /**
     * Key ids, algorithms and states; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SealingKeyring" + keys.describe();
    }
}
