package dev.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sealing keys of an application: one primary that seals new values, and older keys that
 * still open what they sealed, so that rotation logs nobody out.
 *
 * <h2>Rotation</h2>
 * <p>{@link #rotate()} adds a new primary and keeps the old keys for opening; values opened under
 * an old key report {@link OpenedValue#shouldReseal()}. Once the longest time-to-live sealed under
 * an old key has passed, {@link #remove(int)} drops it. See docs/keys.md.
 *
 * <h2>Security</h2>
 * <p>Immutable and thread-safe: every change returns a new keyring. {@link #toString()} shows key
 * ids and algorithms only. {@link #toJwkSet()} writes secret key bytes: store its output as a
 * secret.
 *
 * @since 0.1
 */
public final class SealingKeyring {
    private final List<SealingKey> keys;
    private final SealingKey primary;

    private SealingKeyring(List<SealingKey> keys, SealingKey primary) {
        this.keys = List.copyOf(keys);
        this.primary = primary;
        Jwks.checkUniqueIds(this.keys.stream().map(SealingKey::keyIdHex).collect(Collectors.toList()));
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
        return of(SealingKey.generate(algorithm));
    }

    /**
     * A keyring of existing keys; the first is the primary.
     *
     * @param primary the key that seals
     * @param others keys that only open
     * @return the keyring
     * @throws KeyException if two keys share a key id
     * @since 0.1
     */
    public static SealingKeyring of(SealingKey primary, SealingKey... others) {
        Objects.requireNonNull(primary, "primary");
        List<SealingKey> all = new ArrayList<>();
        all.add(primary);
        for (SealingKey k : others) {
            all.add(Objects.requireNonNull(k, "key"));
        }
        return new SealingKeyring(all, primary);
    }

    /**
     * Reads a private JWK Set as {@link #toJwkSet()} writes it (docs/format.md, "Key files").
     *
     * @param json the JWK Set
     * @return the keyring
     * @throws KeyException if the set is unreadable, holds a key Wafer refuses (a non-256-bit key,
     *     an unknown algorithm), repeats a key id, or names no primary it holds
     * @since 0.1
     */
    public static SealingKeyring fromJwkSet(String json) {
        Jwks.Parsed parsed = Jwks.parse(json);
        List<SealingKey> keys = new ArrayList<>();
        for (Map<String, Object> jwk : parsed.keys) {
            keys.add(Jwks.readSealingKey(jwk));
        }
        SealingKey primary;
        if (parsed.primary == null) {
            if (keys.size() != 1) {
                throw new KeyException("a sealing key set with several keys must name its \"primary\"");
            }
            primary = keys.get(0);
        } else {
            primary = keys.stream().filter(k -> k.keyIdHex().equals(parsed.primary)).findFirst()
                    .orElseThrow(() -> new KeyException("the primary key " + parsed.primary + " is not in the set"));
        }
        return new SealingKeyring(keys, primary);
    }

    /**
     * Writes this keyring as a private JWK Set: {@code oct} keys with {@code kid}, {@code alg},
     * {@code use} {@code enc} and the secret {@code k}, and a {@code primary} member.
     *
     * @return the JSON text; it contains secret keys
     * @since 0.1
     */
    public String toJwkSet() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (SealingKey k : keys) {
            jwks.add(Jwks.writeSealingKey(k));
        }
        return Jwks.write(jwks, primary.keyIdHex());
    }

    /**
     * A new keyring whose primary is a new key of the current primary's algorithm; every key of
     * this keyring still opens.
     *
     * @return the rotated keyring
     * @since 0.1
     */
    public SealingKeyring rotate() {
        return rotate(primary.algorithm());
    }

    /**
     * A new keyring whose primary is a new key of the given algorithm; every key of this keyring
     * still opens.
     *
     * @param algorithm a sealing algorithm
     * @return the rotated keyring
     * @since 0.1
     */
    public SealingKeyring rotate(Algorithm algorithm) {
        SealingKey fresh;
        do {
            fresh = SealingKey.generate(algorithm);
        } while (find(fresh.keyId()).isPresent());
        List<SealingKey> all = new ArrayList<>();
        all.add(fresh);
        all.addAll(keys);
        return new SealingKeyring(all, fresh);
    }

    /**
     * A new keyring without the given key. Values it sealed no longer open.
     *
     * @param keyId the key to drop
     * @return the keyring without it
     * @throws IllegalArgumentException if the key is the primary or not in the keyring
     * @since 0.1
     */
    public SealingKeyring remove(int keyId) {
        if (keyId == primary.keyId()) {
            throw new IllegalArgumentException("cannot remove the primary key " + primary.keyIdHex() + "; rotate first");
        }
        SealingKey k = find(keyId).orElseThrow(
                () -> new IllegalArgumentException("no key " + SealingKey.hex(keyId) + " in this keyring"));
        List<SealingKey> rest = new ArrayList<>(keys);
        rest.remove(k);
        return new SealingKeyring(rest, primary);
    }

    /**
     * The key that seals new values.
     *
     * @return the primary key
     * @since 0.1
     */
    public SealingKey primary() {
        return primary;
    }

    /**
     * Every key, the primary first after a rotation.
     *
     * @return an immutable list
     * @since 0.1
     */
    public List<SealingKey> keys() {
        return keys;
    }

    /**
     * Finds a key by id.
     *
     * @param keyId the key id
     * @return the key, or empty
     * @since 0.1
     */
    public Optional<SealingKey> find(int keyId) {
        for (SealingKey k : keys) {
            if (k.keyId() == keyId) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Key ids and algorithms, primary marked; never key bytes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SealingKeyring[primary=" + primary.keyIdHex() + ", keys=" + keys + "]";
    }
}
