package dev.wafer.spring;

import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.spring.security.SignInErrorFilter;
import dev.wafer.spring.security.WaferCsrfTokenRepository;
import dev.wafer.spring.security.WaferJwtDecoder;
import dev.wafer.spring.security.WaferJwtEncoder;
import dev.wafer.spring.security.WaferRememberMeServices;
import dev.wafer.spring.security.WaferSecurityContextRepository;
import dev.wafer.spring.security.WaferSecurityCustomizer;
import dev.wafer.web.WebSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Spring Security 7 on Wafer: the security context, CSRF tokens and remember-me on the sealed
 * session, applied to every {@code HttpSecurity} by one {@link WaferSecurityCustomizer} bean; and a
 * {@link JwtDecoder} and {@link JwtEncoder} on Wafer's verifier and signer. Each bean backs off when
 * the application defines its own; {@code wafer.security.enabled=false} turns the customizer off.
 *
 * @since 0.1
 */
@AutoConfiguration(after = {WaferAutoConfiguration.class, WaferWebAutoConfiguration.class},
        beforeName = {"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "wafer.enabled", matchIfMissing = true)
@ConditionalOnClass(HttpSecurity.class)
public class WaferSecurityAutoConfiguration {
    /** Created by Spring. */
    public WaferSecurityAutoConfiguration() {
    }

    /**
     * The parts on the sealed session.
     *
     * @since 0.1
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(WebSessions.class)
    @ConditionalOnBooleanProperty(name = "wafer.security.enabled", matchIfMissing = true)
    static class Sessions {
        @Bean
        @ConditionalOnMissingBean
        WaferRememberMeServices waferRememberMeServices(WaferProperties p, ObjectProvider<UserDetailsService> users) {
            return new WaferRememberMeServices(users.getIfUnique(), p.getRememberMe().getParameter());
        }

        @Bean
        @ConditionalOnMissingBean
        WaferSecurityContextRepository waferSecurityContextRepository(WaferRememberMeServices rememberMe) {
            return new WaferSecurityContextRepository(rememberMe.key());
        }

        @Bean
        @ConditionalOnMissingBean
        WaferCsrfTokenRepository waferCsrfTokenRepository() {
            return new WaferCsrfTokenRepository();
        }

        @Bean
        @ConditionalOnMissingBean
        WaferSecurityCustomizer waferSecurityCustomizer(WaferSecurityContextRepository contexts,
                                                        WaferCsrfTokenRepository csrf, WaferRememberMeServices rememberMe,
                                                        WebSessions sessions) {
            return new WaferSecurityCustomizer(contexts, sessions.csrf().isOff() ? null : csrf, rememberMe);
        }

        @Bean
        Customizer<HttpSecurity> waferHttpSecurityCustomizer(WaferSecurityCustomizer customizer) {
            return customizer;
        }

        @Bean
        @ConditionalOnMissingBean(name = "waferSignInErrorFilter")
        FilterRegistrationBean<SignInErrorFilter> waferSignInErrorFilter() {
            FilterRegistrationBean<SignInErrorFilter> r = new FilterRegistrationBean<>(new SignInErrorFilter());
            r.setName("waferSignInErrorFilter");
            r.addUrlPatterns("/*");
            r.setDispatcherTypes(java.util.EnumSet.allOf(jakarta.servlet.DispatcherType.class));
            r.setOrder(WaferWebAutoConfiguration.FILTER_ORDER + 1);
            return r;
        }
    }

    /**
     * JWTs on Wafer.
     *
     * @since 0.1
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JwtDecoder.class)
    static class Jwt {
        @Bean
        @ConditionalOnMissingBean(JwtDecoder.class)
        @ConditionalOnBean(TokenVerifier.class)
        WaferJwtDecoder waferJwtDecoder(TokenVerifier verifier) {
            return new WaferJwtDecoder(verifier);
        }

        @Bean
        @ConditionalOnMissingBean(JwtEncoder.class)
        @ConditionalOnBean(TokenSigner.class)
        WaferJwtEncoder waferJwtEncoder(TokenSigner signer) {
            return new WaferJwtEncoder(signer);
        }
    }
}
