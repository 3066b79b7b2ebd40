/**
 * Wafer's provider on the JDK's own JCA providers (SunJCE, SunEC, SunRsaSign): not exported,
 * reached only through {@link dev.wafer.spi.WaferProvider} and {@link java.util.ServiceLoader}.
 *
 * <p>Engines keep one {@link javax.crypto.Cipher} or {@link java.security.Signature} per thread,
 * as Tink's {@code AesGcmJce} does, and initialise ciphers per message.
 *
 * @since 0.1
 */
package dev.wafer.provider.jca;
