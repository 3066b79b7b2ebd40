package dev.wafer.spring;

import dev.wafer.CookieSealer;
import dev.wafer.KeyException;
import dev.wafer.KeyFiles;
import dev.wafer.MasterKey;
import dev.wafer.TokenSigner;
import dev.wafer.TokenVerifier;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.web.ReloadingSealer;
import dev.wafer.web.ReloadingSigner;
import dev.wafer.web.RemoteJwks;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Wafer's engines and keys from {@code wafer.*} properties: the provider, a {@link CookieSealer}
 * on {@code wafer.sealing.key-file}, a {@link TokenSigner} on {@code wafer.signing.key-file}, and
 * a {@link TokenVerifier} on a remote JWK Set, a public key file or the application's own signing
 * keys. Key files are followed on disk (a {@code wafer rotate} takes effect without a restart).
 * Every bean backs off when the application defines its own.
 *
 * <h2>Security</h2>
 * <p>A missing or unreadable key file, a wrong master key or a key set that breaks its own plan
 * stops start-up with one message that names the property ({@link WaferFailureAnalyzer}); no key
 * byte is ever logged. Later changes that do not load are refused and logged, and the last good
 * keys stay in use.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "wafer.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WaferProperties.class)
public class WaferAutoConfiguration {
    /** Created by Spring. */
    public WaferAutoConfiguration() {
    }

    /**
     * The crypto engines: {@code wafer.provider}, or the best provider on the class path.
     *
     * @param properties the settings
     * @return the engines
     * @throws dev.wafer.ProviderNotFoundException if the named provider is not on the class path
     */
    @Bean
    @ConditionalOnMissingBean
    public WaferEngines waferEngines(WaferProperties properties) {
        String name = properties.getProvider();
        return name == null || name.isBlank() || name.equals("auto") ? Wafer.engines() : Wafer.engines(name);
    }

    /**
     * The cookie sealer, on the sealing key file, followed on disk.
     *
     * @param properties the settings
     * @param engines the engines
     * @return the sealer
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(CookieSealer.class)
    @ConditionalOnProperty("wafer.sealing.key-file")
    public ReloadingSealer waferCookieSealer(WaferProperties properties, WaferEngines engines) {
        Path file = properties.getSealing().getKeyFile();
        MasterKey master = WaferKeySources.masterKey(properties);
        try {
            return ReloadingSealer.watch(file, master, keys -> CookieSealer.builder(keys).engines(engines).build(),
                    WaferKeySources.interval(properties));
        } catch (IOException e) {
            throw WaferKeySources.unreadable("wafer.sealing.key-file", file, e);
        }
    }

    /**
     * The token signer, on the signing key file, followed on disk.
     *
     * @param properties the settings
     * @param engines the engines
     * @return the signer
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(TokenSigner.class)
    @ConditionalOnProperty("wafer.signing.key-file")
    public ReloadingSigner waferTokenSigner(WaferProperties properties, WaferEngines engines) {
        WaferProperties.Signing s = properties.getSigning();
        MasterKey master = WaferKeySources.masterKey(properties);
        try {
            return ReloadingSigner.watch(s.getKeyFile(), master, keys -> {
                TokenSigner.Builder b = TokenSigner.builder(keys).engines(engines).defaultLifetime(s.getTokenLifetime());
                if (s.getIssuer() != null) {
                    b.issuer(s.getIssuer());
                }
                return b.build();
            }, WaferKeySources.interval(properties));
        } catch (IOException e) {
            throw WaferKeySources.unreadable("wafer.signing.key-file", s.getKeyFile(), e);
        }
    }

    /**
     * The token verifier: on {@code wafer.verification.jwk-set-uri} (fetched, cached, refetched on
     * an unknown key id), on {@code wafer.verification.key-file}, or else on the application's own
     * signing keys, as they rotate.
     *
     * @param properties the settings
     * @param engines the engines
     * @param signer the application's signer, if it has one
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean(TokenVerifier.class)
    @Conditional(OnVerificationKeys.class)
    public TokenVerifier waferTokenVerifier(WaferProperties properties, WaferEngines engines,
                                            ObjectProvider<ReloadingSigner> signer) {
        WaferProperties.Verification v = properties.getVerification();
        if (v.getJwkSetUri() != null && v.getKeyFile() != null) {
            throw new KeyException("wafer.verification.jwk-set-uri and wafer.verification.key-file are both set: choose one");
        }
        java.util.function.Function<dev.wafer.VerificationKeySet, TokenVerifier> build = keys -> {
            TokenVerifier.Builder b = TokenVerifier.builder(keys).engines(engines).clockSkew(v.getClockSkew());
            String issuer = v.getIssuer() != null ? v.getIssuer() : properties.getSigning().getIssuer();
            if (issuer != null) {
                b.issuer(issuer);
            } else {
                b.anyIssuer();
            }
            if (v.getAudience() != null) {
                b.audience(v.getAudience());
            }
            return b.build();
        };
        if (v.getJwkSetUri() != null) {
            if (v.getIssuer() == null) {
                throw new KeyException("wafer.verification.jwk-set-uri is set without wafer.verification.issuer: "
                        + "tokens from another service must name the issuer they are accepted from");
            }
            return RemoteJwks.builder(v.getJwkSetUri(), build).minRefetchInterval(v.getMinRefetchInterval()).build();
        }
        if (v.getKeyFile() != null) {
            if (v.getIssuer() == null) {
                throw new KeyException("wafer.verification.key-file is set without wafer.verification.issuer: "
                        + "tokens from another service must name the issuer they are accepted from");
            }
            try {
                return build.apply(KeyFiles.readVerificationKeySet(v.getKeyFile()));
            } catch (IOException e) {
                throw WaferKeySources.unreadable("wafer.verification.key-file", v.getKeyFile(), e);
            }
        }
        ReloadingSigner own = signer.getIfAvailable();
        if (own == null) {
            throw new KeyException("wafer.signing.key-file is set, but the application's own TokenSigner is not a "
                    + "key file's: set wafer.verification.key-file or define a TokenVerifier bean");
        }
        return new OwnKeysVerifier(own, build);
    }
}
