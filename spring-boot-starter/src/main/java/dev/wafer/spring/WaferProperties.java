package dev.wafer.spring;

import dev.wafer.web.SessionStore;
import dev.wafer.web.StoreFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Wafer's settings under {@code wafer.*}. With only {@code wafer.sealing.key-file} set, a servlet
 * application gets sealed cookie sessions, CSRF protection and remember-me; every other property
 * has the strict default that docs/spring.md lists. Each property carries metadata, so IDEs
 * complete and document it.
 *
 * <p>No property holds key material: keys live in key files ({@code wafer keygen}), sealed at rest
 * under a master key read from a file or an environment variable.
 *
 * @since 0.1
 */
@ConfigurationProperties(prefix = "wafer")
public class WaferProperties {
    /** Whether Wafer's auto-configuration is on. */
    private boolean enabled = true;

    /**
     * The provider of the crypto engines: "jca", "bc" or "tink"; unset (or "auto") chooses the best
     * provider on the class path for each algorithm.
     */
    private String provider;

    /**
     * The file holding the master key that key files are sealed under (base64url, 256 bits, mode
     * 0600). Unset: the key files are plain (as wafer keygen writes them without a master key).
     */
    private Path masterKeyFile;

    /** The environment variable holding the master key, as an alternative to master-key-file. */
    private String masterKeyEnv;

    /** How often key files are looked at for a rotation on disk; 0 never. */
    private Duration keyReloadInterval = Duration.ofSeconds(5);

    /** The cookie-sealing keys. */
    private final Sealing sealing = new Sealing();

    /** The token-signing keys, and the JWK Set endpoint that publishes their public halves. */
    private final Signing signing = new Signing();

    /** Verification of tokens signed by another service. */
    private final Verification verification = new Verification();

    /** The sealed cookie session. */
    private final Session session = new Session();

    /** CSRF protection of requests with unsafe methods. */
    private final Csrf csrf = new Csrf();

    /** Remember-me tokens. */
    private final RememberMe rememberMe = new RememberMe();

    /** The shared state on Redis (wafer-redis on the class path, on Boot's spring.data.redis settings). */
    private final Redis redis = new Redis();

    /** The Spring Security integration. */
    private final Security security = new Security();

    /** @return whether the auto-configuration is on */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the auto-configuration is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the provider's name, or {@code null} to choose automatically */
    public String getProvider() {
        return provider;
    }

    /** @param provider the provider's name */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** @return the master key file, or {@code null} */
    public Path getMasterKeyFile() {
        return masterKeyFile;
    }

    /** @param masterKeyFile the master key file */
    public void setMasterKeyFile(Path masterKeyFile) {
        this.masterKeyFile = masterKeyFile;
    }

    /** @return the master key's environment variable, or {@code null} */
    public String getMasterKeyEnv() {
        return masterKeyEnv;
    }

    /** @param masterKeyEnv the master key's environment variable */
    public void setMasterKeyEnv(String masterKeyEnv) {
        this.masterKeyEnv = masterKeyEnv;
    }

    /** @return how often key files are polled */
    public Duration getKeyReloadInterval() {
        return keyReloadInterval;
    }

    /** @param keyReloadInterval how often key files are polled; zero never */
    public void setKeyReloadInterval(Duration keyReloadInterval) {
        this.keyReloadInterval = keyReloadInterval;
    }

    /** @return the sealing settings */
    public Sealing getSealing() {
        return sealing;
    }

    /** @return the signing settings */
    public Signing getSigning() {
        return signing;
    }

    /** @return the verification settings */
    public Verification getVerification() {
        return verification;
    }

    /** @return the session settings */
    public Session getSession() {
        return session;
    }

    /** @return the CSRF settings */
    public Csrf getCsrf() {
        return csrf;
    }

    /** @return the remember-me settings */
    public RememberMe getRememberMe() {
        return rememberMe;
    }

    /** @return the Redis settings */
    public Redis getRedis() {
        return redis;
    }

    /** @return the Spring Security settings */
    public Security getSecurity() {
        return security;
    }

