package dev.wafer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lifecycle logic that sealing key sets and signing key sets share: keys in order, a status
 * per key id, exactly one primary, a declared maximum lifetime. Immutable.
 */
final class Keys<K> {
    final List<K> keys;
    final Map<String, KeyStatus> status;
    final Optional<Duration> maxLifetime;
    final K primary;
    private final Function<K, String> id;

    Keys(List<K> keys, Map<String, KeyStatus> status, Optional<Duration> maxLifetime, Function<K, String> id) {
        this.keys = List.copyOf(keys);
        this.id = id;
        Jwks.checkUniqueIds(this.keys.stream().map(id).collect(Collectors.toList()));
        this.status = Map.copyOf(status);
        List<K> primaries = this.keys.stream().filter(k -> status.get(id.apply(k)).state() == KeyState.PRIMARY)
                .collect(Collectors.toList());
        if (primaries.size() != 1) {
            throw new KeyException("a key set needs exactly one primary key, not " + primaries.size());
        }
        this.primary = primaries.get(0);
        this.maxLifetime = maxLifetime;
    }

    /** The first key primary, the others active, nothing else known. */
    static <K> Keys<K> of(K primary, K[] others, Function<K, String> id) {
        Objects.requireNonNull(primary, "primary");
        List<K> all = new ArrayList<>();
        Map<String, KeyStatus> status = new LinkedHashMap<>();
        all.add(primary);
        status.put(id.apply(primary), KeyStatus.of(KeyState.PRIMARY));
        for (K k : others) {
            all.add(Objects.requireNonNull(k, "key"));
            status.putIfAbsent(id.apply(k), KeyStatus.of(KeyState.ACTIVE));
        }
        return new Keys<>(all, status, Optional.empty(), id);
    }

    static <K> Keys<K> generated(K key, Function<K, String> id) {
        return new Keys<>(List.of(key), Map.of(id.apply(key), KeyStatus.created(KeyState.PRIMARY, Instant.now())),
                Optional.empty(), id);
    }

    static <K> Keys<K> parsed(Jwks.Parsed parsed, List<K> keys, Function<K, String> id) {
        Jwks.checkUniqueIds(keys.stream().map(id).collect(Collectors.toList()));
        return new Keys<>(keys, parsed.statuses(keys.stream().map(id).collect(Collectors.toList())), parsed.maxLifetime, id);
    }

    Keys<K> withNew(K fresh, KeyState state) {
        Instant now = Instant.now();
        Map<String, KeyStatus> next = new LinkedHashMap<>(status);
        if (state == KeyState.PRIMARY) {
            next.put(id.apply(primary), status.get(id.apply(primary)).deactivated(now));
        }
        next.put(id.apply(fresh), KeyStatus.created(state, now));
        List<K> all = new ArrayList<>();
        all.add(fresh);
        all.addAll(keys);
        return new Keys<>(all, next, maxLifetime, id);
    }

    Keys<K> promote(String keyId) {
        KeyStatus s = statusOf(keyId);
        if (s.state() != KeyState.PENDING) {
            throw new IllegalArgumentException("only a pending key can be promoted; key " + keyId + " is "
                    + s.state().jwkName());
        }
        Map<String, KeyStatus> next = new LinkedHashMap<>(status);
        next.put(id.apply(primary), status.get(id.apply(primary)).deactivated(Instant.now()));
        next.put(keyId, s.promoted());
        return new Keys<>(keys, next, maxLifetime, id);
    }

    Keys<K> retire(String keyId, Instant now) {
        KeyStatus s = statusOf(keyId);
        if (s.state() == KeyState.PRIMARY || s.state() == KeyState.RETIRED) {
            throw new IllegalArgumentException("key " + keyId + " is " + s.state().jwkName()
                    + "; only an active or pending key can be retired (rotate first)");
        }
        if (s.state() == KeyState.ACTIVE && maxLifetime.isPresent() && s.deactivatedAt().isPresent()) {
            Instant safe = s.deactivatedAt().get().plus(maxLifetime.get());
            if (now.isBefore(safe)) {
                throw new KeyException("key " + keyId + " may be retired from " + safe
                        + " on: values it sealed or signed may live until then");
            }
        }
        Map<String, KeyStatus> next = new LinkedHashMap<>(status);
        next.put(keyId, s.retired(now));
        return new Keys<>(keys, next, maxLifetime, id);
    }

    Keys<K> withNotAfter(String keyId, Instant notAfter) {
        Map<String, KeyStatus> next = new LinkedHashMap<>(status);
        next.put(keyId, statusOf(keyId).withNotAfter(Objects.requireNonNull(notAfter, "notAfter")));
        return new Keys<>(keys, next, maxLifetime, id);
    }

    Keys<K> withMaxLifetime(Duration maxLifetime) {
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (maxLifetime.getSeconds() < 1 || maxLifetime.compareTo(CookieSealer.MAX_LIFETIME) > 0) {
            throw new LifetimeException("a maximum lifetime must be between one second and ten years");
        }
        return new Keys<>(keys, status, Optional.of(maxLifetime), id);
    }

    Keys<K> remove(String keyId) {
        if (keyId.equals(id.apply(primary))) {
            throw new IllegalArgumentException("cannot remove the primary key " + keyId + "; rotate first");
        }
        K k = find(keyId).orElseThrow(() -> new IllegalArgumentException("no key " + keyId + " in this set"));
        List<K> rest = new ArrayList<>(keys);
        rest.remove(k);
        Map<String, KeyStatus> next = new LinkedHashMap<>(status);
        next.remove(keyId);
        return new Keys<>(rest, next, maxLifetime, id);
    }

    KeyStatus statusOf(String keyId) {
        KeyStatus s = status.get(keyId);
        if (s == null) {
            throw new IllegalArgumentException("no key " + keyId + " in this set");
        }
        return s;
    }

    KeyPlan plan(Instant now) {
        Map<String, KeyStatus> ordered = new LinkedHashMap<>();
        keys.forEach(k -> ordered.put(id.apply(k), status.get(id.apply(k))));
        return KeyPlan.check(ordered, maxLifetime, now);
    }

    Optional<K> find(String keyId) {
        return keys.stream().filter(k -> id.apply(k).equals(keyId)).findFirst();
    }

    String toJwkSet(Function<K, Map<String, Object>> writer) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (K k : keys) {
            jwks.add(Jwks.withStatus(writer.apply(k), status.get(id.apply(k))));
        }
        return Jwks.write(jwks, id.apply(primary), maxLifetime);
    }

    String describe() {
        return "[primary=" + id.apply(primary) + ", keys=" + keys.stream()
                .map(k -> k + " " + status.get(id.apply(k)).state().jwkName()).collect(Collectors.toList()) + "]";
    }
}
