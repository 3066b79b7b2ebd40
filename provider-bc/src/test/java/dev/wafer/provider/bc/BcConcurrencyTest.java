package dev.wafer.provider.bc;

import dev.wafer.conformance.ConcurrencyConformance;
import dev.wafer.spi.WaferProvider;

/**
 * The concurrency conformance suite on the Bc provider. The nonce test seals two million values
 * here, not ten: nonces are drawn by the api, not the engine, and the JDK provider's run covers the
 * ten million; what this run adds is that Bc's engines, shared by four threads, open every value.
 * {@code -Dwafer.concurrency.values} still overrides the count.
 */
class BcConcurrencyTest extends ConcurrencyConformance {
    @Override
    protected WaferProvider spi() {
        return new BcProvider();
    }

    @Override
    protected long valuesToSeal() {
        return Long.getLong(VALUES_PROPERTY, 2_000_000);
    }
}
