/**
 * Wafer's engines on the Amazon Corretto Crypto Provider: AWS-LC through JNI, for Linux x86_64 and
 * aarch64.
 *
 * <p>Registers {@link dev.wafer.provider.accp.AccpProvider} as a {@link dev.wafer.spi.WaferProvider};
 * it exports nothing. Where the native library cannot load, the provider reports itself
 * unavailable with the loading error, and Wafer chooses among the other providers.
 */
module dev.wafer.provider.accp {
    requires dev.wafer;
    requires com.amazon.corretto.crypto.provider;

    provides dev.wafer.spi.WaferProvider with dev.wafer.provider.accp.AccpProvider;
}
