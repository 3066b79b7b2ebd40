package dev.wafer.benchmarks;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Light Servlet request and response objects for driving a filter in process, without a container:
 * each overrides what a request through {@code WaferSessionFilter} reads and writes, and anything
 * else reaches a stand-in that throws, so that a benchmark cannot silently take a path these
 * objects do not model.
 */
final class ServletStubs {
    private ServletStubs() {
    }

    private static <T> T refusing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(ServletStubs.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName() + " is not modelled");
        }));
    }

    private static final HttpServletRequest NO_REQUEST = refusing(HttpServletRequest.class);
    private static final HttpServletResponse NO_RESPONSE = refusing(HttpServletResponse.class);

    /** A GET over HTTPS to app.example with one {@code Cookie} header. */
    static final class Request extends HttpServletRequestWrapper {
        private final String cookieHeader;
        private final Map<String, Object> attributes = new HashMap<>(4);

        Request(String cookieHeader) {
            super(NO_REQUEST);
            this.cookieHeader = cookieHeader;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return name.equalsIgnoreCase("Cookie") && cookieHeader != null
                    ? Collections.enumeration(List.of(cookieHeader)) : Collections.emptyEnumeration();
        }

        @Override
        public String getHeader(String name) {
            return name.equalsIgnoreCase("Cookie") ? cookieHeader : null;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object o) {
            attributes.put(name, o);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getRemoteAddr() {
            return "192.0.2.10";
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public String getServerName() {
            return "app.example";
        }

        @Override
        public int getServerPort() {
            return 443;
        }

        @Override
        public String getContentType() {
            return null;
        }
    }

    /** A response that records its {@code Set-Cookie} headers and never commits. */
    static final class Response extends HttpServletResponseWrapper {
        final List<String> setCookies = new ArrayList<>(2);

        Response() {
            super(NO_RESPONSE);
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void addHeader(String name, String value) {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                setCookies.add(value);
            }
        }

        @Override
        public void setStatus(int sc) {
            // the chains here answer 200
        }
    }
}
