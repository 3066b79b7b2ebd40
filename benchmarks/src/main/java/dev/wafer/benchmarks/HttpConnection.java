package dev.wafer.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over loopback, as a browser holds one, with its own cookie jar:
 * a request is one write of the request line and headers, and its response is read to the end of
 * its {@code Content-Length} body. Deliberately small, so that the client's own cost (a few
 * microseconds) stays far below what the server does; the server under test is the same for every
 * case.
 */
final class HttpConnection implements AutoCloseable {
    private final int port;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    /** The cookie jar: name to value, as the server last set them. */
    final Map<String, String> cookies = new LinkedHashMap<>();
    private String cookieHeader = "";
    int lastStatus;
    String lastBody;

    HttpConnection(int port) throws IOException {
        this.port = port;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** GET {@code path} with the jar's cookies; the jar takes the response's {@code Set-Cookie}s. Returns the status. */
    int get(String path) throws IOException {
        StringBuilder req = new StringBuilder(128 + cookieHeader.length());
        req.append("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
        if (!cookieHeader.isEmpty()) {
            req.append("Cookie: ").append(cookieHeader).append("\r\n");
        }
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse();
    }

    private int readResponse() throws IOException {
        String status = line();
        lastStatus = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean jarChanged = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon);
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Set-Cookie")) {
                String pair = h.substring(colon + 1).trim();
                int semi = pair.indexOf(';');
                pair = semi < 0 ? pair : pair.substring(0, semi);
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || h.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
                jarChanged = true;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("a chunked response: the server under test sets Content-Length");
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in the response");
        }
        lastBody = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (jarChanged) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            cookieHeader = c.toString();
        }
        return lastStatus;
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            b.append((char) c);
        }
        in.read();
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
