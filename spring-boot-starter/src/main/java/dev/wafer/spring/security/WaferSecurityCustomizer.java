package dev.wafer.spring.security;

import java.util.Objects;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The one {@code HttpSecurity} customizer that puts Spring Security on Wafer's sealed session:
 * the security context in the sealed cookie ({@link WaferSecurityContextRepository}), the URL to
 * return to after sign-in ({@link WaferRequestCache}), CSRF tokens bound to the session
 * ({@link WaferCsrfTokenRepository}) and remember-me on Wafer's series
 * ({@link WaferRememberMeServices}).
 *
 * <p>The starter declares it as a {@code Customizer<HttpSecurity>} bean, which Spring Security
 * applies to every {@code HttpSecurity} before the application's own configuration: a
 * {@code SecurityFilterChain} method can still turn a part off ({@code http.rememberMe(r -> r.disable())})
 * or replace it. For a resource server on Wafer's verifier, add
 * {@code http.oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))}: the starter's
 * {@link WaferJwtDecoder} bean is used.
 *
 * <h2>Security</h2>
 * <p>Nothing of the security context, the CSRF secret or the saved URL is kept in server memory,
 * and nothing is Java-serialized: Spring Security's defaults ({@code HttpSessionSecurityContextRepository},
 * {@code HttpSessionCsrfTokenRepository}, {@code HttpSessionRequestCache}) store objects in the
 * session, which a sealed session refuses; this customizer replaces every one of them.
 *
 * @since 0.1
 */
public final class WaferSecurityCustomizer implements Customizer<HttpSecurity> {
    private final WaferSecurityContextRepository contexts;
    private final WaferCsrfTokenRepository csrf;
    private final WaferRememberMeServices rememberMe;

    /**
     * A customizer of these parts.
     *
     * @param contexts the security-context repository
     * @param csrf the CSRF token repository, or {@code null} when Wafer's CSRF policy is off: then
     *     Spring Security's CSRF filter is off too (its own tokens live in server sessions, which a
     *     sealed session cannot hold)
     * @param rememberMe the remember-me services, or {@code null} for none
     * @since 0.1
     */
    public WaferSecurityCustomizer(WaferSecurityContextRepository contexts, WaferCsrfTokenRepository csrf,
                                   WaferRememberMeServices rememberMe) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.csrf = csrf;
        this.rememberMe = rememberMe;
    }

    /**
     * Puts the parts on an {@code HttpSecurity}.
     *
     * @param http the builder
     */
    @Override
    public void customize(HttpSecurity http) {
        http.securityContext(c -> c.securityContextRepository(
                new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), contexts)));
        http.requestCache(c -> c.requestCache(new WaferRequestCache()));
        if (csrf != null) {
            http.csrf(c -> c.csrfTokenRepository(csrf).csrfTokenRequestHandler(csrf));
        } else {
            http.csrf(c -> c.disable());
        }
        if (rememberMe != null) {
            http.rememberMe(r -> r.rememberMeServices(rememberMe).key(rememberMe.key()));
        }
    }

    @Override
    public String toString() {
        return "WaferSecurityCustomizer[csrf " + (csrf != null) + ", remember-me " + (rememberMe != null) + "]";
    }
}
