/**
 * Wafer's provider on Google Tink's public API: not exported, reached only through
 * {@link dev.wafer.spi.WaferProvider} and {@link java.util.ServiceLoader}.
 *
 * <p>Signatures run on Tink's {@code subtle} primitives ({@code Ed25519Sign}, {@code Ed25519Verify},
 * {@code RsaSsaPkcs1SignJce}, ...); AEAD runs on the ciphers Tink's {@code subtle.EngineFactory}
 * chooses and, for XAES-256-GCM's key derivation, on Tink's {@code subtle.PrfAesCmac}. Why no
 * Tink {@code Aead} is used for sealing is told in {@link dev.wafer.provider.tink.TinkProvider}.
 *
 * @since 0.1
 */
package dev.wafer.provider.tink;
