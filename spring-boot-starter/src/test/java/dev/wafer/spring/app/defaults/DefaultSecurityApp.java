package dev.wafer.spring.app.defaults;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Boot application with Spring Security's defaults (no security configuration of its own: form
 * sign-in, every page behind it) and the starter.
 */
@SpringBootApplication(excludeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
public class DefaultSecurityApp {
    /** The pages. */
    @RestController
    public static class Pages {
        /**
         * Who is signed in, and how.
         *
         * @param auth the authentication
         * @return the user, the authorities and the authentication's type
         */
        @GetMapping("/me")
        public String me(Authentication auth) {
            return auth.getName() + " " + auth.getAuthorities() + " " + auth.getClass().getSimpleName();
        }
    }
}
