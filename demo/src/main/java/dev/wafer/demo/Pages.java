package dev.wafer.demo;

import static dev.wafer.demo.Html.esc;

import dev.wafer.InvalidSealedValueException;
import dev.wafer.KeyStatus;
import dev.wafer.SealedHeader;
import dev.wafer.SealingKey;
import dev.wafer.SealingKeySet;
import dev.wafer.ValueTooLargeException;
import dev.wafer.web.CookieSpec;
import dev.wafer.web.SessionHandle;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * The demo's pages, one servlet each. Each builds its whole page (and so makes every session
 * change) before it writes, and answers a successful POST with a 303 redirect to a page to GET.
 */
final class Pages {
    /** The session cookie's name: {@code WebSessions}' default. */
    static final String SESSION_COOKIE = "__Host-session";

    private Pages() {
    }

    /** A page of the demo: a servlet over the application. */
    abstract static class Page extends HttpServlet {
        private static final long serialVersionUID = 1L;
        /** The application; servlets are serializable in the API's eyes, these are not meant to be. */
        final transient DemoApp app;

        Page(DemoApp app) {
            this.app = app;
        }
    }

    /** {@code /}: what the demo shows; also the 404 page of every unmapped path. */
    static final class Home extends Page {
        private static final long serialVersionUID = 1L;

        Home(DemoApp app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            if (!"/".equals(req.getServletPath()) || req.getPathInfo() != null) {
                Html.send(res, 404, Html.page(req, "", "Not found", "<div class=\"box\"><p>There is no page at <code>"
                        + esc(req.getRequestURI()) + "</code>.</p><p><a href=\"/\">Back to the start</a></p></div>"));
                return;
            }
            Optional<String> user = WaferSessions.of(req).user();
            String status = user.isPresent()
                    ? "<div class=\"msg ok\">You are signed in as <b>" + esc(user.get()) + "</b>.</div>"
                    : "<div class=\"msg hint\">You are not signed in: <a href=\"/login\">sign in</a> as <b>" + DemoApp.USER
                            + "</b> with the password <code>" + DemoApp.PASSWORD + "</code></div>";
            Html.send(res, 200, Html.page(req, "/", "Sealed cookie sessions", status + "<div class=\"box\">"
                    + "<p>This application keeps its whole session in one cookie, <code>" + SESSION_COOKIE + "</code>, "
                    + "sealed by Wafer (XAES-256-GCM): the browser can neither read nor change it, script cannot see it "
                    + "(<code>HttpOnly</code>), and the server keeps no session data, only a short list of ended sessions.</p>"
                    + "<ul>"
                    + "<li><a href=\"/login\">Sign in</a>, with or without <i>remember me</i>: a new session id, and a "
                    + "remember-me cookie that signs you in again after the session cookie is gone.</li>"
                    + "<li><a href=\"/session\">Session</a>: a visit counter kept in the cookie, and the key that sealed it.</li>"
                    + "<li><a href=\"/form\">Form</a>: a post with its CSRF token is accepted; one without is refused (403).</li>"
                    + "<li><a href=\"/keys\">Keys</a>: rotate the key file while signed in; you stay signed in and the "
                    + "next response reseals the cookie under the new key.</li>"
                    + "<li><a href=\"/big\">Big session</a>: a value too large for a cookie is refused, never truncated.</li>"
                    + "<li><a href=\"/logout\">Sign out</a> here, or everywhere: every session and remember-me cookie "
                    + "of the user, on every browser, ends.</li>"
                    + "</ul><p class=\"muted small\">Built on the <code>WaferSessionFilter</code> of <code>wafer-web</code>, "
                    + "with the strict defaults: the <code>__Host-</code> prefix, <code>Secure</code>, <code>HttpOnly</code>, "
                    + "<code>SameSite=Lax</code>, 30 minutes idle and 12 hours at most.</p></div>"));
        }
    }

