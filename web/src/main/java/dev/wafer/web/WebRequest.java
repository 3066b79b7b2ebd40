package dev.wafer.web;

import java.util.List;

/**
 * What the session layer reads from a request, whatever the framework: an adapter (the Servlet
 * filter, a Spring repository) implements it over its own request type.
 *
 * @since 0.1
 */
public interface WebRequest {
    /**
     * The request method.
     *
     * @return {@code GET}, {@code POST}, ... in upper case
     * @since 0.1
     */
    String method();

    /**
     * Every {@code Cookie} header of the request.
     *
     * @return the header values, possibly empty
     * @since 0.1
     */
    List<String> cookieHeaders();

    /**
     * A request header.
     *
     * @param name the header name, case-insensitive
     * @return its first value, or {@code null}
     * @since 0.1
     */
    String header(String name);

    /**
     * The client's address as the server sees it (behind a proxy, the proxy's, unless the
     * framework resolves {@code Forwarded}).
     *
     * @return an IPv4 or IPv6 literal, or {@code null}
     * @since 0.1
     */
    String remoteAddress();

    /**
     * The origin this request was sent to, as a browser writes it in {@code Origin}:
     * {@code https://example.com} or {@code http://127.0.0.1:8080}.
     *
     * @return the scheme, host and non-default port
     * @since 0.1
     */
    String origin();

    /**
     * A field of a URL-encoded form body, for a CSRF token sent by an HTML form. May read the
     * body; called only for unsafe methods and only when no CSRF header was sent.
     *
     * @param name the field name
     * @return its value, or {@code null} if there is none or the body is not a form
     * @since 0.1
     */
    String formField(String name);
}
