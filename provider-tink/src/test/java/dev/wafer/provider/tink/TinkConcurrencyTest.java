package dev.wafer.provider.tink;

import dev.wafer.conformance.ConcurrencyConformance;
import dev.wafer.spi.WaferProvider;

/**
 * The concurrency conformance suite on the Tink provider. The nonce test seals two million values
 * here, not ten: nonces are drawn by the api, not the engine, and the JDK provider's run covers the
 * ten million; what this run adds is that Tink's engines, shared by four threads, open every value.
 * {@code -Dwafer.concurrency.values} still overrides the count.
 */
class TinkConcurrencyTest extends ConcurrencyConformance {
    @Override
    protected WaferProvider spi() {
        return new TinkProvider();
    }

    @Override
    protected long valuesToSeal() {
        return Long.getLong(VALUES_PROPERTY, 2_000_000);
    }
}
