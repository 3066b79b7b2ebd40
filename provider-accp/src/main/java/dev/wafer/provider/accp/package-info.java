/**
 * Wafer's provider on the Amazon Corretto Crypto Provider (AWS-LC through JNI): not exported,
 * reached only through {@link dev.wafer.spi.WaferProvider} and {@link java.util.ServiceLoader}.
 *
 * <p>ACCP is used as a JCA provider object, never installed in {@link java.security.Security}: this
 * module changes nothing for the application's other JCA calls. Engines keep one
 * {@link java.security.Signature} or {@link javax.crypto.Cipher} per thread, as the JDK provider does.
 *
 * @since 0.1
 */
package dev.wafer.provider.accp;
