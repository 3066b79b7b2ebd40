package dev.wafer.examples.spring;

import dev.wafer.SealedHeader;
import dev.wafer.SealingKeySet;
import dev.wafer.web.ReloadingSealer;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.HtmlUtils;

/** The pages: plain HTML, so that the example shows Wafer, not a template engine. */
@RestController
public class Pages {
    private final ReloadingSealer sealer;
    private final Path keyFile;

    /**
     * The pages.
     *
     * @param sealer the starter's sealer
     * @param keyFile the sealing key file
     */
    public Pages(ReloadingSealer sealer, @Value("${wafer.sealing.key-file}") Path keyFile) {
        this.sealer = sealer;
        this.keyFile = keyFile;
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=utf-8><title>" + title + " - Wafer on Spring Boot</title>"
                + "<link rel=stylesheet href=/style.css></head><body><header><a href=/>Wafer on Spring Boot</a>"
                + "<nav><a href=/account>Account</a> <a href=/notes>Notes</a> <a href=/keys>Keys</a></nav></header>"
                + "<main><h1>" + title + "</h1>" + body + "</main></body></html>";
    }

    private static String csrfField(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<input type=hidden name=\"" + token.getParameterName() + "\" value=\"" + token.getToken() + "\">";
    }

    /**
     * The start page.
     *
     * @param auth who is signed in, if anyone
     * @return the page
     */
    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home(Authentication auth) {
        String who = auth == null ? "Nobody is signed in. <a id=signin href=/account>Sign in</a> as alice / wafer-demo."
                : "Signed in as <b id=user>" + HtmlUtils.htmlEscape(auth.getName()) + "</b>.";
        return page("Welcome", "<p>" + who + "</p><p>The session, the CSRF secret and the remember-me token are sealed "
                + "cookies: this server keeps no session.</p>");
    }

    /**
     * The account page: who, how, and a visit counter kept in the sealed session.
     *
     * @param request the request
     * @param auth the authentication
     * @return the page
     */
    @GetMapping(value = "/account", produces = MediaType.TEXT_HTML_VALUE)
    public String account(HttpServletRequest request, Authentication auth) {
        HttpSession session = request.getSession();
        long visits = session.getAttribute("visits") instanceof Long v ? v + 1 : 1;
        session.setAttribute("visits", visits);
        String kid = "";
        for (Cookie c : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
            if (c.getName().equals("__Host-session")) {
                try {
                    kid = SealedHeader.peek(c.getValue()).keyId(); // unauthenticated: for display only
                } catch (RuntimeException e) {
                    kid = "(none: this request's session was just made)";
                }
            }
        }
        return page("Account", "<p>Signed in as <b id=user>" + HtmlUtils.htmlEscape(auth.getName()) + "</b> by <span id=how>"
                + auth.getClass().getSimpleName() + "</span>.</p><p>Visits in this session: <b id=visits>" + visits
                + "</b>. Session cookie sealed under key <code id=kid>" + HtmlUtils.htmlEscape(kid) + "</code>.</p>"
                + "<form method=post action=/logout>" + csrfField(request) + "<button id=logout>Sign out</button></form>"
                + "<form method=post action=/logout-everywhere>" + csrfField(request)
                + "<button id=everywhere>Sign out everywhere</button></form>");
    }

    /**
     * Notes, kept in the sealed session; the form carries Wafer's CSRF token.
     *
     * @param request the request
     * @return the page
     */
    @GetMapping(value = "/notes", produces = MediaType.TEXT_HTML_VALUE)
    public String notes(HttpServletRequest request) {
        List<?> notes = request.getSession().getAttribute("notes") instanceof List<?> l ? l : List.of();
        StringBuilder items = new StringBuilder("<ul id=notes>");
        for (Object n : notes) {
            items.append("<li>").append(HtmlUtils.htmlEscape(String.valueOf(n))).append("</li>");
        }
        return page("Notes", items + "</ul><form method=post action=/notes>" + csrfField(request)
                + "<input name=note id=note maxlength=200> <button id=save>Save</button></form>"
                + "<form method=post action=/notes><input name=note value=forged> <button id=forged>Save without the token"
                + "</button></form>");
    }

    /**
     * Adds a note.
     *
     * @param request the request
     * @param note the note
     * @return back to the notes
     */
    @PostMapping("/notes")
    public RedirectView addNote(HttpServletRequest request, @RequestParam String note) {
        HttpSession session = request.getSession();
        List<Object> notes = new ArrayList<>(session.getAttribute("notes") instanceof List<?> l ? l : List.of());
        notes.add(note);
        session.setAttribute("notes", notes);
        return new RedirectView("/notes");
    }

    /**
     * Signs the user out of every browser: their generation moves on, on every server.
     *
     * @param request the request
     * @return to the start page
     */
    @PostMapping("/logout-everywhere")
    public RedirectView logoutEverywhere(HttpServletRequest request) {
        WaferSessions.of(request).logoutEverywhere();
        return new RedirectView("/");
    }

    /**
     * The sealing keys: ids and states, never a key.
     *
     * @param request the request
     * @return the page
     */
    @GetMapping(value = "/keys", produces = MediaType.TEXT_HTML_VALUE)
    public String keys(HttpServletRequest request) {
        SealingKeySet keys = sealer.keys();
        StringBuilder rows = new StringBuilder("<table id=keys><tr><th>key id</th><th>state</th></tr>");
        keys.keys().forEach(k -> rows.append("<tr><td><code>").append(k.keyId()).append("</code></td><td>")
                .append(keys.statusOf(k.keyId()).state().name().toLowerCase(java.util.Locale.ROOT)).append("</td></tr>"));
        return page("Keys", rows + "</table><form method=post action=/keys/rotate>" + csrfField(request)
                + "<button id=rotate>Rotate (as wafer rotate does)</button></form>");
    }

    /**
     * Rotates the key file on disk, as {@code wafer rotate} would, and has the sealer reload it.
     *
     * @return back to the keys
     * @throws IOException if the file cannot be written
     */
    @PostMapping("/keys/rotate")
    public RedirectView rotate() throws IOException {
        SealingKeySet rotated = SealingKeySet.fromJwkSet(Files.readString(keyFile)).rotate().keySet();
        dev.wafer.KeyFiles.write(keyFile, rotated.toJwkSet(), dev.wafer.KeyFiles.Overwrite.REPLACE);
        sealer.reload();
        return new RedirectView("/keys");
    }

    /**
     * The style sheet.
     *
     * @return CSS
     */
    @GetMapping(value = "/style.css", produces = "text/css")
    public String style() {
        return "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222}header{background:#243b53;color:#fff;"
                + "padding:.8em 2em;display:flex;justify-content:space-between}header a{color:#fff;margin-left:1em}"
                + "main{padding:1em 2em;max-width:50em}button{padding:.3em .8em;margin:.3em 0}code{background:#eee;"
                + "padding:0 .3em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}";
    }
}
