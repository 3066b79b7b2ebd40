/**
 * The Servlet 6 adapter of {@code dev.wafer.web}: {@link dev.wafer.web.servlet.WaferSessionFilter}
 * makes {@code getSession()} a sealed cookie session, {@link dev.wafer.web.servlet.WaferSessions}
 * reaches a request's session handle, {@link dev.wafer.web.servlet.JwksServlet} publishes a JWK Set.
 */
package dev.wafer.web.servlet;
