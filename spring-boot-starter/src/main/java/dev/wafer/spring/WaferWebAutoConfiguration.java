package dev.wafer.spring;

import dev.wafer.CookieSealer;
import dev.wafer.web.CookieSpec;
import dev.wafer.web.CsrfException;
import dev.wafer.web.CsrfPolicy;
import dev.wafer.web.InMemoryRevocationStore;
import dev.wafer.web.JwksPublisher;
import dev.wafer.web.ReloadingSigner;
import dev.wafer.web.RevocationStore;
import dev.wafer.web.SessionStore;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.JwksServlet;
import dev.wafer.web.servlet.WaferSessionFilter;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sealed cookie sessions, CSRF and remember-me for a servlet application: {@link WebSessions} from
 * {@code wafer.session.*}, {@code wafer.csrf.*} and {@code wafer.remember-me.*}, Wafer's session
 * filter mapped to every request ahead of Spring Security, and the public JWK Set at
 * {@code wafer.signing.jwk-set-path} when the application signs tokens.
 *
 * <h2>Security</h2>
 * <p>The defaults are the strict ones of docs/web.md: {@code __Host-} cookies, {@code Secure},
 * {@code HttpOnly}, {@code SameSite=Lax}, a 30-minute idle and 12-hour absolute lifetime,
 * synchronizer CSRF tokens with fetch-metadata and origin checks. Settings that contradict each
 * other stop start-up. A revocation store on Redis requires an explicit
 * {@code wafer.session.store-failure}.
 *
 * @since 0.1
 */
