package dev.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signing keys of an issuing service: one primary that signs new tokens, and older keys whose
 * public halves still verify what they signed, so that rotation logs nobody out.
 *
 * <h2>Rotation</h2>
 * <p>{@link #rotate()} adds a new primary; publish {@link #publicKeys()} so that verifiers learn it
 * before tokens signed with it arrive (docs/keys.md). Once the longest token lifetime has passed,
 * {@link #remove(String)} drops the old key.
 *
 * <h2>Security</h2>
 * <p>Immutable and thread-safe. {@link #toString()} shows key ids and algorithms only.
 * {@link #toJwkSet()} writes private keys: store it as a secret; publish {@link #publicKeys()}.
 *
 * @since 0.1
 */
public final class SigningKeySet {
    private final List<SigningKey> keys;
    private final SigningKey primary;

    private SigningKeySet(List<SigningKey> keys, SigningKey primary) {
        this.keys = List.copyOf(keys);
        this.primary = primary;
        Jwks.checkUniqueIds(this.keys.stream().map(SigningKey::keyId).collect(Collectors.toList()));
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
        return of(SigningKey.generate(checkSign(algorithm)));
    }

    private static Algorithm checkSign(Algorithm algorithm) {
        if (Objects.requireNonNull(algorithm, "algorithm").use() != Algorithm.Use.SIGN) {
            throw new IllegalArgumentException(algorithm + " is not a signature algorithm");
        }
        return algorithm;
    }

    /**
     * A set of existing keys; the first is the primary.
     *
     * @param primary the key that signs
     * @param others keys kept for their public halves
     * @return the set
     * @throws KeyException if two keys share a key id
     * @since 0.1
     */
    public static SigningKeySet of(SigningKey primary, SigningKey... others) {
        Objects.requireNonNull(primary, "primary");
        List<SigningKey> all = new ArrayList<>();
        all.add(primary);
        for (SigningKey k : others) {
            all.add(Objects.requireNonNull(k, "key"));
        }
        return new SigningKeySet(all, primary);
    }

    /**
     * Reads a private JWK Set as {@link #toJwkSet()} writes it.
     *
     * @param json the private JWK Set
     * @return the set
     * @throws KeyException if unreadable, if a key is public only, unsupported or below the floor,
     *     if key ids repeat, or if several keys and no {@code primary} are given
     * @since 0.1
     */
    public static SigningKeySet fromJwkSet(String json) {
        Jwks.Parsed parsed = Jwks.parse(json);
        List<SigningKey> keys = new ArrayList<>();
        for (Map<String, Object> jwk : parsed.keys) {
            keys.add(Jwks.readSigningKey(jwk));
        }
        SigningKey primary;
        if (parsed.primary == null) {
            if (keys.size() != 1) {
                throw new KeyException("a signing key set with several keys must name its \"primary\"");
            }
            primary = keys.get(0);
        } else {
            primary = keys.stream().filter(k -> k.keyId().equals(parsed.primary)).findFirst()
                    .orElseThrow(() -> new KeyException("the primary key " + parsed.primary + " is not in the set"));
        }
        return new SigningKeySet(keys, primary);
    }

    /**
     * Writes this set as a private JWK Set with a {@code primary} member.
     *
     * @return the JSON text; it contains private keys
     * @since 0.1
     */
    public String toJwkSet() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (SigningKey k : keys) {
            jwks.add(Jwks.writeSigningKey(k));
        }
        return Jwks.write(jwks, primary.keyId());
    }

    /**
     * The public halves of every key, to publish or to give a {@link TokenVerifier}.
     *
     * @return the public key set
     * @since 0.1
     */
    public VerificationKeySet publicKeys() {
        return VerificationKeySet.of(keys.stream().map(SigningKey::publicKey).collect(Collectors.toList()));
    }

    /**
     * A new set whose primary is a new key of the current primary's algorithm.
     *
     * @return the rotated set
     * @since 0.1
     */
    public SigningKeySet rotate() {
        return rotate(primary.algorithm());
    }

    /**
     * A new set whose primary is a new key of the given algorithm.
     *
     * @param algorithm {@code ED25519}, {@code RS256} or {@code PS256}
     * @return the rotated set
     * @since 0.1
     */
    public SigningKeySet rotate(Algorithm algorithm) {
        SigningKey fresh = SigningKey.generate(checkSign(algorithm));
        List<SigningKey> all = new ArrayList<>();
        all.add(fresh);
        all.addAll(keys);
        return new SigningKeySet(all, fresh);
    }

    /**
     * A new set without the given key; tokens it signed no longer verify against the new public set.
     *
     * @param keyId the key to drop
     * @return the set without it
     * @throws IllegalArgumentException if the key is the primary or not in the set
     * @since 0.1
     */
    public SigningKeySet remove(String keyId) {
        if (primary.keyId().equals(keyId)) {
            throw new IllegalArgumentException("cannot remove the primary key " + keyId + "; rotate first");
        }
        SigningKey k = find(keyId).orElseThrow(() -> new IllegalArgumentException("no key " + keyId + " in this set"));
        List<SigningKey> rest = new ArrayList<>(keys);
        rest.remove(k);
        return new SigningKeySet(rest, primary);
    }

    /**
     * The key that signs new tokens.
     *
     * @return the primary key
     * @since 0.1
     */
    public SigningKey primary() {
        return primary;
    }

    /**
     * Every key.
     *
     * @return an immutable list
     * @since 0.1
     */
    public List<SigningKey> keys() {
        return keys;
    }

    /**
     * Finds a key by id.
     *
     * @param keyId the key id
     * @return the key, or empty
     * @since 0.1
     */
    public Optional<SigningKey> find(String keyId) {
        for (SigningKey k : keys) {
            if (k.keyId().equals(keyId)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Key ids and algorithms, primary marked; never key material.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SigningKeySet[primary=" + primary.keyId() + ", keys=" + keys + "]";
    }
}
