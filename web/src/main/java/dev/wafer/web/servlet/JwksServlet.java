package dev.wafer.web.servlet;

import dev.wafer.web.JwksPublisher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes a JWK Set ({@link JwksPublisher}) at the path it is mapped to, conventionally
 * {@code /.well-known/jwks.json}.
 *
 * <pre>{@code
 * context.addServlet("jwks", new JwksServlet(JwksPublisher.of(signingKeys::publicKeys, Duration.ofMinutes(5))))
 *        .addMapping("/.well-known/jwks.json");
 * }</pre>
 *
 * @since 0.1
 */
public final class JwksServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The publisher; servlets are serializable in the API's eyes, this one is not meant to be. */
    private final transient JwksPublisher publisher;

    /**
     * A servlet over a publisher.
     *
     * @param publisher what to publish
     * @since 0.1
     */
    public JwksServlet(JwksPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JwksPublisher.Response r = publisher.respond(request.getHeader("If-None-Match"));
        response.setStatus(r.status());
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        byte[] body = r.body();
        if (body.length > 0) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
