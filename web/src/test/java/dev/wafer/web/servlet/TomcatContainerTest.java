package dev.wafer.web.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
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
import org.junit.jupiter.api.io.TempDir;

/** The filter on embedded Tomcat 11 (Servlet 6.1), whose session manager is always there. */
class TomcatContainerTest extends ServletContainerConformance {
    private static final Logger CATALINA = Logger.getLogger("org.apache");

    static {
        CATALINA.setLevel(Level.WARNING);
    }

    @TempDir
    Path baseDir;

    private Tomcat tomcat;

    @Override
    protected String start(Filter filter, Map<String, HttpServlet> servlets) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(baseDir.resolve("tomcat")).toString());
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
        ctx.addApplicationListener(CountingListener.class.getName());
        FilterDef def = new FilterDef();
        def.setFilterName("wafer");
        def.setFilter(filter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("wafer");
        map.addURLPattern("/*");
        map.setDispatcher(DispatcherType.REQUEST.name());
        ctx.addFilterMap(map);
        int i = 0;
        for (Map.Entry<String, HttpServlet> e : servlets.entrySet()) {
            String name = "s" + i++;
            Tomcat.addServlet(ctx, name, e.getValue());
            ctx.addServletMapping(e.getKey(), name);
        }
        tomcat.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    protected void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
