/**
 * The service-provider interface: what a crypto engine supplies to Wafer.
 *
 * <p>A provider implements {@link dev.wafer.spi.WaferProvider} and registers it twice, in its
 * {@code module-info} ({@code provides dev.wafer.spi.WaferProvider with ...}) and in
 * {@code META-INF/services/dev.wafer.spi.WaferProvider}. Wafer finds it with
 * {@link java.util.ServiceLoader}. Engines are small: formats, keys, lengths, expiry and every
 * other check live once, in the api, above them, so every provider fails alike.
 *
 * <p>Engines throw {@link java.security.GeneralSecurityException} (for a failed authentication,
 * {@link javax.crypto.AEADBadTagException} or {@link java.security.SignatureException}); the api
 * translates every failure in one place into Wafer's typed exceptions.
 *
 * @since 0.1
 */
package dev.wafer.spi;