    /** {@code /login}: the sign-in form, and its POST. */
    static final class Login extends Page {
        private static final long serialVersionUID = 1L;

        Login(DemoApp app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String out = req.getParameter("out");
            String message = "everywhere".equals(out)
                    ? "<div class=\"msg ok\" id=\"signed-out\">You are signed out on every browser.</div>"
                    : "here".equals(out) ? "<div class=\"msg ok\" id=\"signed-out\">You are signed out.</div>" : "";
            Html.send(res, 200, form(req, message, ""));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String user = req.getParameter("user");
            if (!DemoApp.checkPassword(user, req.getParameter("password"))) {
                Html.send(res, 200, form(req, "<div class=\"msg error\" id=\"login-error\">Wrong user name or password.</div>",
                        user == null ? "" : user));
                return;
            }
            WaferSessions.of(req).login(DemoApp.USER, "on".equals(req.getParameter("remember")));
            seeOther(res, "/session");
        }

        private static String form(HttpServletRequest req, String message, String user) {
            return Html.page(req, "/login", "Sign in", message
                    + "<div class=\"msg hint\">Demo user: <b>" + DemoApp.USER + "</b>, password <code>" + DemoApp.PASSWORD
                    + "</code></div><div class=\"box\"><form method=\"post\" action=\"/login\">" + Html.csrfField(req)
                    + "<label for=\"user\">User</label><input type=\"text\" id=\"user\" name=\"user\" autocomplete=\"username\""
                    + " value=\"" + esc(user) + "\" required>"
                    + "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" "
                    + "autocomplete=\"current-password\" required>"
                    + "<label class=\"check\"><input type=\"checkbox\" id=\"remember\" name=\"remember\" value=\"on\">"
                    + "Remember me on this browser (30 days)</label>"
                    + "<div class=\"row\"><button type=\"submit\" id=\"sign-in\">Sign in</button></div></form></div>");
        }
    }

    /** {@code /session}: a counter in the session, and what the cookie says about itself. */
    static final class Session extends Page {
        private static final long serialVersionUID = 1L;

        Session(DemoApp app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            SessionHandle web = WaferSessions.of(req);
            HttpSession session = req.getSession();
            Object before = session.getAttribute("visits");
            long visits = (before instanceof Long ? (Long) before : 0) + 1;
            session.setAttribute("visits", visits);
            Optional<String> user = web.user();
            String primary = app.sealer().keys().primary().keyId();
            String cookie = cookieValue(req);
            String cookieKid;
            String size;
            if (cookie == null) {
                cookieKid = "<span class=\"muted\" id=\"cookie-kid\">none: this request came without a session cookie</span>";
                size = "<span class=\"muted\">set by this response</span>";
            } else {
                size = esc(SESSION_COOKIE.length() + 1 + cookie.length()) + " bytes of " + CookieSpec.BROWSER_LIMIT_BYTES;
                String kid = keyIdOf(cookie);
                cookieKid = kid == null ? "<span class=\"muted\" id=\"cookie-kid\">not a sealed value</span>"
                        : "<code id=\"cookie-kid\">" + esc(kid) + "</code>" + (kid.equals(primary) ? ""
                                : " <span class=\"muted small\">not the primary: this response reseals the cookie</span>");
            }
            StringBuilder b = new StringBuilder();
            if (user.isEmpty()) {
                b.append("<div class=\"msg hint\">You are not signed in: this is an anonymous session. "
                        + "<a href=\"/login\">Sign in</a></div>");
            }
            b.append("<div class=\"box\"><table class=\"facts\">")
                    .append("<tr><th>Signed in as</th><td id=\"user\">")
                    .append(user.isPresent() ? "<b>" + esc(user.get()) + "</b>" : "<span class=\"muted\">nobody</span>")
                    .append("</td></tr><tr><th>Visits in this session</th><td id=\"visits\">").append(visits)
                    .append("</td></tr><tr><th>Session created</th><td id=\"created\">")
                    .append(esc(Html.time(java.time.Instant.ofEpochMilli(session.getCreationTime()))))
                    .append("</td></tr><tr><th>This request's cookie sealed under</th><td>").append(cookieKid)
                    .append("</td></tr><tr><th>Current primary key</th><td><code id=\"primary-kid\">").append(esc(primary))
                    .append("</code></td></tr><tr><th>This request's cookie size</th><td>").append(size)
                    .append("</td></tr></table><p class=\"muted small\">The key id is read with <code>SealedHeader.peek</code>: "
                            + "anyone can read it, and nothing authenticates it until the value opens.</p>");
            if (user.isPresent()) {
                b.append("<div class=\"row\">")
                        .append(Html.postButton(req, "/logout", "logout", "secondary", "Sign out"))
                        .append(Html.postButton(req, "/logout-everywhere", "logout-everywhere", "danger", "Sign out everywhere"))
                        .append("</div>");
            }
            b.append("</div>");
            Html.send(res, 200, Html.page(req, "/session", "Session", b.toString()));
        }
    }

