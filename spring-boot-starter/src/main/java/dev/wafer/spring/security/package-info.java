/**
 * Spring Security 7 on Wafer: a {@link org.springframework.security.web.context.SecurityContextRepository}
 * on the sealed cookie session (stateless logins), {@link org.springframework.security.web.authentication.RememberMeServices}
 * on Wafer's rotating remember-me series, a {@link org.springframework.security.web.csrf.CsrfTokenRepository}
 * bound to the sealed session, a request cache that keeps only a URL, and a
 * {@link org.springframework.security.oauth2.jwt.JwtDecoder} and {@link org.springframework.security.oauth2.jwt.JwtEncoder}
 * on Wafer's verifier and signer. {@link dev.wafer.spring.security.WaferSecurityCustomizer} turns them all on for an
 * {@code HttpSecurity}.
 *
 * <p>All of them need Wafer's session filter ({@link dev.wafer.web.servlet.WaferSessionFilter}) in front of
 * Spring Security's filter chain, which the starter registers.
 *
 * @since 0.1
 */
package dev.wafer.spring.security;
