package dev.wafer.conformance;

import dev.wafer.Algorithm;
import dev.wafer.Wafer;
import dev.wafer.WaferEngines;
import dev.wafer.spi.WaferProvider;

/**
 * What every conformance suite asks of the provider module that runs it. A provider module adds
 * the api test-jar (test scope) and one subclass per suite, each implementing {@link #spi()}.
 */
public abstract class ProviderUnderTest {

    /**
     * The provider under test, a new instance.
     *
     * @return the provider's SPI implementation
     */
    protected abstract WaferProvider spi();

    /**
     * The same provider as users reach it, found by name through discovery.
     *
     * @return the provider
     */
    protected WaferEngines provider() {
        return Wafer.engines(spi().name());
    }

    /**
     * Whether the provider under test implements an algorithm.
     *
     * @param algorithm the algorithm
     * @return whether {@link WaferProvider#algorithms()} lists it
     */
    protected boolean supports(Algorithm algorithm) {
        return spi().algorithms().contains(algorithm);
    }
}
