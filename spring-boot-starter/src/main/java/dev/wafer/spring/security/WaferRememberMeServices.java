package dev.wafer.spring.security;

import dev.wafer.web.SessionHandle;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Remember-me on Wafer's rotating series, in place of Spring Security's
 * {@code TokenBasedRememberMeServices} (a hash with the user name in clear, which only a password
 * change revokes) and {@code PersistentTokenBasedRememberMeServices} (which logs out the parallel
 * requests of one page load: spring-security issue 3079).
 *
 * <h2>Security</h2>
 * <p>The token is a sealed value of the user, a random series id, a step and the user's
 * generation. Each use moves the series on a step; the previous step still works for a short grace
 * window (parallel requests); an older step that comes back means the token was copied, and the
 * whole series is revoked. Log-out-everywhere and a sign-out revoke it too. It is checked against
 * the revocation store every time, and never granted while the store cannot answer.
 *
 * <p>Wafer's session filter does the token's work before Spring Security runs; {@link #autoLogin}
 * turns the session it re-established into a {@link RememberMeAuthenticationToken}, with the
 * authorities the {@link UserDetailsService} gives now (a disabled or deleted user is refused and
 * signed out). Without a {@code UserDetailsService}, the user has no authorities.
 *
 * @since 0.1
 */
public final class WaferRememberMeServices implements RememberMeServices, LogoutHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WaferRememberMeServices.class);

    private final UserDetailsService users;
    private final String parameter;
    private final String key;

    /**
     * Remember-me services.
     *
     * @param usersOrNull where a remembered user's authorities come from, or {@code null}
     * @param parameter the sign-in form's field that asks for remember-me ({@code remember-me})
     * @since 0.1
     */
    public WaferRememberMeServices(UserDetailsService usersOrNull, String parameter) {
        this.users = usersOrNull;
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = Base64.getUrlEncoder().withoutPadding().encodeToString(k);
    }

    /**
     * The key of the {@link RememberMeAuthenticationToken}s these services make: random for each
     * application start, and never sent anywhere (it only ties the tokens to this provider).
     *
     * @return the key
     * @since 0.1
     */
    public String key() {
        return key;
    }

    /**
     * Signs in the user of a session that Wafer re-established from a remember-me token (or that
     * Wafer signed in without Spring Security).
     *
     * @param request the request
     * @param response the response
     * @return the authentication, or {@code null}
     */
    @Override
    public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
        SessionHandle handle = handle(request);
        if (handle == null) {
            return null;
        }
        String name = handle.user().orElse(null);
        if (name == null) {
            return null;
        }
        UserDetails user;
        if (users == null) {
            user = User.withUsername(name).password("").authorities(List.of()).build();
        } else {
            try {
                user = users.loadUserByUsername(name);
            } catch (UsernameNotFoundException e) {
                LOG.info("A remembered user no longer exists; signed out");
                handle.logout();
                return null;
            }
            if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()) {
                LOG.info("A remembered user's account is disabled, locked or expired; signed out");
                handle.logout();
                return null;
            }
        }
        Collection<? extends GrantedAuthority> authorities = user.getAuthorities();
        UserDetails principal = User.withUsername(name).password("").authorities(authorities).build();
        return new RememberMeAuthenticationToken(key, principal, authorities);
    }

    /**
     * Nothing: a failed sign-in leaves any remember-me token as it is (it is not the user's).
     *
     * @param request the request
     * @param response the response
     */
    @Override
    public void loginFail(HttpServletRequest request, HttpServletResponse response) {
        // A failed password is not a reason to end another series.
    }

    /**
     * Starts a remember-me series when the sign-in form asked for one.
     *
     * @param request the request
     * @param response the response
     * @param authentication the new authentication
     */
    @Override
    public void loginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SessionHandle handle = handle(request);
        if (handle == null || !requested(request.getParameter(parameter))) {
            return;
        }
        if (!authentication.getName().equals(handle.user().orElse(null))) {
            handle.login(authentication.getName(), true);
        } else {
            handle.rememberMe();
        }
    }

    private static boolean requested(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")
                || value.equalsIgnoreCase("yes") || value.equals("1"));
    }

    /**
     * Signs out here: the session is ended and its remember-me series revoked.
     *
     * @param request the request
     * @param response the response
     * @param authentication the authentication, if any
     */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SessionHandle handle = handle(request);
        if (handle != null) {
            handle.logout();
        }
    }

    private static SessionHandle handle(HttpServletRequest request) {
        return request.getAttribute(WaferSessions.ATTRIBUTE) instanceof SessionHandle h ? h : null;
    }

    @Override
    public String toString() {
        return "WaferRememberMeServices[parameter " + parameter + "]";
    }
}
