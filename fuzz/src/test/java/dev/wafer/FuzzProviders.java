package dev.wafer;

import dev.wafer.internal.ProviderRegistry;
import dev.wafer.spi.WaferProvider;
import java.util.List;
import java.util.Optional;

/**
 * Test access to {@link WaferEngines}'s package-private constructor, for a fuzz target that runs the
 * whole token verification path over a stand-in signature engine (see
 * {@code dev.wafer.fuzz.ClaimsFuzzTest#verifyClaims}).
 */
public final class FuzzProviders {
    private FuzzProviders() {
    }

    /**
     * A provider pinned to an SPI implementation without its known-answer self-test, which a
     * stand-in engine cannot pass.
     *
     * @param spi the engines
     * @return the provider, as {@code Wafer.engines(name)} would return it
     */
    public static WaferEngines withoutSelfTest(WaferProvider spi) {
        return new WaferEngines(spi, new ProviderRegistry(List.of(spi), List.of(), (p, a) -> Optional.empty()));
    }
}
