package dev.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signing keys of an issuing service: one primary that signs new tokens, and older keys whose
 * public halves still verify what they signed, so that rotation logs nobody out.
 *
 * <h2>Lifecycle and rotation</h2>
 * <p>Keys have the same lifecycle as sealing keys ({@link KeyState}): a {@link KeyState#PENDING}
 * key is published by {@link #publicKeys()} but does not sign yet, so verifiers learn it before
 * tokens signed with it arrive; {@link #promote(String)} makes it primary. {@link #rotate()} does
 * both at once. {@link #retire(String, Instant)} refuses to retire a key before the longest token
 * lifetime ({@link #withMaxTimeToLive(Duration)}) has passed since it stopped signing; retired keys
 * are no longer published. See docs/keys.md.
 *
 * <h2>Security</h2>
 * <p>Immutable and thread-safe. {@link #toString()} shows key ids and algorithms only.
 * {@link #toJwkSet()} writes private keys: store it as a secret; publish {@link #publicKeys()}.
 *
 * @since 0.1
 */
public final class SigningKeySet {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeySet.class);

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
        return generate(Algorithm.ED25519);
    }

    /**
     * A set with one new key of the given algorithm (RSA: 3072 bits).
     *
     * @param algorithm {@code ED25519}, {@code RS256} or {@code PS256}
     * @return the set
     * @throws IllegalArgumentException if the algorithm is not a signature algorithm
     * @since 0.1
     */
    public static SigningKeySet generate(Algorithm algorithm) {
        return new SigningKeySet(Keys.generated(SigningKey.generate(checkSign(algorithm)), SigningKey::keyId));
    }

    private static Algorithm checkSign(Algorithm algorithm) {
        if (Objects.requireNonNull(algorithm, "algorithm").use() != Algorithm.Use.SIGN) {
            throw new IllegalArgumentException(algorithm + " is not a signature algorithm");
        }
        return algorithm;
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
     * Reads a private JWK Set as {@link #toJwkSet()} writes it, and checks its rotation plan;
     * violations are logged at WARN and returned by {@link #plan(Instant)}.
     *
     * @param json the private JWK Set
     * @return the set
     * @throws KeyException if unreadable, if a key is public only, unsupported or below the floor,
     *     if key ids repeat, or if the set has not exactly one primary key
     * @since 0.1
     */
    public static SigningKeySet fromJwkSet(String json) {
        Jwks.Parsed parsed = Jwks.parse(json);
        List<SigningKey> list = new ArrayList<>();
        for (Map<String, Object> jwk : parsed.keys) {
            list.add(Jwks.readSigningKey(jwk));
        }
        SigningKeySet set = new SigningKeySet(Keys.parsed(parsed, list, SigningKey::keyId));
        set.plan(Instant.now()).violations().forEach(v -> LOG.warn("Signing key set plan: {}", v));
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
     * The public halves of every key that verifies (pending, primary and active; not retired), to
     * publish or to give a {@link TokenVerifier}.
     *
     * @return the public key set
     * @since 0.1
     */
    public VerificationKeySet publicKeys() {
        return VerificationKeySet.of(keys.keys.stream()
                .filter(k -> keys.status.get(k.keyId()).state() != KeyState.RETIRED)
                .map(SigningKey::publicKey).collect(Collectors.toList()));
    }

    /**
     * A new set whose primary is a new key of the current primary's algorithm; the old primary
     * becomes active (it still verifies).
     *
     * @return the rotated set
     * @since 0.1
     */
    public SigningKeySet rotate() {
        return rotate(primary().algorithm());
    }

    /**
     * A new set whose primary is a new key of the given algorithm; the old primary becomes active.
     *
     * @param algorithm {@code ED25519}, {@code RS256} or {@code PS256}
     * @return the rotated set
     * @since 0.1
     */
    public SigningKeySet rotate(Algorithm algorithm) {
        return new SigningKeySet(keys.withNew(SigningKey.generate(checkSign(algorithm)), KeyState.PRIMARY));
    }

    /**
     * A new set with a new pending key: published by {@link #publicKeys()}, not signing yet.
     *
     * @param algorithm {@code ED25519}, {@code RS256} or {@code PS256}
     * @return the set with the pending key
     * @since 0.1
     */
    public SigningKeySet addPending(Algorithm algorithm) {
        return new SigningKeySet(keys.withNew(SigningKey.generate(checkSign(algorithm)), KeyState.PENDING));
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
     * A new set that declares the longest token lifetime it signs for.
     *
     * @param maxTimeToLive the longest token lifetime, one second to ten years
     * @return the set
     * @since 0.1
     */
    public SigningKeySet withMaxTimeToLive(Duration maxTimeToLive) {
        return new SigningKeySet(keys.withMaxTtl(maxTimeToLive));
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
