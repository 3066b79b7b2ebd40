/**
 * Wafer: seal cookie values and sign tokens, safely, on the JDK, BouncyCastle or Tink.
 *
 * <ul>
 * <li>{@link dev.wafer.Wafer#provider()} finds the installed crypto provider.</li>
 * <li>{@link dev.wafer.CookieSealer} seals values with authenticated encryption (XAES-256-GCM by
 *     default), bound to their cookie name and purpose, with an expiry; format: docs/format.md.</li>
 * <li>{@link dev.wafer.TokenSigner} and {@link dev.wafer.TokenVerifier} sign and verify JWTs
 *     (RFC 7519) in JWS compact form (RFC 7515), following RFC 8725.</li>
 * <li>{@link dev.wafer.SealingKeyring}, {@link dev.wafer.SigningKeySet} and
 *     {@link dev.wafer.VerificationKeySet} hold keys, rotate them, and read and write JWK Sets
 *     (RFC 7517).</li>
 * </ul>
 * <p>Every rejection is a {@link dev.wafer.WaferException}; no message, log line or
 * {@code toString} contains key bytes.
 *
 * @since 0.1
 */
package dev.wafer;
