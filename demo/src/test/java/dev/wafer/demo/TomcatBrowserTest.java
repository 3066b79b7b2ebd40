package dev.wafer.demo;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The same filter and servlets on embedded Tomcat 11 (Servlet 6.1), with its own cookies off. */
class TomcatBrowserTest extends BrowserSuite {
    private static final Logger CATALINA = Logger.getLogger("org.apache");

    static {
        CATALINA.setLevel(Level.WARNING);
    }

    private DemoApp app;
    private Tomcat tomcat;

    @Override
    protected String start(Path workDir) throws Exception {
        app = DemoApp.open(workDir.resolve("keys"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(workDir.resolve("tomcat")).toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", null);
        ctx.setCookies(false);
        StandardManager manager = new StandardManager();
        manager.setPathname(null);
        ctx.setManager(manager);
        ((StandardContext) ctx).setClearReferencesThreadLocals(false);
        ((StandardContext) ctx).setClearReferencesRmiTargets(false);
        FilterDef def = new FilterDef();
        def.setFilterName("wafer");
        def.setFilter(app.filter());
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("wafer");
        map.addURLPattern("/*");
        map.setDispatcher(DispatcherType.REQUEST.name());
        ctx.addFilterMap(map);
        int i = 0;
        for (Map.Entry<String, HttpServlet> e : app.servlets().entrySet()) {
            String name = "page" + i++;
            Tomcat.addServlet(ctx, name, e.getValue());
            ctx.addServletMapping(e.getKey(), name);
        }
        tomcat.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    protected DemoApp app() {
        return app;
    }

    @Override
    protected void stop() throws Exception {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }
}
