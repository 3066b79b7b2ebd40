/**
 * Wafer: sealed cookie values and signed tokens, on a pluggable crypto engine.
 *
 * <p>Exports the user API ({@code dev.wafer}) and the service-provider interface
 * ({@code dev.wafer.spi}); {@code dev.wafer.internal} is not exported and may change at any time.
 */
module dev.wafer {
    requires org.slf4j;
    requires com.fasterxml.jackson.core;

    exports dev.wafer;
    exports dev.wafer.spi;

    uses dev.wafer.spi.WaferProvider;
}
