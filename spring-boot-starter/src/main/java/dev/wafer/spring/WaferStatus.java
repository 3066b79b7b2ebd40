package dev.wafer.spring;

import dev.wafer.CookieSealer;
import dev.wafer.KeyPlan;
import dev.wafer.KeyStatus;
import dev.wafer.ProviderReport;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.SigningKey;
import dev.wafer.SigningKeySet;
import dev.wafer.Wafer;
import dev.wafer.web.ReloadingSealer;
import dev.wafer.web.ReloadingSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Actuator shows of Wafer: the providers and their self-tests, and each key set's key ids,
 * states and plan violations. Key ids and states only: never a key byte.
 */
final class WaferStatus {
    private final CookieSealer sealer;
    private final ReloadingSigner signer;

    WaferStatus(CookieSealer sealer, ReloadingSigner signer) {
        this.sealer = sealer;
        this.signer = signer;
    }

    /** The problems that make Wafer unhealthy: failed self-tests, key-plan violations, key files that did not reload. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(Wafer.report().problems());
        Instant now = Instant.now();
        if (sealer != null) {
            for (String v : sealer.keys().plan(now).violations()) {
                problems.add("sealing keys: " + v);
            }
            if (sealer instanceof ReloadingSealer r && r.lastProblem() != null) {
                problems.add("sealing key file did not reload: " + r.lastProblem());
            }
        }
        if (signer != null) {
            for (String v : signer.keys().plan(now).violations()) {
                problems.add("signing keys: " + v);
            }
            if (signer.lastProblem() != null) {
                problems.add("signing key file did not reload: " + signer.lastProblem());
            }
        }
        return problems;
    }

    Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        ProviderReport report = Wafer.report();
        List<Map<String, Object>> providers = new ArrayList<>();
        for (ProviderReport.Entry e : report.providers()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.info().name());
            p.put("version", e.info().version());
            Map<String, String> tests = new LinkedHashMap<>();
            e.selfTests().forEach((a, t) -> tests.put(a.toString(), t));
            p.put("selfTests", tests);
            providers.add(p);
        }
        d.put("providers", providers);
        Map<String, String> servedBy = new LinkedHashMap<>();
        report.servedBy().forEach((a, p) -> servedBy.put(a.toString(), p));
        d.put("servedBy", servedBy);
        Instant now = Instant.now();
        if (sealer != null) {
            SealingKeySet keys = sealer.keys();
            d.put("sealingKeys", keys(keys.keys().stream().map(SealingKey::keyId).toList(), keys::statusOf, keys.plan(now)));
        }
        if (signer != null) {
            SigningKeySet keys = signer.keys();
            d.put("signingKeys", keys(keys.keys().stream().map(SigningKey::keyId).toList(), keys::statusOf, keys.plan(now)));
        }
        return d;
    }

    private static Map<String, Object> keys(List<String> ids, java.util.function.Function<String, KeyStatus> status, KeyPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> states = new LinkedHashMap<>();
        for (String id : ids) {
            states.put(id, status.apply(id).state().name().toLowerCase(java.util.Locale.ROOT));
        }
        m.put("keys", states);
        plan.maxLifetime().ifPresent(l -> m.put("maxLifetime", l.toString()));
        m.put("violations", plan.violations());
        return m;
    }
}
