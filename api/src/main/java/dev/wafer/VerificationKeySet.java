package dev.wafer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Public keys that verify tokens, selected by key id: what a second service loads from the public
 * JWK Set (RFC 7517 §5) that the issuing service publishes.
 *
 * <h2>Lifecycle</h2>
 * <p>A published key may carry the issuer's end of use ({@code wafer_not_after}, docs/format.md §3):
 * a verifier stops trusting the key at that time, as the issuer's own key set does. A key marked
 * {@code "wafer_state":"retired"} is never trusted, and is dropped when the set is read.
 *
 * <h2>Security</h2>
 * <p>Reading refuses a set that carries private members, so a private key file deployed by mistake
 * is caught, and validates every key ({@link VerificationKey}). Each key carries its algorithm
 * (RFC 8725 §3.1). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class VerificationKeySet {
    private final List<VerificationKey> keys;
    private final Map<String, KeyStatus> status;

    private VerificationKeySet(List<VerificationKey> keys, Map<String, KeyStatus> status) {
        if (keys.isEmpty()) {
            throw new KeyException("a verification key set needs at least one key");
        }
        this.keys = List.copyOf(keys);
        Jwks.checkUniqueIds(this.keys.stream().map(VerificationKey::keyId).collect(Collectors.toList()));
        this.status = Collections.unmodifiableMap(new LinkedHashMap<>(status));
    }

    /**
     * A set of the given keys, with no end of use.
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
        return new VerificationKeySet(list, Map.of());
    }

    static VerificationKeySet of(List<VerificationKey> keys, Map<String, KeyStatus> status) {
        return new VerificationKeySet(keys, status);
    }

    /**
     * Reads a public JWK Set: {@code OKP} Ed25519 and {@code RSA} keys. A key without {@code kid}
     * gets its RFC 7638 thumbprint; an Ed25519 key without {@code alg} is taken as {@code EdDSA};
     * an RSA key must name {@code RS256} or {@code PS256}. Retired keys are dropped.
     *
     * @param json the public JWK Set
     * @return the set
     * @throws KeyException if unreadable, if a key carries private members, is of an unsupported
     *     type or fails validation, if key ids repeat, or if no key is left; the message names the
     *     key
     * @since 0.1
     */
    public static VerificationKeySet fromJwkSet(String json) {
        return read(json, e -> {
            throw e;
        });
    }

    /**
     * Reads a public JWK Set published by another party, keeping the keys Wafer accepts and
     * reporting the others, so that one key Wafer refuses (an algorithm it does not support, a
     * key that fails validation) does not stop the others from verifying. For a remote JWK Set
     * consumer; a service's own key files should use {@link #fromJwkSet(String)}.
     *
     * @param json the public JWK Set
     * @param refused told of each key left out, and why (the message names the key)
     * @return the set of the keys Wafer accepts
     * @throws KeyException if the text is no JWK Set, if key ids repeat, or if no key is left
     * @since 0.1
     */
    public static VerificationKeySet fromJwkSetSkippingRefused(String json, Consumer<KeyException> refused) {
        Objects.requireNonNull(refused, "refused");
        return read(json, refused);
    }

    private static VerificationKeySet read(String json, Consumer<KeyException> refused) {
        List<VerificationKey> keys = new ArrayList<>();
        Map<String, KeyStatus> status = new LinkedHashMap<>();
        for (Map<String, Object> jwk : Jwks.parse(json).keys) {
            VerificationKey key;
            KeyStatus s;
            try {
                key = Jwks.readVerificationKey(jwk);
                s = Jwks.publicStatus(jwk, key.keyId());
            } catch (KeyException e) {
                refused.accept(e);
                continue;
            }
            if (s.state() != KeyState.RETIRED) {
                keys.add(key);
                status.put(key.keyId(), s);
            }
        }
        if (keys.isEmpty()) {
            throw new KeyException("the JWK Set holds no key that verifies (every key is retired or refused)");
        }
        return new VerificationKeySet(keys, status);
    }

    /**
     * Writes the public JWK Set to publish (for example at a JWKS endpoint), with each key's end
     * of use where it has one.
     *
     * @return the JSON text; no private members
     * @since 0.1
     */
    public String toJwkSet() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (VerificationKey k : keys) {
            jwks.add(Jwks.withPublicStatus(k.jwkMembers(), statusOf(k.keyId())));
        }
        return Jwks.write(jwks, null, Optional.empty());
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
     * A key's status as published: its end of use, if any.
     *
     * @param keyId the key
     * @return its status; {@link KeyState#ACTIVE} with no end for a key published without one
     * @throws IllegalArgumentException if the key is not in the set
     * @since 0.1
     */
    public KeyStatus statusOf(String keyId) {
        if (find(keyId).isEmpty()) {
            throw new IllegalArgumentException("no key " + dev.wafer.internal.Text.quote(keyId) + " in this set");
        }
        return status.getOrDefault(keyId, KeyStatus.of(KeyState.ACTIVE));
    }

    /** Whether a key verifies at a time: not past its end of use. */
    boolean usableAt(String keyId, Instant now) {
        KeyStatus s = status.get(keyId);
        return s == null || s.usableAt(now);
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
