/**
 * Wafer: sealed cookie values and signed tokens, on a pluggable crypto engine.
 *
 * <p>Exports the user API ({@code dev.wafer}), the service-provider interface
 * ({@code dev.wafer.spi}) and its building blocks for provider authors
 * ({@code dev.wafer.spi.support}). {@code dev.wafer.internal} is exported only to Wafer's own
 * modules that share its formats; it may change at any time.
 */
@SuppressWarnings("module") // dev.wafer.web is built after this module
module dev.wafer {
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires org.crac;

    exports dev.wafer;
    exports dev.wafer.spi;
    exports dev.wafer.spi.support;
    exports dev.wafer.internal to dev.wafer.cli, dev.wafer.web;

    uses dev.wafer.spi.WaferProvider;
}
