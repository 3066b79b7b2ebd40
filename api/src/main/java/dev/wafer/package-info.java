/**
 * Wafer: seal cookie values and sign tokens, safely, on the JDK, BouncyCastle or Tink.
 *
 * <ul>
 * <li>{@link dev.wafer.Wafer#engines()} finds the installed crypto providers.</li>
 * <li>{@link dev.wafer.CookieSealer} seals values with authenticated encryption (XAES-256-GCM by
 *     default), bound to their cookie name and purpose, with an expiry; format: docs/format.md.</li>
 * <li>{@link dev.wafer.TokenSigner} and {@link dev.wafer.TokenVerifier} sign and verify JWTs
 *     (RFC 7519) in JWS compact form (RFC 7515), following RFC 8725.</li>
 * <li>{@link dev.wafer.SealingKeySet}, {@link dev.wafer.SigningKeySet} and
 *     {@link dev.wafer.VerificationKeySet} hold keys, rotate them, and read and write JWK Sets
 *     (RFC 7517).</li>
 * </ul>
 * <p>Every failure is a {@link dev.wafer.WaferException}, in three branches a web application maps
 * to its answer: rejected input (401/403), misconfiguration (start-up failure or 500), limits the
 * application exceeded. No message, log line or {@code toString} contains key bytes.
 *
 * @since 0.1
 */
package dev.wafer;