    /**
     * The cookie-sealing keys.
     *
     * @since 0.1
     */
    public static class Sealing {
        /**
         * The sealing key file (wafer keygen --type seal), plain or sealed at rest. Followed on
         * disk: after wafer rotate, new values are sealed under the new primary, and old ones keep
         * opening.
         */
        private Path keyFile;

        /** @return the key file, or {@code null} */
        public Path getKeyFile() {
            return keyFile;
        }

        /** @param keyFile the key file */
        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }
    }

    /**
     * The token-signing keys and the JWK Set endpoint.
     *
     * @since 0.1
     */
    public static class Signing {
        /** The signing key file (wafer keygen --type sign), plain or sealed at rest; followed on disk. */
        private Path keyFile;

        /** The iss claim of the tokens this application signs. */
        private String issuer;

        /** The lifetime of a token whose claims set no exp. */
        private Duration tokenLifetime = Duration.ofMinutes(15);

        /** The path that serves the public JWK Set; empty to serve none. */
        private String jwkSetPath = "/.well-known/jwks.json";

        /** How long clients may cache the JWK Set (Cache-Control max-age). */
        private Duration jwkSetMaxAge = Duration.ofMinutes(5);

        /** @return the key file, or {@code null} */
        public Path getKeyFile() {
            return keyFile;
        }

        /** @param keyFile the key file */
        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }

        /** @return the issuer, or {@code null} */
        public String getIssuer() {
            return issuer;
        }

        /** @param issuer the issuer */
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /** @return the default token lifetime */
        public Duration getTokenLifetime() {
            return tokenLifetime;
        }

        /** @param tokenLifetime the default token lifetime */
        public void setTokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
        }

        /** @return the JWK Set path, empty for none */
        public String getJwkSetPath() {
            return jwkSetPath;
        }

        /** @param jwkSetPath the JWK Set path, empty for none */
        public void setJwkSetPath(String jwkSetPath) {
            this.jwkSetPath = jwkSetPath;
        }

        /** @return the JWK Set's cache lifetime */
        public Duration getJwkSetMaxAge() {
            return jwkSetMaxAge;
        }

        /** @param jwkSetMaxAge the JWK Set's cache lifetime */
        public void setJwkSetMaxAge(Duration jwkSetMaxAge) {
            this.jwkSetMaxAge = jwkSetMaxAge;
        }
    }

    /**
     * Verification of tokens: from another service's JWK Set, a local public key file, or this
     * application's own signing keys.
     *
     * @since 0.1
     */
    public static class Verification {
        /** The issuer's JWK Set URI (https, or http on loopback), fetched and cached per Cache-Control. */
        private URI jwkSetUri;

        /** A public key file (wafer public), as an alternative to jwk-set-uri. */
        private Path keyFile;

        /** The iss every token must carry; required for a JWK Set URI or a key file. */
        private String issuer;

        /** The aud every token must carry, if any. */
        private String audience;

        /** The clock skew allowed on exp, nbf and iat. */
        private Duration clockSkew = Duration.ofSeconds(30);

        /** The least time between two fetches of the JWK Set caused by an unknown key id. */
        private Duration minRefetchInterval = Duration.ofSeconds(30);

        /** @return the JWK Set URI, or {@code null} */
        public URI getJwkSetUri() {
            return jwkSetUri;
        }

        /** @param jwkSetUri the JWK Set URI */
        public void setJwkSetUri(URI jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        /** @return the public key file, or {@code null} */
        public Path getKeyFile() {
            return keyFile;
        }

        /** @param keyFile the public key file */
        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }

        /** @return the required issuer, or {@code null} */
        public String getIssuer() {
            return issuer;
        }

        /** @param issuer the required issuer */
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /** @return the required audience, or {@code null} */
        public String getAudience() {
            return audience;
        }

        /** @param audience the required audience */
        public void setAudience(String audience) {
            this.audience = audience;
        }

        /** @return the allowed clock skew */
        public Duration getClockSkew() {
            return clockSkew;
        }

        /** @param clockSkew the allowed clock skew */
        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }

        /** @return the least time between refetches */
        public Duration getMinRefetchInterval() {
            return minRefetchInterval;
        }

        /** @param minRefetchInterval the least time between refetches */
        public void setMinRefetchInterval(Duration minRefetchInterval) {
            this.minRefetchInterval = minRefetchInterval;
        }
    }

    /**
     * The sealed cookie session.
     *
     * @since 0.1
     */
    public static class Session {
        /** Whether request.getSession() is a sealed cookie session (needs wafer.sealing.key-file). */
        private boolean enabled = true;

        /** The session cookie's name; the __Host- prefix requires Secure, Path=/ and no Domain. */
        private String cookieName = "__Host-session";

        /** How long a session lasts without a request. */
        private Duration idleTimeout = Duration.ofMinutes(30);

        /** How long a session lasts after sign-in, however active. */
        private Duration absoluteTimeout = Duration.ofHours(12);

        /** The least time between two reissues of an unchanged session's cookie (to move its idle deadline). */
        private Duration touchInterval = Duration.ofMinutes(1);

        /**
         * The lifetime of short-lived session cookie values, re-minted while the user is active
         * from a longer-lived refresh cookie checked against revocation; unset for none.
         */
        private Duration shortLived;

        /** Whether each sign-in ends the user's other sessions and remember-me tokens (one user, one session). */
        private boolean exclusive;

        /**
         * Where session attributes live beside the cookie: none (all in the cookie), overflow (only
         * sessions too large for their cookie) or always. A store needs wafer-redis, or one
         * server's memory.
         */
        private StoreMode store = StoreMode.NONE;

        /**
         * What a request gets while the revocation store cannot answer: fail-closed (anonymous) or
         * fail-open (accepted, logged). Required when the store is Redis: there is no silent default.
         */
        private StoreFailure storeFailure;

        /** @return whether sealed sessions are on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether sealed sessions are on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the cookie's name */
        public String getCookieName() {
            return cookieName;
        }

        /** @param cookieName the cookie's name */
        public void setCookieName(String cookieName) {
            this.cookieName = cookieName;
        }

        /** @return the idle timeout */
        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        /** @param idleTimeout the idle timeout */
        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        /** @return the absolute timeout */
        public Duration getAbsoluteTimeout() {
            return absoluteTimeout;
        }

        /** @param absoluteTimeout the absolute timeout */
        public void setAbsoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = absoluteTimeout;
        }

        /** @return the touch interval */
        public Duration getTouchInterval() {
            return touchInterval;
        }

        /** @param touchInterval the touch interval */
        public void setTouchInterval(Duration touchInterval) {
            this.touchInterval = touchInterval;
        }

        /** @return the short lifetime, or {@code null} */
        public Duration getShortLived() {
            return shortLived;
        }

        /** @param shortLived the short lifetime */
        public void setShortLived(Duration shortLived) {
            this.shortLived = shortLived;
        }

        /** @return whether sessions are exclusive */
        public boolean isExclusive() {
            return exclusive;
        }

        /** @param exclusive whether sessions are exclusive */
        public void setExclusive(boolean exclusive) {
            this.exclusive = exclusive;
        }

        /** @return the store mode */
        public StoreMode getStore() {
            return store;
        }

        /** @param store the store mode */
        public void setStore(StoreMode store) {
            this.store = store;
        }

        /** @return the failure policy, or {@code null} if not chosen */
        public StoreFailure getStoreFailure() {
            return storeFailure;
        }

        /** @param storeFailure the failure policy */
        public void setStoreFailure(StoreFailure storeFailure) {
            this.storeFailure = storeFailure;
        }
    }

    /**
     * Where session attributes live.
     *
     * @since 0.1
     */
    public enum StoreMode {
        /** In the cookie only. */
        NONE,
        /** In the store when the session outgrows its cookie. */
        OVERFLOW,
        /** Always in the store. */
        ALWAYS;

        SessionStore.Mode toMode() {
            return this == OVERFLOW ? SessionStore.Mode.OVERFLOW : SessionStore.Mode.ALWAYS;
        }
    }

    /**
     * CSRF protection.
     *
     * @since 0.1
     */
    public static class Csrf {
        /**
         * synchronizer (a token per session, masked per page, for server-rendered forms),
         * double-submit (a signed cookie bound to the session, for single-page apps) or off.
         */
        private CsrfMode mode = CsrfMode.SYNCHRONIZER;

        /** Other origins whose unsafe requests are accepted (a front end on another origin). */
        private List<String> allowedOrigins = new ArrayList<>();

        /** Whether requests from the same site (a sibling subdomain) are accepted. */
        private boolean allowSameSite;

        /** @return the mode */
        public CsrfMode getMode() {
            return mode;
        }

        /** @param mode the mode */
        public void setMode(CsrfMode mode) {
            this.mode = mode;
        }

        /** @return the allowed origins */
        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        /** @param allowedOrigins the allowed origins */
        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        /** @return whether same-site requests are accepted */
        public boolean isAllowSameSite() {
            return allowSameSite;
        }

        /** @param allowSameSite whether same-site requests are accepted */
        public void setAllowSameSite(boolean allowSameSite) {
            this.allowSameSite = allowSameSite;
        }
    }

    /**
     * The CSRF mode.
     *
     * @since 0.1
     */
    public enum CsrfMode {
        /** Synchronizer tokens, masked per page. */
        SYNCHRONIZER,
        /** Signed double-submit cookies bound to the session. */
        DOUBLE_SUBMIT,
        /** No CSRF check. */
        OFF
    }

    /**
     * Remember-me tokens.
     *
     * @since 0.1
     */
    public static class RememberMe {
        /** The remember-me cookie's name. */
        private String cookieName = "__Host-remember";

        /** How long a remember-me series lasts. */
        private Duration lifetime = Duration.ofDays(30);

        /** How long the previous step of a series still works after it moved on (parallel requests). */
        private Duration grace = Duration.ofSeconds(30);

        /** The form field or query parameter that asks for remember-me at sign-in (Spring Security). */
        private String parameter = "remember-me";

        /** @return the cookie's name */
        public String getCookieName() {
            return cookieName;
        }

        /** @param cookieName the cookie's name */
        public void setCookieName(String cookieName) {
            this.cookieName = cookieName;
        }

        /** @return the lifetime */
        public Duration getLifetime() {
            return lifetime;
        }

        /** @param lifetime the lifetime */
        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }

        /** @return the grace window */
        public Duration getGrace() {
            return grace;
        }

        /** @param grace the grace window */
        public void setGrace(Duration grace) {
            this.grace = grace;
        }

        /** @return the parameter's name */
        public String getParameter() {
            return parameter;
        }

        /** @param parameter the parameter's name */
        public void setParameter(String parameter) {
            this.parameter = parameter;
        }
    }

    /**
     * The shared state on Redis.
     *
     * @since 0.1
     */
    public static class Redis {
        /** Whether revocation (and a session store) go to Redis when wafer-redis is on the class path. */
        private boolean enabled = true;

        /** The longest a Redis call may take before the store-failure policy applies. */
        private Duration commandTimeout = Duration.ofMillis(500);

        /** The prefix of every key Wafer writes. */
        private String keyPrefix = "wafer:";

        /** How long a revocation lookup is cached locally (pub/sub invalidates it sooner). */
        private Duration cacheTtl = Duration.ofMillis(500);

        /** @return whether Redis is used */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether Redis is used */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the command timeout */
        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        /** @param commandTimeout the command timeout */
        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }

        /** @return the key prefix */
        public String getKeyPrefix() {
            return keyPrefix;
        }

        /** @param keyPrefix the key prefix */
        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        /** @return the local cache's lifetime */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /** @param cacheTtl the local cache's lifetime */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }
    }

    /**
     * The Spring Security integration.
     *
     * @since 0.1
     */
    public static class Security {
        /**
         * Whether every HttpSecurity gets Wafer's security-context repository, remember-me services
         * and CSRF token repository (through a Customizer bean), and a JwtDecoder on Wafer's verifier.
         */
        private boolean enabled = true;

        /** @return whether the integration is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the integration is on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