    /** {@code /form}: a CSRF-protected form, and the same post without its token. */
    static final class Form extends Page {
        private static final long serialVersionUID = 1L;
        private static final int MAX_NOTE = 200;

        Form(DemoApp app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Html.send(res, 200, page(req, ""));
        }

        /** Reached only with a valid token: the filter refused the others with 403. */
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String note = req.getParameter("note");
            String message = note == null || note.isBlank() || note.length() > MAX_NOTE
                    ? "<div class=\"msg error\" id=\"note-error\">A note has 1 to " + MAX_NOTE + " characters.</div>"
                    : "<div class=\"msg ok\" id=\"accepted\">Accepted, with its CSRF token. The note: <b id=\"note-text\">"
                            + esc(note) + "</b></div>";
            Html.send(res, 200, page(req, message));
        }

        private static String page(HttpServletRequest req, String message) {
            return Html.page(req, "/form", "A form with a CSRF token", message + "<div class=\"box\">"
                    + "<p>Both buttons post a note to <code>/form</code>. The first form carries the hidden <code>_csrf</code> "
                    + "field, a token masked afresh for every page; the second does not, and the filter refuses it with "
                    + "403 before any page code runs.</p>"
                    + "<form method=\"post\" action=\"/form\" id=\"with-token\">" + Html.csrfField(req)
                    + "<label for=\"note\">Note</label><input type=\"text\" id=\"note\" name=\"note\" maxlength=\"" + MAX_NOTE
                    + "\" value=\"Hello from the form\"><div class=\"row\"><button type=\"submit\" id=\"post-with-token\">"
                    + "Post with the token</button></div></form>"
                    + "<form method=\"post\" action=\"/form\" id=\"without-token\"><input type=\"hidden\" name=\"note\" "
                    + "value=\"sent without a token\"><div class=\"row\"><button type=\"submit\" class=\"danger\" "
                    + "id=\"post-without-token\">Post without a token (403)</button></div></form></div>");
        }
    }

    /** {@code /logout} and {@code /logout-everywhere}: POST signs out; GET offers both buttons. */
    static final class Logout extends Page {
        private static final long serialVersionUID = 1L;
        private final boolean everywhere;

        Logout(DemoApp app, boolean everywhere) {
            super(app);
            this.everywhere = everywhere;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            boolean signedIn = WaferSessions.of(req).user().isPresent();
            Html.send(res, 200, Html.page(req, "/logout", "Sign out", "<div class=\"box\">" + (signedIn
                    ? "<p><b>Sign out</b> ends this session and its remember-me cookie. <b>Sign out everywhere</b> ends "
                            + "every session and remember-me cookie of the user, on every browser.</p><div class=\"row\">"
                            + Html.postButton(req, "/logout", "logout", "secondary", "Sign out")
                            + Html.postButton(req, "/logout-everywhere", "logout-everywhere", "danger", "Sign out everywhere")
                            + "</div>"
                    : "<p>You are not signed in. <a href=\"/login\">Sign in</a></p>") + "</div>"));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            SessionHandle web = WaferSessions.of(req);
            if (everywhere && web.user().isPresent()) {
                web.logoutEverywhere();
            } else {
                web.logout();
            }
            seeOther(res, everywhere ? "/login?out=everywhere" : "/login?out=here");
        }
    }

    /** {@code /keys}: the sealing key set, and a button that rotates the key file. */
    static final class Keys extends Page {
        private static final long serialVersionUID = 1L;

        Keys(DemoApp app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            SealingKeySet keys = app.sealer().keys();
            String primary = keys.primary().keyId();
            StringBuilder b = new StringBuilder();
            String rotated = req.getParameter("rotated");
            String cookie = cookieValue(req);
            String cookieKid = cookie == null ? null : keyIdOf(cookie);
            if (rotated != null && rotated.matches("[0-9a-f]{8}")) {
                b.append("<div class=\"msg ok\" id=\"rotated\">Rotated the key file: the new primary is <code>").append(rotated)
                        .append("</code>. You are still signed in").append(cookieKid != null && !cookieKid.equals(primary)
                                ? ", and this response reseals your cookie under the new key." : ".")
                        .append("</div>");
            }
            b.append("<div class=\"box\"><p>The sealer follows the key file <code>").append(esc(app.keyFile().getFileName()))
                    .append("</code> in the working directory (it looks every 2 seconds, so <code>wafer rotate --keys</code> on "
                            + "it works too). Values sealed under an older key still open, and are resealed under the "
                            + "primary when they come back.</p><table><tr><th>Key id</th><th>State</th><th>Algorithm</th>"
                            + "<th>Created</th><th>Stopped sealing</th></tr>");
            for (SealingKey key : keys.keys()) {
                KeyStatus status = keys.statusOf(key.keyId());
                boolean isPrimary = key.keyId().equals(primary);
                b.append(isPrimary ? "<tr class=\"primary\">" : "<tr>").append("<td><code")
                        .append(isPrimary ? " id=\"primary-kid\"" : "").append(" class=\"kid\">").append(esc(key.keyId()))
                        .append("</code>").append(isPrimary ? "<span class=\"tag\">primary</span>" : "").append("</td><td>")
                        .append(esc(status.state().jwkName())).append("</td><td>").append(esc(key.algorithm().jwkName()))
                        .append("</td><td>").append(status.createdAt().map(t -> esc(Html.time(t))).orElse("")).append("</td><td>")
                        .append(status.deactivatedAt().map(t -> esc(Html.time(t))).orElse("")).append("</td></tr>");
            }
            b.append("</table>");
            if (app.sealer().lastProblem() != null) {
                b.append("<div class=\"msg error\">The key file's latest change did not load; the keys above stay in use: ")
                        .append(esc(app.sealer().lastProblem())).append("</div>");
            }
            b.append("<p>This request's session cookie was sealed under ")
                    .append(cookieKid == null ? "<span class=\"muted\" id=\"cookie-kid\">no key: it came without one</span>"
                            : "<code id=\"cookie-kid\">" + esc(cookieKid) + "</code>")
                    .append(".</p><form method=\"post\" action=\"/keys\">").append(Html.csrfField(req))
                    .append("<div class=\"row\"><button type=\"submit\" id=\"rotate\">Rotate now</button>")
                    .append("<span class=\"muted small\">a new primary key; the old one keeps opening</span></div></form></div>");
            Html.send(res, 200, Html.page(req, "/keys", "Sealing keys", b.toString()));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String kid = app.rotate();
            seeOther(res, "/keys?rotated=" + kid);
        }
    }

    /** {@code /big}: tries to store a large value in the session, and shows the refusal. */
    static final class Big extends Page {
        private static final long serialVersionUID = 1L;
        private static final int DEFAULT_SIZE = 5000;
        private static final int MAX_SIZE = 100_000;

        Big(DemoApp app) {
            super(app);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Html.send(res, 200, page(req, "", DEFAULT_SIZE));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            HttpSession session = req.getSession();
            if ("clear".equals(req.getParameter("action"))) {
                session.removeAttribute("big");
                Html.send(res, 200, page(req, "<div class=\"msg ok\" id=\"cleared\">Removed it.</div>", DEFAULT_SIZE));
                return;
            }
            int size;
            try {
                size = Integer.parseInt(String.valueOf(req.getParameter("size")).trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_SIZE) {
                Html.send(res, 200, page(req, "<div class=\"msg error\" id=\"size-error\">Choose 1 to " + MAX_SIZE
                        + " characters.</div>", DEFAULT_SIZE));
                return;
            }
            String message;
            try {
                session.setAttribute("big", "x".repeat(size));
                message = "<div class=\"msg ok\" id=\"stored\">Stored " + size + " characters in the session.</div>";
            } catch (ValueTooLargeException e) {
                message = "<div class=\"msg error\" id=\"refused\"><b>Refused.</b> " + size + " characters would make the "
                        + "session cookie <b id=\"cookie-bytes\">" + e.cookieBytes() + "</b> bytes, more than its budget of <b "
                        + "id=\"budget-bytes\">" + e.maxCookieBytes() + "</b> (browsers drop a larger cookie, and the session "
                        + "with it). Nothing was stored and nothing was cut: the session is as it was.</div>";
            }
            Html.send(res, 200, page(req, message, size));
        }

        private static String page(HttpServletRequest req, String message, int size) {
            HttpSession session = req.getSession();
            Object big = session.getAttribute("big");
            Object visits = session.getAttribute("visits");
            return Html.page(req, "/big", "A session too big for its cookie", message + "<div class=\"box\">"
                    + "<p>A sealed session lives in one cookie, and browsers keep at most " + CookieSpec.BROWSER_LIMIT_BYTES
                    + " bytes of <code>name=value</code>. Wafer refuses a change that would not fit when it is made "
                    + "(<code>ValueTooLargeException</code>), rather than truncate the session or let the browser drop it.</p>"
                    + "<table class=\"facts\"><tr><th>The session's <code>big</code> value</th><td id=\"big-length\">"
                    + (big instanceof String ? ((String) big).length() + " characters" : "none")
                    + "</td></tr><tr><th>Visits (on the session page)</th><td id=\"big-visits\">"
                    + (visits == null ? "0" : esc(visits)) + "</td></tr></table>"
                    + "<form method=\"post\" action=\"/big\">" + Html.csrfField(req)
                    + "<label for=\"size\">Characters to store</label><input type=\"number\" id=\"size\" name=\"size\" min=\"1\" "
                    + "max=\"" + MAX_SIZE + "\" value=\"" + size + "\"><div class=\"row\"><button type=\"submit\" id=\"store\">"
                    + "Store in the session</button><button type=\"submit\" name=\"action\" value=\"clear\" class=\"secondary\" "
                    + "id=\"clear\">Remove it</button></div></form></div>");
        }
    }

    /**
     * Redirects a POST to a page to GET, with 303 See Other. Not {@code sendRedirect}: its one
     * Servlet 6.0 form answers 302 (on Jetty ee10 and Tomcat alike), and the forms that take a
     * status are Servlet 6.1, which Jetty ee10 lacks. The filter sets the session cookie when the
     * servlet returns, before the response commits.
     */
    static void seeOther(HttpServletResponse res, String location) {
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", location);
    }

    /** The request's session cookie as it came, or null. */
    static String cookieValue(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /** The key id a sealed value names, unauthenticated; null if it is not a sealed value. */
    static String keyIdOf(String sealed) {
        try {
            return SealedHeader.peek(sealed).keyId();
        } catch (InvalidSealedValueException e) {
            return null;
        }
    }
}
