package dev.wafer.spring.app.minimal;

import dev.wafer.web.SessionHandle;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A new Boot web application without Spring Security: the starter and {@code wafer.sealing.key-file}
 * give it sealed sessions, CSRF and remember-me. (The exclusions stand for "Spring Security and Spring
 * Data Redis are not dependencies": this module's tests have them on the class path for the other tests.)
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"})
public class MinimalApp {
    /** The pages. */
    @RestController
    public static class Pages {
        /**
         * Counts visits in the session.
         *
         * @param request the request
         * @return the count, and the user
         */
        @GetMapping("/visits")
        public String visits(HttpServletRequest request) {
            HttpSession session = request.getSession();
            Long visits = (Long) session.getAttribute("visits");
            session.setAttribute("visits", visits == null ? 1L : visits + 1);
            return "visits=" + (visits == null ? 1 : visits + 1) + " user=" + WaferSessions.of(request).user().orElse("-");
        }

        /**
         * The CSRF token for a form.
         *
         * @param request the request
         * @return the token
         */
        @GetMapping("/form")
        public String form(HttpServletRequest request) {
            return "<form method=post><input type=hidden name=_csrf value=\"" + WaferSessions.csrfToken(request).value()
                    + "\"></form>";
        }

        /**
         * Signs in (any password: a test).
         *
         * @param request the request
         * @param user the user
         * @param remember whether to remember
         * @return a confirmation
         */
        @PostMapping("/login")
        public String login(HttpServletRequest request, @RequestParam String user,
                            @RequestParam(defaultValue = "false") boolean remember) {
            SessionHandle web = WaferSessions.of(request);
            web.login(user, remember);
            return "signed in " + user;
        }

        /**
         * Signs out everywhere.
         *
         * @param request the request
         * @return a confirmation
         */
        @PostMapping("/logout-everywhere")
        public String logoutEverywhere(HttpServletRequest request) {
            WaferSessions.of(request).logoutEverywhere();
            return "signed out everywhere";
        }
    }
}
