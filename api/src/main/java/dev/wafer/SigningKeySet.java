package dev.wafer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of an issuing service: one primary that signs new tokens, and older keys whose
 * public halves still verify what they signed, so that rotation logs nobody out.
 *
 * <h2>Lifecycle and rotation</h2>
 * <p>Keys have the same lifecycle as sealing keys ({@link KeyState}): a {@link KeyState#PENDING}
 * key is published by {@link #publicKeys()} but does not sign yet, so verifiers learn it before
 * tokens signed with it arrive; {@link #promote(String)} makes it primary. {@link #rotate()} does
 * both at once. {@link #retire(String, Instant)} refuses to retire a key before the longest token
 * lifetime ({@link #withMaxLifetime(Duration)}) has passed since it stopped signing, and a signer
 * refuses to sign a token that lives longer. Retired keys, and keys past their not-after time, no
 * longer sign, are no longer published, and no longer verify. {@link #fromJwkSet(String)} refuses
 * a set that breaks its own plan. See docs/keys.md.
 *
 * <h2>Security</h2>
 * <p>Immutable and thread-safe. {@link #toString()} shows key ids and algorithms only.
 * {@link #toJwkSet()} writes private keys: store it as a secret; publish {@link #publicKeys()}.
 *
 * @since 0.1
 */
public final class SigningKeySet {
    private final Keys<SigningKey> keys;

    private SigningKeySet(Keys<SigningKey> keys) {
        this.keys = keys;
    }

    /**
     * A set with one new Ed25519 key, the default signature algorithm.
     *
     * @return the set
     * @since 0.1
     */
    public static SigningKeySet generate() {
        return generate(SigningAlgorithm.ED25519);
    }

    /**
     * A set with one new key of the given algorithm (RSA: 3072 bits), made by the JDK.
     *
     * @param algorithm the algorithm
     * @return the set
     * @since 0.1
     */
    public static SigningKeySet generate(SigningAlgorithm algorithm) {
        return new SigningKeySet(Keys.generated(SigningKey.generate(algorithm), SigningKey::keyId));
    }

    /**
     * A set of existing keys: the first is primary, the others active (they verify only).
     *
     * @param primary the key that signs
     * @param others keys kept for their public halves
     * @return the set
     * @throws KeyException if two keys share a key id
     * @since 0.1
     */
    public static SigningKeySet of(SigningKey primary, SigningKey... others) {
        return new SigningKeySet(Keys.of(primary, others, SigningKey::keyId));
    }

    /**
     * Reads a private JWK Set as {@link #toJwkSet()} writes it, and refuses it if it breaks its
     * own rotation plan ({@link #plan(Instant)}).
     *
     * @param json the private JWK Set
     * @return the set
     * @throws KeyPlanException if the set breaks its plan; the message lists the violations
     * @throws KeyException if unreadable, if a key is public only, unsupported or fails validation
     *     (its public half not its private key's among them), if key ids repeat, or if the set has
     *     not exactly one primary key
     * @since 0.1
     */
    public static SigningKeySet fromJwkSet(String json) {
        return fromJwkSet(json, KeyPlan.Check.ENFORCE);
    }

    /**
     * Reads a private JWK Set, and checks its rotation plan as asked.
     *
     * @param json the private JWK Set
     * @param check {@link KeyPlan.Check#ENFORCE} to refuse a set that breaks its plan,
     *     {@link KeyPlan.Check#ALLOW_VIOLATIONS} to load it anyway (to repair it, for instance)
     * @return the set
     * @throws KeyPlanException if the set breaks its plan and the check enforces it
     * @throws KeyException if the set is unreadable or holds a key Wafer refuses
     * @since 0.1
     */
    public static SigningKeySet fromJwkSet(String json, KeyPlan.Check check) {
        Jwks.Parsed parsed = Jwks.parse(json);
        List<SigningKey> list = new ArrayList<>();
        for (Map<String, Object> jwk : parsed.keys) {
            list.add(Jwks.readSigningKey(jwk));
        }
        SigningKeySet set = new SigningKeySet(Keys.parsed(parsed, list, SigningKey::keyId));
        set.plan(Instant.now()).enforce(check, "signing key set");
        return set;
    }

    /**
     * Writes this set as a private JWK Set with lifecycle members and a {@code primary} member.
     *
     * @return the JSON text; it contains private keys
     * @since 0.1
     */
    public String toJwkSet() {
        return keys.toJwkSet(Jwks::writeSigningKey);
    }

    /**
     * The public halves of every key that verifies now (pending, primary and active, and not past
     * its not-after time), to publish or to give a {@link TokenVerifier}. Each carries its
     * not-after time, which verifiers honour.
     *
     * @return the public key set
     * @throws KeyException if no key verifies now
     * @since 0.1
     */
    public VerificationKeySet publicKeys() {
        return publicKeys(Instant.now());
    }

    /**
     * The public halves of every key that verifies at a time.
     *
     * @param now the time
     * @return the public key set
     * @throws KeyException if no key verifies at that time
     * @since 0.1
     */
    public VerificationKeySet publicKeys(Instant now) {
        List<VerificationKey> published = new ArrayList<>();
        Map<String, KeyStatus> status = new LinkedHashMap<>();
        for (SigningKey k : keys.keys) {
            KeyStatus s = keys.status.get(k.keyId());
            if (s.usableAt(now)) {
                published.add(k.publicKey());
                status.put(k.keyId(), s);
            }
        }
        return VerificationKeySet.of(published, status);
    }

    /**
     * A new set whose primary is a new key of the current primary's algorithm; the old primary
     * becomes active (it still verifies).
     *
     * @return the new set and the new primary's key id
     * @since 0.1
     */
    public KeyChange<SigningKeySet> rotate() {
        return rotate(primary().algorithm());
    }

    /**
     * A new set whose primary is a new key of the given algorithm; the old primary becomes active.
     *
     * @param algorithm the new key's algorithm
     * @return the new set and the new primary's key id
     * @since 0.1
     */
    public KeyChange<SigningKeySet> rotate(SigningAlgorithm algorithm) {
        SigningKey fresh = SigningKey.generate(algorithm);
        return new KeyChange<>(new SigningKeySet(keys.withNew(fresh, KeyState.PRIMARY)), fresh.keyId());
    }

    /**
     * A new set with a new pending key: published by {@link #publicKeys()}, not signing yet.
     *
     * @param algorithm the new key's algorithm
     * @return the new set and the pending key's id
     * @since 0.1
     */
    public KeyChange<SigningKeySet> addPending(SigningAlgorithm algorithm) {
        SigningKey fresh = SigningKey.generate(algorithm);
        return new KeyChange<>(new SigningKeySet(keys.withNew(fresh, KeyState.PENDING)), fresh.keyId());
    }

    /**
     * A new set in which a pending key is primary and the old primary active.
     *
     * @param keyId a pending key
     * @return the set
     * @throws IllegalArgumentException if the key is not pending or not in the set
     * @since 0.1
     */
    public SigningKeySet promote(String keyId) {
        return new SigningKeySet(keys.promote(keyId));
    }

    /**
     * A new set in which a key is retired: no longer published, so tokens it signed stop
     * verifying. Refused before its deactivation time plus the maximum token lifetime.
     *
     * @param keyId an active or pending key
     * @param now the current time
     * @return the set
     * @throws IllegalArgumentException if the key is primary, retired or not in the set
     * @throws KeyException if tokens it signed may not have expired yet
     * @since 0.1
     */
    public SigningKeySet retire(String keyId, Instant now) {
        return new SigningKeySet(keys.retire(keyId, now));
    }

    /**
     * Retires a key now; see {@link #retire(String, Instant)}.
     *
     * @param keyId an active or pending key
     * @return the set
     * @throws IllegalArgumentException if the key is primary, retired or not in the set
     * @throws KeyException if tokens it signed may not have expired yet
     * @since 0.1
     */
    public SigningKeySet retire(String keyId) {
        return retire(keyId, Instant.now());
    }

    /**
     * A new set that declares the longest token lifetime it signs for. Signers refuse to sign a
     * token that lives longer; retirement and the plan check rely on it.
     *
     * @param maxLifetime the longest token lifetime, one second to ten years
     * @return the set
     * @throws LifetimeException if out of range
     * @since 0.1
     */
    public SigningKeySet withMaxLifetime(Duration maxLifetime) {
        return new SigningKeySet(keys.withMaxLifetime(maxLifetime));
    }

    /**
     * A new set in which a key stops signing and verifying after a time; it is no longer
     * published from then on.
     *
     * @param keyId the key
     * @param notAfter the end of its use
     * @return the set
     * @throws IllegalArgumentException if the key is not in the set
     * @since 0.1
     */
    public SigningKeySet withNotAfter(String keyId, Instant notAfter) {
        return new SigningKeySet(keys.withNotAfter(keyId, notAfter));
    }

    /**
     * The declared longest token lifetime.
     *
     * @return it, or empty
     * @since 0.1
     */
    public Optional<Duration> maxLifetime() {
        return keys.maxLifetime;
    }

    /**
     * A new set without the given key at all. Prefer {@link #retire(String, Instant)}.
     *
     * @param keyId the key to drop
     * @return the set without it
     * @throws IllegalArgumentException if the key is the primary or not in the set
     * @since 0.1
     */
    public SigningKeySet remove(String keyId) {
        return new SigningKeySet(keys.remove(keyId));
    }

    /**
     * Checks the rotation plan at a time.
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
     * @throws IllegalArgumentException if the key is not in the set
     * @since 0.1
     */
    public KeyStatus statusOf(String keyId) {
        return keys.statusOf(keyId);
    }

    /**
     * The key that signs new tokens.
     *
     * @return the primary key
     * @since 0.1
     */
    public SigningKey primary() {
        return keys.primary;
    }

    /**
     * Every key, in every state.
     *
     * @return an immutable list
     * @since 0.1
     */
    public List<SigningKey> keys() {
        return keys.keys;
    }

    /**
     * Finds a key by id, in any state.
     *
     * @param keyId the key id
     * @return the key, or empty
     * @since 0.1
     */
    public Optional<SigningKey> find(String keyId) {
        return keys.find(keyId);
    }

    /**
     * Key ids, algorithms and states; never key material.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SigningKeySet" + keys.describe();
    }
}
