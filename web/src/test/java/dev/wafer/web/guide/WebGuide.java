package dev.wafer.web.guide;

import dev.wafer.Claims;
import dev.wafer.CookieSealer;
import dev.wafer.MasterKey;
import dev.wafer.SigningKeySet;
import dev.wafer.TokenVerifier;
import dev.wafer.web.CookieSpec;
import dev.wafer.web.CsrfPolicy;
import dev.wafer.web.InMemoryRevocationStore;
import dev.wafer.web.JwksPublisher;
import dev.wafer.web.ReloadingSealer;
import dev.wafer.web.RemoteJwks;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.StoreFailure;
import dev.wafer.web.WebSessions;
import dev.wafer.web.servlet.JwksServlet;
import dev.wafer.web.servlet.WaferSessionFilter;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The snippets of docs/web.md, word for word between their markers (WebGuideTest checks, and runs them). */
final class WebGuide {
    private WebGuide() {
    }

    static WebSessions setUp(ServletContext context, Path keyFile, MasterKey master) throws IOException {
        // SNIPPET-BEGIN set-up
        ReloadingSealer sealer = ReloadingSealer.watch(keyFile, master,        // follows `wafer rotate` on disk
                keys -> CookieSealer.builder(keys).build(), Duration.ofSeconds(5));
        WebSessions sessions = WebSessions.builder(sealer)                    // strict cookie defaults
                .idleTimeout(Duration.ofMinutes(30))
                .absoluteTimeout(Duration.ofHours(12))
                .build();
        context.addFilter("wafer", new WaferSessionFilter(sessions))
                .addMappingForUrlPatterns(null, false, "/*");
        // SNIPPET-END set-up
        return sessions;
    }

    static long counter(HttpServletRequest request) {
        // SNIPPET-BEGIN session
        HttpSession session = request.getSession();                           // held in one sealed cookie
        Long visits = (Long) session.getAttribute("visits");                  // integers read back as Long
        session.setAttribute("visits", visits == null ? 1 : visits + 1);      // JSON values only
        // SNIPPET-END session
        return (Long) session.getAttribute("visits");
    }

    static void login(HttpServletRequest request, HttpServletResponse response, boolean passwordOk) throws IOException {
        // SNIPPET-BEGIN login
        if (passwordOk) {
            SessionHandle web = WaferSessions.of(request);
            web.login(request.getParameter("user"), "on".equals(request.getParameter("remember")));
            response.sendRedirect("/account");                                // new session id, new CSRF secret
        }
        // SNIPPET-END login
    }

    static String form(HttpServletRequest request) {
        // SNIPPET-BEGIN csrf-form
        String token = WaferSessions.csrfToken(request).value();              // masked afresh for every page
        String html = "<form method=post action=/notes>"
                + "<input type=hidden name=_csrf value=" + token + ">"          // base64url: safe unescaped
                + "<input name=note><button>Save</button></form>";
        // SNIPPET-END csrf-form
        return html;
    }

    static WebSessions spa(CookieSealer sealer) {
        // SNIPPET-BEGIN csrf-spa
        WebSessions sessions = WebSessions.builder(sealer)
                .csrf(CsrfPolicy.doubleSubmit()                               // token in __Host-csrf, bound to the session
                        .allowOrigins("https://app.example"))                 // a front end on another origin
                .build();
        // Script: fetch(url, {method: "POST", headers: {"X-CSRF-Token": cookie("__Host-csrf")}, credentials: "include"})
        // SNIPPET-END csrf-spa
        return sessions;
    }

    static void logoutEverywhere(HttpServletRequest request) {
        // SNIPPET-BEGIN logout
        SessionHandle web = WaferSessions.of(request);
        web.logout();                 // this browser: session id and remember-me series revoked, cookies cleared
        // or
        web.logoutEverywhere();       // every browser: the user's generation moves on, older cookies stop working
        // SNIPPET-END logout
    }

    static WebSessions shortLived(CookieSealer sealer) {
        // SNIPPET-BEGIN short-lived
        WebSessions sessions = WebSessions.builder(sealer)
                .shortLived(Duration.ofMinutes(5),                            // a copied session cookie: minutes
                        CookieSpec.builder("__Host-session-refresh").purpose("session-refresh").build())
                .revocationStore(new InMemoryRevocationStore(), StoreFailure.FAIL_CLOSED)
                .build();
        // SNIPPET-END short-lived
        return sessions;
    }

    static TokenVerifier jwks(ServletContext context, SigningKeySet signingKeys) {
        // SNIPPET-BEGIN jwks
        // The issuer publishes its public keys...
        context.addServlet("jwks", new JwksServlet(JwksPublisher.of(signingKeys::publicKeys, Duration.ofMinutes(5))))
                .addMapping("/.well-known/jwks.json");
        // ...and every other service verifies with them, refetching when the issuer rotates.
        TokenVerifier verifier = RemoteJwks.builder(URI.create("https://login.example/.well-known/jwks.json"),
                keys -> TokenVerifier.builder(keys).issuer("https://login.example").audience("api").build())
                .build();
        // SNIPPET-END jwks
        return verifier;
    }

    static Claims verify(TokenVerifier verifier, String token) {
        return verifier.verify(token);
    }
}
