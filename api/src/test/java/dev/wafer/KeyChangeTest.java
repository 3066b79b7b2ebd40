package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link KeyChange#keyId()} names the key the change added, whatever the change and the kind of key set. */
class KeyChangeTest {

    @Test
    void rotatingASealingKeySetNamesTheNewPrimaryKey() {
        SealingKeySet before = SealingKeySet.generate().rotate().keySet();
        for (KeyChange<SealingKeySet> change : List.of(before.rotate(), before.rotate(SealingAlgorithm.AES_256_GCM))) {
            String added = onlyNewId(ids(before.keys()), ids(change.keySet().keys()));
            assertEquals(added, change.keyId());
            assertEquals(added, change.keySet().primary().keyId());
            assertEquals(KeyState.PRIMARY, change.keySet().statusOf(change.keyId()).state());
        }
        assertEquals(SealingAlgorithm.AES_256_GCM,
                key(before.rotate(SealingAlgorithm.AES_256_GCM)).algorithm(), "the id names the key of that algorithm");
    }

    @Test
    void addingAPendingSealingKeyNamesThePendingKeyNotThePrimary() {
        SealingKeySet before = SealingKeySet.generate();
        KeyChange<SealingKeySet> change = before.addPending(SealingAlgorithm.XAES_256_GCM);
        assertEquals(onlyNewId(ids(before.keys()), ids(change.keySet().keys())), change.keyId());
        assertEquals(KeyState.PENDING, change.keySet().statusOf(change.keyId()).state());
        assertEquals(before.primary().keyId(), change.keySet().primary().keyId());
    }

    @Test
    void rotatingASigningKeySetNamesTheNewPrimaryKey() {
        SigningKeySet before = SigningKeySet.generate();
        for (KeyChange<SigningKeySet> change : List.of(before.rotate(), before.rotate(SigningAlgorithm.PS256))) {
            String added = onlyNewId(signingIds(before.keys()), signingIds(change.keySet().keys()));
            assertEquals(added, change.keyId());
            assertEquals(added, change.keySet().primary().keyId());
            assertEquals(KeyState.PRIMARY, change.keySet().statusOf(change.keyId()).state());
        }
    }

    @Test
    void addingAPendingSigningKeyNamesThePendingKeyNotThePrimary() {
        SigningKeySet before = SigningKeySet.generate();
        KeyChange<SigningKeySet> change = before.addPending(SigningAlgorithm.ED25519);
        assertEquals(onlyNewId(signingIds(before.keys()), signingIds(change.keySet().keys())), change.keyId());
        assertEquals(KeyState.PENDING, change.keySet().statusOf(change.keyId()).state());
        assertEquals(before.primary().keyId(), change.keySet().primary().keyId());
        assertEquals(Set.of(before.primary().keyId(), change.keyId()),
                change.keySet().publicKeys().keys().stream().map(VerificationKey::keyId).collect(Collectors.toSet()),
                "the id is the one a verifier finds among the published keys");
    }

    private static SealingKey key(KeyChange<SealingKeySet> change) {
        return change.keySet().keys().stream().filter(k -> k.keyId().equals(change.keyId())).findFirst().orElseThrow();
    }

    private static Set<String> ids(List<SealingKey> keys) {
        return keys.stream().map(SealingKey::keyId).collect(Collectors.toSet());
    }

    private static Set<String> signingIds(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::keyId).collect(Collectors.toSet());
    }

    /** The one id in {@code after} that was not in {@code before}; every earlier id is kept. */
    private static String onlyNewId(Set<String> before, Set<String> after) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        assertEquals(1, added.size(), "one key added: " + added);
        assertEquals(before.size() + 1, after.size());
        String id = added.iterator().next();
        assertFalse(before.contains(id));
        return id;
    }
}
