/**
 * Wafer's engines on the JDK alone: SunJCE for AES, SunEC for Ed25519, SunRsaSign for RSA.
 *
 * <p>Registers {@link dev.wafer.provider.jca.JcaProvider} as a {@link dev.wafer.spi.WaferProvider};
 * it exports nothing. Ed25519 lives in {@code jdk.crypto.ec}, which service binding resolves; a
 * {@code jlink} image must include that module for {@code ED25519} to be listed.
 */
module dev.wafer.provider.jca {
    requires dev.wafer;

    provides dev.wafer.spi.WaferProvider with dev.wafer.provider.jca.JcaProvider;
}
