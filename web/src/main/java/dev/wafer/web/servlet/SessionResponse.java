package dev.wafer.web.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response below the filter: the session's cookies are added once, just before the response
 * commits, whichever way it commits (first body byte, flush, redirect, error), or when the filter
 * ends. A session change after that is refused by the session, never lost silently.
 */
final class SessionResponse extends HttpServletResponseWrapper {
    private final Runnable beforeCommit;
    private boolean fired;
    private ServletOutputStream stream;
    private PrintWriter writer;

    SessionResponse(HttpServletResponse response, Runnable beforeCommit) {
        super(response);
        this.beforeCommit = beforeCommit;
    }

    /** Adds the session's cookies, once, if the response has not committed. */
    void fire() {
        if (!fired) {
            fired = true;
            if (!getResponse().isCommitted()) {
                beforeCommit.run();
            }
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream inner = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return inner.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    inner.setWriteListener(listener);
                }

                @Override
                public void write(int b) throws IOException {
                    fire();
                    inner.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    fire();
                    inner.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    fire();
                    inner.flush();
                }

                @Override
                public void close() throws IOException {
                    fire();
                    inner.close();
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter inner = super.getWriter();
            writer = new PrintWriter(inner) {
                @Override
                public void write(int c) {
                    fire();
                    super.write(c);
                }

                @Override
                public void write(char[] buf, int off, int len) {
                    fire();
                    super.write(buf, off, len);
                }

                @Override
                public void write(String s, int off, int len) {
                    fire();
                    super.write(s, off, len);
                }

                @Override
                public void flush() {
                    fire();
                    super.flush();
                }

                @Override
                public void close() {
                    fire();
                    super.close();
                }
            };
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        fire();
        super.flushBuffer();
    }

    @Override
    public void sendError(int sc) throws IOException {
        fire();
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        fire();
        super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        fire();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        fire();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        fire();
        super.sendRedirect(location, sc);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        fire();
        super.sendRedirect(location, sc, clearBuffer);
    }
}
