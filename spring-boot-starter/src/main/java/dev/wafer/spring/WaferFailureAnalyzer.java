package dev.wafer.spring;

import dev.wafer.ConfigurationException;
import dev.wafer.KeyPlanException;
import dev.wafer.ProviderNotFoundException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Wafer misconfiguration at start-up (a missing or unreadable key file, a wrong master key,
 * a key set that breaks its plan, a provider that is not there) into one clear message and what to
 * do, in place of a stack of bean-creation exceptions. The message names the file or the property;
 * it never holds a key byte.
 *
 * @since 0.1
 */
public class WaferFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    /** Created by Spring Boot. */
    public WaferFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        String action;
        if (cause instanceof KeyPlanException) {
            action = "Fix the key file's plan (wafer check --keys FILE shows it), for example retire keys later or "
                    + "declare a longer maximum lifetime; see docs/keys.md.";
        } else if (cause instanceof ProviderNotFoundException) {
            action = "Add the provider's artifact (wafer-provider-jca, -bc or -tink) or correct wafer.provider.";
        } else {
            action = "Check wafer.sealing.key-file, wafer.signing.key-file and wafer.master-key-file (or "
                    + "wafer.master-key-env): each file must exist, be readable by this process, and be a key file of "
                    + "its kind sealed under that master key (wafer keygen writes one; wafer check verifies it). "
                    + "See docs/spring.md.";
        }
        return new FailureAnalysis("Wafer could not start: " + cause.getMessage(), action, cause);
    }
}
