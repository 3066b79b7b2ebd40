/**
 * Wafer's engines on BouncyCastle's lightweight API ({@code org.bouncycastle.crypto}), never its
 * JCA provider: AES-256-GCM, XAES-256-GCM, AES-256-GCM-SIV (RFC 8452), Ed25519, RS256 and PS256.
 *
 * <p>Registers {@link dev.wafer.provider.bc.BcProvider} as a {@link dev.wafer.spi.WaferProvider};
 * it exports nothing. {@code org.bouncycastle.provider} is the explicit module name of
 * {@code bcprov-jdk18on} (its {@code META-INF/versions/9/module-info.class}).
 */
module dev.wafer.provider.bc {
    requires dev.wafer;
    requires org.bouncycastle.provider;

    provides dev.wafer.spi.WaferProvider with dev.wafer.provider.bc.BcProvider;
}
