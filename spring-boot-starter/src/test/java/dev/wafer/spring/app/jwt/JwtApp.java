package dev.wafer.spring.app.jwt;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An issuer and resource server in one: tokens by Spring's JwtEncoder on Wafer, checked by Wafer's JwtDecoder. */
@SpringBootApplication(excludeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
public class JwtApp {
    /**
     * The application's own chain: the JWK Set and the token page are public, the api takes bearer tokens.
     *
     * @param http the builder (the starter's customizer is already applied)
     * @return the chain
     */
    @Bean
    SecurityFilterChain chain(HttpSecurity http) {
        http.authorizeHttpRequests(a -> a.requestMatchers("/.well-known/jwks.json", "/token").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** The pages. */
    @RestController
    public static class Pages {
        private final JwtEncoder encoder;

        /**
         * Pages.
         *
         * @param encoder the starter's encoder
         */
        public Pages(JwtEncoder encoder) {
            this.encoder = encoder;
        }

        /**
         * A token for a subject.
         *
         * @param sub the subject
         * @return the token
         */
        @GetMapping("/token")
        public String token(@RequestParam String sub) {
            JwtClaimsSet claims = JwtClaimsSet.builder().subject(sub).audience(List.of("api"))
                    .expiresAt(Instant.now().plusSeconds(300)).claim("scope", "read").build();
            return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
        }

        /**
         * Who the bearer is.
         *
         * @param jwt the verified token
         * @return a greeting
         */
        @GetMapping("/api/hello")
        public String hello(@org.springframework.security.core.annotation.AuthenticationPrincipal Jwt jwt) {
            return "hello " + jwt.getSubject() + " " + jwt.getAudience() + " " + jwt.getClaimAsString("scope")
                    + " " + jwt.getHeaders().get("kid");
        }
    }
}
