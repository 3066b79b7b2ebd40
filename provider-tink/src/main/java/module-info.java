/**
 * Wafer's engines on Google Tink's public API ({@code com.google.crypto.tink}, Tink 1.24).
 *
 * <p>Registers {@link dev.wafer.provider.tink.TinkProvider} as a {@link dev.wafer.spi.WaferProvider};
 * it exports nothing. Tink's jar has no module descriptor: it is the automatic module
 * {@code com.google.crypto.tink} (its manifest's {@code Automatic-Module-Name}), so this module
 * requires it by that name.
 */
@SuppressWarnings("requires-automatic") // Tink ships no module-info; its automatic name is stable
module dev.wafer.provider.tink {
    requires dev.wafer;
    requires com.google.crypto.tink;

    provides dev.wafer.spi.WaferProvider with dev.wafer.provider.tink.TinkProvider;
}
