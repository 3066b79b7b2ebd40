/**
 * Wafer's provider on BouncyCastle's lightweight API ({@code org.bouncycastle.crypto.*}): not
 * exported, reached only through {@link dev.wafer.spi.WaferProvider} and {@link java.util.ServiceLoader}.
 *
 * <p>BouncyCastle's modes and signers ({@code GCMBlockCipher}, {@code GCMSIVBlockCipher},
 * {@code CMac}, {@code Ed25519Signer}, {@code RSADigestSigner}, {@code PSSSigner}) are stateful, so
 * every engine keeps one of each per thread and initialises it for every message. Failures are
 * mapped to the JCA's exception types: {@code InvalidCipherTextException} to
 * {@link javax.crypto.AEADBadTagException}, a {@code false} from {@code verifySignature} to
 * {@link java.security.SignatureException}. BouncyCastle's JCA provider is never registered or used.
 *
 * @since 0.1
 */
package dev.wafer.provider.bc;