@AutoConfiguration(after = WaferAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "wafer.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
public class WaferWebAutoConfiguration {
    /**
     * Before Spring Security's filter chain ({@code SecurityFilterProperties.DEFAULT_FILTER_ORDER},
     * -100), which reads the session, and after Boot's character-encoding and form-content filters.
     */
    public static final int FILTER_ORDER = -110;

    /** Created by Spring. */
    public WaferWebAutoConfiguration() {
    }

    /**
     * The revocation store: one server's memory, unless wafer-redis (or the application) gives one.
     *
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public RevocationStore waferRevocationStore() {
        return new InMemoryRevocationStore();
    }

    /**
     * The sealed sessions.
     *
     * @param p the settings
     * @param sealer the sealer
     * @param store the revocation store
     * @param sessionStore a session store, if there is one
     * @param metrics Wafer's meters, if Micrometer is on
     * @return the sessions
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CookieSealer.class)
    @ConditionalOnBooleanProperty(name = "wafer.session.enabled", matchIfMissing = true)
    public WebSessions waferWebSessions(WaferProperties p, CookieSealer sealer, RevocationStore store,
                                        ObjectProvider<SessionStore> sessionStore, ObjectProvider<WaferMetrics> metrics) {
        WaferProperties.Session s = p.getSession();
        WaferMetrics m = metrics.getIfAvailable();
        StoreFailure failure = s.getStoreFailure();
        if (failure == null) {
            if (!(store instanceof InMemoryRevocationStore)) {
                throw new dev.wafer.KeyException("wafer.session.store-failure is not set: with a shared revocation store ("
                        + store.getClass().getSimpleName() + "), choose fail-closed (refuse sessions that need a check "
                        + "while it is down) or fail-open (accept them, logged): there is no silent default");
            }
            failure = StoreFailure.FAIL_CLOSED; // memory does not fail
        }
        WebSessions.Builder b = WebSessions.builder(m == null ? sealer : m.meter(sealer))
                .sessionCookie(CookieSpec.builder(s.getCookieName()).purpose("session").build())
                .idleTimeout(s.getIdleTimeout())
                .absoluteTimeout(s.getAbsoluteTimeout())
                .touchInterval(s.getTouchInterval())
                .revocationStore(m == null ? store : m.meter(store), failure)
                .rememberMe(CookieSpec.builder(p.getRememberMe().getCookieName()).purpose("remember-me").build(),
                        p.getRememberMe().getLifetime(), p.getRememberMe().getGrace())
                .csrf(csrf(p.getCsrf()))
                .exclusiveSessions(s.isExclusive());
        if (s.getShortLived() != null) {
            b.shortLived(s.getShortLived(),
                    CookieSpec.builder(s.getCookieName() + "-refresh").purpose("session-refresh").build());
        }
        if (s.getStore() != WaferProperties.StoreMode.NONE) {
            SessionStore st = sessionStore.getIfAvailable();
            if (st == null) {
                throw new dev.wafer.KeyException("wafer.session.store is " + s.getStore().name().toLowerCase(java.util.Locale.ROOT)
                        + ", and there is no session store: add wafer-redis (with spring.data.redis.*) or a SessionStore bean");
            }
            b.sessionStore(st, s.getStore().toMode());
        }
        return b.build();
    }

    private static CsrfPolicy csrf(WaferProperties.Csrf c) {
        CsrfPolicy policy = switch (c.getMode()) {
            case SYNCHRONIZER -> CsrfPolicy.synchronizer();
            case DOUBLE_SUBMIT -> CsrfPolicy.doubleSubmit();
            case OFF -> CsrfPolicy.off();
        };
        if (c.getMode() != WaferProperties.CsrfMode.OFF) {
            if (!c.getAllowedOrigins().isEmpty()) {
                policy = policy.allowOrigins(c.getAllowedOrigins().toArray(String[]::new));
            }
            if (c.isAllowSameSite()) {
                policy = policy.allowSameSite();
            }
        }
        return policy;
    }

    /**
     * Wafer's session filter, for every request, ahead of Spring Security.
     *
     * @param sessions the sessions
     * @param metrics Wafer's meters, if Micrometer is on
     * @return the registration
     */
    @Bean
    @ConditionalOnBean(WebSessions.class)
    @ConditionalOnMissingBean(name = "waferSessionFilter")
    public FilterRegistrationBean<Filter> waferSessionFilter(WebSessions sessions, ObjectProvider<WaferMetrics> metrics) {
        WaferSessionFilter filter = new WaferSessionFilter(sessions);
        WaferMetrics m = metrics.getIfAvailable();
        Filter registered = m == null ? filter : new CountingFilter(filter, m);
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>(registered);
        r.setName("waferSessionFilter");
        r.addUrlPatterns("/*");
        r.setDispatcherTypes(java.util.EnumSet.allOf(jakarta.servlet.DispatcherType.class)); // error pages too

        r.setOrder(FILTER_ORDER);
        return r;
    }

    /** Counts the CSRF check's refusals by reason. */
    private static final class CountingFilter implements Filter {
        private final Filter filter;
        private final WaferMetrics metrics;

        CountingFilter(Filter filter, WaferMetrics metrics) {
            this.filter = filter;
            this.metrics = metrics;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            filter.doFilter(request, response, chain);
            if (request.getAttribute(WaferSessions.CSRF_FAILURE_ATTRIBUTE) instanceof CsrfException e) {
                metrics.csrfRejected(e.reason().name());
            }
        }
    }

    /**
     * The public JWK Set of the application's signing keys.
     *
     * @since 0.1
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ReloadingSigner.class)
    static class JwkSetEndpoint {
        @Bean
        @ConditionalOnMissingBean(name = "waferJwkSetServlet")
        ServletRegistrationBean<JwksServlet> waferJwkSetServlet(WaferProperties p, ReloadingSigner signer) {
            String path = p.getSigning().getJwkSetPath();
            ServletRegistrationBean<JwksServlet> r = new ServletRegistrationBean<>(
                    new JwksServlet(JwksPublisher.of(signer::publicKeys, p.getSigning().getJwkSetMaxAge())),
                    path == null || path.isEmpty() ? "/.well-known/jwks.json" : path);
            r.setName("waferJwkSetServlet");
            r.setEnabled(path != null && !path.isEmpty());
            return r;
        }
    }
}
