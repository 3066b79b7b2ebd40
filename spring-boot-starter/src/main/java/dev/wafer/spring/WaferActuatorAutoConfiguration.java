package dev.wafer.spring;

import dev.wafer.CookieSealer;
import dev.wafer.web.ReloadingSigner;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations: an Actuator health indicator ({@code wafer}: down when a provider's self-test
 * failed, a key set breaks its plan, or a key file's latest change did not load) and info
 * contributor (providers, self-tests, which provider serves each algorithm, key ids and states),
 * and Wafer's Micrometer meters ({@link WaferMetrics}). Each part is on when its classes are.
 *
 * <p>Only key ids and states are shown, never a key byte; the health details are shown as
 * {@code management.endpoint.health.show-details} allows.
 *
 * @since 0.1
 */
@AutoConfiguration(before = WaferWebAutoConfiguration.class, after = WaferAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "wafer.enabled", matchIfMissing = true)
public class WaferActuatorAutoConfiguration {
    /** Created by Spring. */
    public WaferActuatorAutoConfiguration() {
    }

    static WaferStatus status(ObjectProvider<CookieSealer> sealer, ObjectProvider<ReloadingSigner> signer) {
        return new WaferStatus(sealer.getIfAvailable(), signer.getIfAvailable());
    }

    /**
     * The health indicator.
     *
     * @since 0.1
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "waferHealthIndicator")
        HealthIndicator waferHealthIndicator(ObjectProvider<CookieSealer> sealer, ObjectProvider<ReloadingSigner> signer) {
            WaferStatus status = status(sealer, signer);
            return new AbstractHealthIndicator() {
                @Override
                protected void doHealthCheck(Health.Builder builder) {
                    List<String> problems = status.problems();
                    (problems.isEmpty() ? builder.up() : builder.down()).withDetail("problems", problems)
                            .withDetails(status.details());
                }
            };
        }
    }

    /**
     * The info contributor.
     *
     * @since 0.1
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class InfoConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "waferInfoContributor")
        InfoContributor waferInfoContributor(ObjectProvider<CookieSealer> sealer, ObjectProvider<ReloadingSigner> signer) {
            WaferStatus status = status(sealer, signer);
            return builder -> builder.withDetail("wafer", status.details());
        }
    }

    /**
     * The meters.
     *
     * @since 0.1
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        WaferMetrics waferMetrics(MeterRegistry registry) {
            return new WaferMetrics(registry);
        }
    }
}
