/**
 * Wafer's internals: the sealed-value and JWS formats, JSON, base64url and provider discovery.
 *
 * <p>Not exported from the module, not documented, not covered by any compatibility promise: it
 * may change in any release. Do not use it from application code.
 */
package dev.wafer.internal;
