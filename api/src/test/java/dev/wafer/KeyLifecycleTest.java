package dev.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key states, retirement only once values have expired, and the plan check on loading. */
class KeyLifecycleTest {

    @Test
    void movesKeysFromPendingToPrimaryToActiveToRetired() {
        SealingKeySet ring = SealingKeySet.generate().withMaxLifetime(Duration.ofHours(1));
        String first = ring.primary().keyId();
        SealingKeySet pending = ring.addPending(SealingAlgorithm.XAES_256_GCM).keySet();
        String second = pending.keys().get(0).keyId();
        assertEquals(KeyState.PENDING, pending.statusOf(second).state());
        assertEquals(first, pending.primary().keyId(), "a pending key does not seal");
        SealingKeySet promoted = pending.promote(second);
        assertEquals(second, promoted.primary().keyId());
        KeyStatus old = promoted.statusOf(first);
        assertEquals(KeyState.ACTIVE, old.state());
        Instant deactivated = old.deactivatedAt().orElseThrow();
        KeyException early = assertThrows(KeyException.class, () -> promoted.retire(first, deactivated.plusSeconds(3599)));
        assertTrue(early.getMessage().contains("may be retired from " + deactivated.plusSeconds(3600)), early.getMessage());
        SealingKeySet retired = promoted.retire(first, deactivated.plusSeconds(3600));
        assertEquals(KeyState.RETIRED, retired.statusOf(first).state());
        assertFalse(retired.statusOf(first).usableAt(Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> retired.retire(second), "the primary cannot be retired");
        assertThrows(IllegalArgumentException.class, () -> retired.promote(first), "only pending keys are promoted");
        assertTrue(retired.plan(deactivated.plusSeconds(3600)).isSound(), retired.plan(Instant.now()).toString());
    }

    @Test
    void writesAndReadsLifecycleMembers() {
        SealingKeySet ring = SealingKeySet.generate().withMaxLifetime(Duration.ofMinutes(30)).rotate().keySet();
        String old = ring.keys().get(1).keyId();
        ring = ring.withNotAfter(old, Instant.now().plus(Duration.ofHours(2)));
        String json = ring.toJwkSet();
        assertTrue(json.contains("\"wafer_state\":\"primary\"") && json.contains("\"wafer_state\":\"active\"")
                && json.contains("\"wafer_max_ttl\":1800") && json.contains("\"wafer_not_after\":"), json);
        SealingKeySet back = SealingKeySet.fromJwkSet(json);
        assertEquals(ring.statusOf(old), back.statusOf(old));
        assertEquals(Optional.of(Duration.ofMinutes(30)), back.maxLifetime());
        SigningKeySet keys = SigningKeySet.generate().addPending(SigningAlgorithm.ED25519).keySet();
        SigningKeySet keysBack = SigningKeySet.fromJwkSet(keys.toJwkSet());
        assertEquals(KeyState.PENDING, keysBack.statusOf(keys.keys().get(0).keyId()).state());
        assertEquals(2, keysBack.publicKeys().keys().size(), "a pending key is published before it signs");
    }

    @Test
    void reportsAPlanThatRetiresAKeyBeforeItsValuesExpire() {
        SealingKeySet ring = SealingKeySet.generate().withMaxLifetime(Duration.ofDays(1)).rotate().keySet();
        String old = ring.keys().get(1).keyId();
        Instant deactivated = ring.statusOf(old).deactivatedAt().orElseThrow();
        SealingKeySet tooEarly = ring.withNotAfter(old, deactivated.plus(Duration.ofHours(2)));
        KeyPlan plan = tooEarly.plan(Instant.now());
        assertFalse(plan.isSound());
        assertTrue(plan.violations().get(0).contains("before " + deactivated.plus(Duration.ofDays(1))), plan.toString());
        KeyPlan later = ring.plan(deactivated.plus(Duration.ofDays(2)));
        assertTrue(later.isSound());
        assertTrue(later.notes().stream().anyMatch(n -> n.contains("may be retired")), later.toString());
        // A file that retired a key an hour after it stopped sealing day-long values is refused, with
        // one message naming the violation; a tool that repairs it loads it on request.
        String json = tooEarly.toJwkSet().replace("\"wafer_state\":\"active\"",
                "\"wafer_state\":\"retired\",\"wafer_retired\":" + deactivated.plusSeconds(3600).getEpochSecond());
        KeyPlanException refused = assertThrows(KeyPlanException.class, () -> SealingKeySet.fromJwkSet(json));
        assertTrue(refused.getMessage().startsWith("the sealing key set breaks its rotation plan: key " + old + " was retired at"),
                refused.getMessage());
        assertFalse(refused.plan().isSound());
        KeyPlan loaded = SealingKeySet.fromJwkSet(json, KeyPlan.Check.ALLOW_VIOLATIONS).plan(Instant.now());
        assertTrue(loaded.violations().stream().anyMatch(v -> v.contains("was retired at")), loaded.toString());
        String signing = SigningKeySet.generate().withMaxLifetime(Duration.ofDays(1)).rotate().keySet().toJwkSet()
                .replace("\"wafer_state\":\"active\"", "\"wafer_state\":\"retired\",\"wafer_retired\":"
                        + Instant.now().getEpochSecond());
        assertThrows(KeyPlanException.class, () -> SigningKeySet.fromJwkSet(signing), "signing key sets too");
    }

    @Test
    void refusesAFileWithoutExactlyOnePrimaryOrWithAContradictingPrimaryMember() {
        String json = SealingKeySet.generate().rotate().keySet().toJwkSet();
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(json.replace("\"wafer_state\":\"active\"",
                "\"wafer_state\":\"primary\"")));
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(json.replace("\"wafer_state\":\"primary\"",
                "\"wafer_state\":\"active\"")));
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(json.replace("\"wafer_state\":\"primary\"",
                "\"wafer_state\":\"emeritus\"")));
        assertThrows(KeyException.class, () -> SealingKeySet.fromJwkSet(json.replaceFirst("\"wafer_created\":\\d+",
                "\"wafer_created\":\"yesterday\"")));
    }

    @Test
    void publishesNoRetiredSigningKey() {
        SigningKeySet keys = SigningKeySet.generate().rotate().keySet();
        String old = keys.keys().get(1).keyId();
        SigningKeySet retired = keys.retire(old);
        assertEquals(1, retired.publicKeys().keys().size());
        assertTrue(retired.find(old).isPresent(), "kept in the private file for the record");
        assertFalse(retired.publicKeys().toJwkSet().contains(old));
    }
}
