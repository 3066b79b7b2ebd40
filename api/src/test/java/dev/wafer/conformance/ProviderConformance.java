package dev.wafer.conformance;

import dev.wafer.spi.WaferProvider;
import dev.wafer.spi.support.XaesGcm;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * Every conformance suite, for one provider: a provider module adds the api test-jar (test scope)
 * and one subclass of this class, which names its provider and answers the few questions on which
 * providers may differ. JUnit runs each suite as a nested class of that subclass, the way SLF4J's
 * provider modules reuse its shared tests.
 *
 * <pre>{@code
 * class JcaConformanceTest extends ProviderConformance {
 *     protected WaferProvider spi() { return new JcaProvider(); }
 *     ...
 * }
 * }</pre>
 */
public abstract class ProviderConformance {

    /**
     * The provider under test, a new instance.
     *
     * @return the provider
     */
    protected abstract WaferProvider spi();

    /**
     * The module the provider's module-info declares.
     *
     * @return for example {@code dev.wafer.provider.jca}
     */
    protected abstract String moduleName();

    /**
     * The modules the provider requires besides the api.
     *
     * @return for example {@code org.bouncycastle.provider}
     */
    protected abstract List<String> engineModules();

    /**
     * Whether the provider's RS256 verifier accepts a PKCS#1 v1.5 DigestInfo without its NULL
     * parameter (Wycheproof's {@code MissingNull}, rated acceptable): decided per provider, in
     * docs/providers.md.
     *
     * @return whether it accepts it
     */
    protected abstract boolean acceptsPkcs1MissingNull();

    /**
     * The provider's XAES-256-GCM parts, so that the C2SP vectors check its key derivation alone.
     *
     * @param key the engine key
     * @return the parts, or empty
     * @throws GeneralSecurityException if the key is refused
     */
    protected Optional<XaesGcm.Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
        return Optional.empty();
    }

    /**
     * How many values the concurrency suite seals; a slower provider seals fewer.
     *
     * @param defaultCount the suite's own default
     * @return the count
     */
    protected long valuesToSeal(long defaultCount) {
        return defaultCount;
    }

    /** {@link ConcurrencyConformance} on the provider under test. */
    @Nested
    class Concurrency extends ConcurrencyConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }

        @Override
        protected long valuesToSeal() {
            return ProviderConformance.this.valuesToSeal(super.valuesToSeal());
        }
    }

    /** {@link CookieSealerConformance} on the provider under test. */
    @Nested
    class CookieSealer extends CookieSealerConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link KeyValidityConformance} on the provider under test. */
    @Nested
    class KeyValidity extends KeyValidityConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link PromisesConformance} on the provider under test. */
    @Nested
    class Promises extends PromisesConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link Ed25519EdgeCaseConformance} on the provider under test. */
    @Nested
    class Ed25519EdgeCase extends Ed25519EdgeCaseConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link EngineContractConformance} on the provider under test. */
    @Nested
    class EngineContract extends EngineContractConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link KeyHygieneConformance} on the provider under test. */
    @Nested
    class KeyHygiene extends KeyHygieneConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link LimitsConformance} on the provider under test. */
    @Nested
    class Limits extends LimitsConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link RegressionConformance} on the provider under test. */
    @Nested
    class Regression extends RegressionConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link Rfc7515AppendixA2Conformance} on the provider under test. */
    @Nested
    class Rfc7515AppendixA2 extends Rfc7515AppendixA2Conformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link Rfc8032Section71Conformance} on the provider under test. */
    @Nested
    class Rfc8032Section71 extends Rfc8032Section71Conformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link Rfc8037AppendixAConformance} on the provider under test. */
    @Nested
    class Rfc8037AppendixA extends Rfc8037AppendixAConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link SelfTestConformance} on the provider under test. */
    @Nested
    class SelfTest extends SelfTestConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link ServiceRegistrationConformance} on the provider under test. */
    @Nested
    class ServiceRegistration extends ServiceRegistrationConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }

        @Override
        protected String moduleName() {
            return ProviderConformance.this.moduleName();
        }

        @Override
        protected List<String> engineModules() {
            return ProviderConformance.this.engineModules();
        }
    }

    /** {@link TokenConformance} on the provider under test. */
    @Nested
    class Token extends TokenConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link WycheproofAesGcmConformance} on the provider under test. */
    @Nested
    class WycheproofAesGcm extends WycheproofAesGcmConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link WycheproofAesGcmSivConformance} on the provider under test. */
    @Nested
    class WycheproofAesGcmSiv extends WycheproofAesGcmSivConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link WycheproofEd25519Conformance} on the provider under test. */
    @Nested
    class WycheproofEd25519 extends WycheproofEd25519Conformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link WycheproofRsaPkcs1Conformance} on the provider under test. */
    @Nested
    class WycheproofRsaPkcs1 extends WycheproofRsaPkcs1Conformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }

        @Override
        protected boolean acceptsPkcs1MissingNull() {
            return ProviderConformance.this.acceptsPkcs1MissingNull();
        }
    }

    /** {@link WycheproofRsaPssConformance} on the provider under test. */
    @Nested
    class WycheproofRsaPss extends WycheproofRsaPssConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }
    }

    /** {@link XaesC2spConformance} on the provider under test. */
    @Nested
    class XaesC2sp extends XaesC2spConformance {
        @Override
        protected WaferProvider spi() {
            return ProviderConformance.this.spi();
        }

        @Override
        protected Optional<XaesGcm.Parts<?>> xaesParts(byte[] key) throws GeneralSecurityException {
            return ProviderConformance.this.xaesParts(key);
        }
    }
}
