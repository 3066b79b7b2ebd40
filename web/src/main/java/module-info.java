/**
 * Wafer's web layer: sealed cookie sessions, CSRF, remember-me, revocation, key reload and JWKS
 * publication and consumption. {@code dev.wafer.web} is a framework-neutral core (a request's
 * cookies and headers in, {@code Set-Cookie} lines out); {@code dev.wafer.web.servlet} adapts it
 * to Servlet 6 containers, whose API is needed only by that package.
 */
module dev.wafer.web {
    requires transitive dev.wafer;
    requires org.slf4j;
    requires java.net.http;
    requires static jakarta.servlet;

    exports dev.wafer.web;
    exports dev.wafer.web.servlet;
}
