package dev.wafer.demo;

import java.nio.file.Path;

/** The demo as it runs: {@link DemoServer}, embedded Jetty 12.1 (ee10, Servlet 6.0). */
class JettyBrowserTest extends BrowserSuite {
    private DemoServer server;

    @Override
    protected String start(Path workDir) throws Exception {
        server = DemoServer.start(0, workDir);
        return server.url();
    }

    @Override
    protected DemoApp app() {
        return server.app();
    }

    @Override
    protected void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
