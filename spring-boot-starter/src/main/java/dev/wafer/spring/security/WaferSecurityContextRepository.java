package dev.wafer.spring.security;

import dev.wafer.web.SessionHandle;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Stateless logins: the security context lives in Wafer's sealed session cookie, not in server
 * memory (the repository asked for in spring-security issue 2542). What is kept is the user's name
 * and the names of their authorities, as JSON in the sealed session; the principal read back is a
 * {@link UserDetails} with those authorities and no password.
 *
 * <h2>Security</h2>
 * <p>Saving an authentication signs the user in through {@link SessionHandle#login}: a new session
 * id (session fixation), the user's current generation (so that log-out-everywhere ends it) and a
 * new CSRF secret. Saving an empty context signs the user out (the id and remember-me series are
 * revoked). The cookie is sealed, so a client can neither read nor forge the name or the
 * authorities; a session that was revoked, or whose user logged out everywhere, loads as empty.
 * Authorities are those of sign-in: a role taken away takes effect at the user's next sign-in, or
 * at once with log-out-everywhere. A session signed in by Wafer alone (or re-established by a
 * remember-me token) has no authorities yet: it loads as empty, and {@link WaferRememberMeServices}
 * signs it in.
 *
 * <p>Only JSON goes into the session; Java serialization never does.
 *
 * @since 0.1
 */
public final class WaferSecurityContextRepository implements SecurityContextRepository {
    /** The session attribute that holds the authorities' names. */
    public static final String AUTHORITIES_ATTRIBUTE = "_wafer.authorities";
    /** The session attribute that marks a session signed in by remember-me. */
    public static final String REMEMBERED_ATTRIBUTE = "_wafer.remembered";

    private final String rememberMeKey;
    private SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

    /**
     * A repository.
     *
     * @param rememberMeKey the key of the {@link RememberMeAuthenticationToken}s it loads, as
     *     {@link WaferRememberMeServices#key()}
     * @since 0.1
     */
    public WaferSecurityContextRepository(String rememberMeKey) {
        this.rememberMeKey = Objects.requireNonNull(rememberMeKey, "rememberMeKey");
    }

    /**
     * The holder strategy whose contexts this repository makes.
     *
     * @param strategy the strategy
     * @since 0.1
     */
    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Loads the context of the request's sealed session.
     *
     * @param holder the request and response
     * @return the context, empty if the request has no signed-in session
     * @deprecated as in {@link SecurityContextRepository}; Spring Security calls
     *     {@link #loadDeferredContext}
     */
    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    /**
     * Loads the context of the request's sealed session, when first asked for.
     *
     * @param request the request
     * @return the deferred context
     */
    @Override
    public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new org.springframework.security.core.context.DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = load(request);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = strategy.createEmptyContext();
        authentication(request).ifPresent(context::setAuthentication);
        return context;
    }

    private Optional<Authentication> authentication(HttpServletRequest request) {
        SessionHandle handle = handle(request);
        if (handle == null) {
            return Optional.empty();
        }
        Optional<String> user = handle.user();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        Object names = session == null ? null : session.getAttribute(AUTHORITIES_ATTRIBUTE);
        if (!(names instanceof List<?>)) {
            return Optional.empty(); // signed in by Wafer alone: WaferRememberMeServices completes it
        }
        List<String> authorityNames = new ArrayList<>();
        for (Object n : (List<?>) names) {
            if (n instanceof String) {
                authorityNames.add((String) n);
            }
        }
        List<GrantedAuthority> authorities = AuthorityUtils.createAuthorityList(authorityNames);
        UserDetails principal = User.withUsername(user.get()).password("").authorities(authorities).build();
        if (Boolean.TRUE.equals(session.getAttribute(REMEMBERED_ATTRIBUTE))) {
            return Optional.of(new RememberMeAuthenticationToken(rememberMeKey, principal, authorities));
        }
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    /**
     * Signs the authentication's user in on the sealed session (or out, for an empty context).
     *
     * @param context the context
     * @param request the request
     * @param response the response
     * @throws IllegalStateException if Wafer's session filter is not in front of Spring Security
     */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        SessionHandle handle = handle(request);
        if (handle == null) {
            throw new IllegalStateException("Wafer's session filter is not in front of Spring Security for "
                    + "this request: map WaferSessionFilter before the security filter chain");
        }
        Authentication auth = context == null ? null : context.getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            if (handle.user().isPresent()) {
                handle.logout();
            }
            return;
        }
        String name = auth.getName();
        boolean remembered = auth instanceof RememberMeAuthenticationToken;
        if (!name.equals(handle.user().orElse(null))) {
            handle.login(name, false);
        }
        HttpSession session = request.getSession();
        session.setAttribute(AUTHORITIES_ATTRIBUTE, names(auth.getAuthorities()));
        if (remembered) {
            session.setAttribute(REMEMBERED_ATTRIBUTE, true);
        } else {
            session.removeAttribute(REMEMBERED_ATTRIBUTE);
        }
    }

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        List<String> names = new ArrayList<>(authorities.size());
        for (GrantedAuthority a : authorities) {
            if (a.getAuthority() != null) {
                names.add(a.getAuthority());
            }
        }
        return names;
    }

    /**
     * Whether the request's sealed session has a signed-in user.
     *
     * @param request the request
     * @return whether there is a context to load
     */
    @Override
    public boolean containsContext(HttpServletRequest request) {
        SessionHandle handle = handle(request);
        return handle != null && handle.user().isPresent();
    }

    private static SessionHandle handle(HttpServletRequest request) {
        return request.getAttribute(WaferSessions.ATTRIBUTE) instanceof SessionHandle h ? h : null;
    }
}
