/**
 * The web demo: sealed cookie sessions, CSRF, remember-me, sign-out everywhere, key rotation and
 * the size limit, as pages a person and a browser test can click through ({@link
 * dev.wafer.demo.DemoServer} on Jetty; {@link dev.wafer.demo.DemoApp} on any Servlet 6 container).
 * Not published.
 */
package dev.wafer.demo;
