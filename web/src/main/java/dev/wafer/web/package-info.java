/**
 * Wafer's web layer, framework-neutral: sealed cookie sessions ({@link dev.wafer.web.WebSessions},
 * {@link dev.wafer.web.SessionHandle}), the cookie spec ({@link dev.wafer.web.CookieSpec}), CSRF
 * ({@link dev.wafer.web.CsrfPolicy}), remember-me and revocation
 * ({@link dev.wafer.web.RevocationStore}), key files reloaded without a restart
 * ({@link dev.wafer.web.ReloadingSealer}), and JWK Sets published and consumed
 * ({@link dev.wafer.web.JwksPublisher}, {@link dev.wafer.web.RemoteJwks}). docs/web.md has the
 * recipes.
 */
package dev.wafer.web;
