package dev.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Public keys that verify tokens, selected by key id: what a second service loads from the public
 * JWK Set (RFC 7517 §5) that the issuing service publishes.
 *
 * <h2>Security</h2>
 * <p>Reading refuses a set that carries private members, so a private key file deployed by mistake
 * is caught, and refuses keys below the floor. Each key carries its algorithm (RFC 8725 §3.1).
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class VerificationKeySet {
    private final List<VerificationKey> keys;

    private VerificationKeySet(List<VerificationKey> keys) {
        if (keys.isEmpty()) {
            throw new KeyException("a verification key set needs at least one key");
        }
        this.keys = List.copyOf(keys);
        Jwks.checkUniqueIds(this.keys.stream().map(VerificationKey::keyId).collect(Collectors.toList()));
    }

    /**
     * A set of the given keys.
     *
     * @param keys at least one key, with distinct key ids
     * @return the set
     * @throws KeyException if empty or if two keys share a key id
     * @since 0.1
     */
    public static VerificationKeySet of(VerificationKey... keys) {
        List<VerificationKey> list = new ArrayList<>();
        for (VerificationKey k : keys) {
            list.add(Objects.requireNonNull(k, "key"));
        }
        return new VerificationKeySet(list);
    }

    static VerificationKeySet of(List<VerificationKey> keys) {
        return new VerificationKeySet(keys);
    }

    /**
     * Reads a public JWK Set: {@code OKP} Ed25519 and {@code RSA} keys. A key without {@code kid}
     * gets its RFC 7638 thumbprint; an Ed25519 key without {@code alg} is taken as {@code EdDSA};
     * an RSA key must name {@code RS256} or {@code PS256}.
     *
     * @param json the public JWK Set
     * @return the set
     * @throws KeyException if unreadable, if a key carries private members, is of an unsupported
     *     type or below the floor, or if key ids repeat
     * @since 0.1
     */
    public static VerificationKeySet fromJwkSet(String json) {
        List<VerificationKey> keys = new ArrayList<>();
        for (Map<String, Object> jwk : Jwks.parse(json).keys) {
            keys.add(Jwks.readVerificationKey(jwk));
        }
        return new VerificationKeySet(keys);
    }

    /**
     * Writes the public JWK Set to publish (for example at a JWKS endpoint).
     *
     * @return the JSON text; no private members
     * @since 0.1
     */
    public String toJwkSet() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (VerificationKey k : keys) {
            jwks.add(k.jwkMembers());
        }
        return Jwks.write(jwks, null, java.util.Optional.empty());
    }

    /**
     * Every key.
     *
     * @return an immutable list
     * @since 0.1
     */
    public List<VerificationKey> keys() {
        return keys;
    }

    /**
     * Finds a key by id.
     *
     * @param keyId the {@code kid}
     * @return the key, or empty
     * @since 0.1
     */
    public Optional<VerificationKey> find(String keyId) {
        for (VerificationKey k : keys) {
            if (k.keyId().equals(keyId)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Key ids and algorithms.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "VerificationKeySet" + keys;
    }
}
