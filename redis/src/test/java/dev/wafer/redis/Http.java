package dev.wafer.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A browser, as far as these tests need one: a cookie jar, and one keep-alive HTTP/1.1 connection
 * per server. Plain sockets, so that the load test measures the servers and not a client library.
 * Not thread-safe: one per simulated user.
 */
final class Http implements AutoCloseable {
    /** One answer. */
    record Response(int status, String body, List<String> setCookies, long nanos) {
    }

    /** Requests sent again on a fresh connection after a kept-alive one failed: the load test wants none. */
    static final java.util.concurrent.atomic.AtomicLong RESENT = new java.util.concurrent.atomic.AtomicLong();

    final Map<String, String> jar = new LinkedHashMap<>();
    private final Map<Integer, Conn> conns = new LinkedHashMap<>();

    private static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
    }

    /** A GET with the jar's cookies; the answer's cookies go into the jar. */
    Response get(int port, String path) throws IOException {
        Response r = send(port, path, cookieHeader());
        receive(r.setCookies());
        return r;
    }

    /** A GET with given cookies, leaving the jar alone: a copy of a cookie, replayed. */
    Response replay(int port, String path, String cookieHeader) throws IOException {
        return send(port, path, cookieHeader);
    }

    String cookieHeader() {
        StringBuilder b = new StringBuilder();
        jar.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return b.toString();
    }

    void receive(List<String> setCookies) {
        for (String line : setCookies) {
            String pair = line.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || line.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private Response send(int port, String path, String cookies) throws IOException {
        long t0 = System.nanoTime();
        Conn c = conns.get(port);
        boolean fresh = c == null;
        if (fresh) {
            c = new Conn(port);
            conns.put(port, c);
        }
        try {
            return exchange(c, port, path, cookies, t0);
        } catch (IOException e) {
            drop(port);
            if (fresh) {
                throw e;
            }
            // A kept-alive connection the server closed while idle (or a server that restarted): once more, afresh.
            RESENT.incrementAndGet();
            c = new Conn(port);
            conns.put(port, c);
            try {
                return exchange(c, port, path, cookies, t0);
            } catch (IOException again) {
                drop(port);
                throw again;
            }
        }
    }

    private void drop(int port) {
        Conn c = conns.remove(port);
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private Response exchange(Conn c, int port, String path, String cookies, long t0) throws IOException {
        StringBuilder req = new StringBuilder(256);
        req.append("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
        if (!cookies.isEmpty()) {
            req.append("Cookie: ").append(cookies).append("\r\n");
        }
        req.append("\r\n");
        c.out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        c.out.flush();
        String status = line(c.in);
        if (status == null) {
            throw new IOException("connection closed before an answer");
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        List<String> setCookies = new ArrayList<>(2);
        for (String h = line(c.in); h != null && !h.isEmpty(); h = line(c.in)) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length":
                    length = Integer.parseInt(value);
                    break;
                case "transfer-encoding":
                    chunked = value.equalsIgnoreCase("chunked");
                    break;
                case "connection":
                    close = value.equalsIgnoreCase("close");
                    break;
                case "set-cookie":
                    setCookies.add(value);
                    break;
                default:
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(c.in).trim(), 16); n > 0; n = Integer.parseInt(line(c.in).trim(), 16)) {
                b.write(c.in.readNBytes(n));
                line(c.in);
            }
            line(c.in);
            body = b.toByteArray();
        } else {
            body = c.in.readNBytes(Math.max(0, length));
        }
        if (close) {
            drop(port);
        }
        return new Response(code, new String(body, StandardCharsets.UTF_8), setCookies, System.nanoTime() - t0);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        for (Integer port : new ArrayList<>(conns.keySet())) {
            drop(port);
        }
    }
}
