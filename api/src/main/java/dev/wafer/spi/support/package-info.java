/**
 * Building blocks for provider authors: the engines and checks that Wafer's own providers share,
 * so that a new provider (a hardware module, a native library) writes only what differs.
 *
 * <ul>
 * <li>{@link dev.wafer.spi.support.JceAesGcm}: AES-256-GCM on any JCE {@code AES/GCM/NoPadding}
 *     cipher, one per thread, from a {@link dev.wafer.spi.support.JceAesGcm.CipherFactory}.</li>
 * <li>{@link dev.wafer.spi.support.XaesGcm}: the XAES-256-GCM composition (C2SP): the nonce split,
 *     the derived-key cache, and the GCM step under the derived key; a provider supplies the key
 *     derivation and the GCM.</li>
 * <li>{@link dev.wafer.spi.support.DerivedKeyCache}: the per-thread cache of XAES-derived keys.</li>
 * <li>{@link dev.wafer.spi.support.EngineChecks}: the argument checks every provider makes, with
 *     one wording.</li>
 * </ul>
 * <p>Exported, documented and covered by the SPI's compatibility promise ({@code WaferProvider.SPI_VERSION}).
 *
 * @since 0.1
 */
package dev.wafer.spi.support;
