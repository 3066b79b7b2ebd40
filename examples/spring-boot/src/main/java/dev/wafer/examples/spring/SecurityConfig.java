package dev.wafer.examples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's own security: which pages need a user. Everything Wafer does (the security
 * context, CSRF tokens and remember-me on sealed cookies) comes from the starter's customizer,
 * already applied to the {@code HttpSecurity} given here.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    /**
     * The pages' rules.
     *
     * @param http the builder, with Wafer's customizer applied
     * @return the chain
     */
    @Bean
    SecurityFilterChain chain(HttpSecurity http) {
        http.authorizeHttpRequests(a -> a.requestMatchers("/", "/error", "/style.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.defaultSuccessUrl("/account"))
                .rememberMe(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessUrl("/"));
        return http.build();
    }

    /**
     * The demo user: {@code alice}, password {@code wafer-demo}.
     *
     * @return the users
     */
    @Bean
    UserDetailsService users() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername("alice").password(encoder.encode("wafer-demo"))
                .roles("USER").build());
    }
}
