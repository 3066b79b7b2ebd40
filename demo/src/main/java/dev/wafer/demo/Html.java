package dev.wafer.demo;

import dev.wafer.web.SessionHandle;
import dev.wafer.web.servlet.WaferSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The pages' one layout: a title, a nav bar with the signed-in user, a content box, one small
 * inline stylesheet (allowed by its hash in the Content-Security-Policy; no script runs). Every
 * dynamic value goes through {@link #esc}.
 */
final class Html {
    private static final String STYLE = String.join("",
            "*{box-sizing:border-box}",
            "body{margin:0;font:16px/1.55 -apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;",
            "color:#1d2433;background:#f1f3f7}",
            "header{background:#1c2640}",
            "nav{max-width:900px;margin:0 auto;padding:0 24px;height:58px;display:flex;align-items:center;gap:20px}",
            "nav a{color:#c3cde3;text-decoration:none}",
            "nav a:hover{color:#fff}",
            "nav a.here{color:#fff;box-shadow:inset 0 -2px #7ea2ff;padding:4px 0}",
            "nav a.brand{color:#fff;font-weight:700;letter-spacing:.2px;margin-right:6px}",
            ".who{margin-left:auto;display:flex;align-items:center;gap:12px;color:#c3cde3}",
            ".who b{color:#fff}",
            ".who form{margin:0}",
            ".who button{padding:4px 12px;font-size:14px;background:transparent;border-color:#56648a;color:#e6ebf5}",
            "main{max-width:900px;margin:30px auto;padding:0 24px}",
            "h1{font-size:27px;margin:0 0 18px}",
            "h2{font-size:18px;margin:0 0 10px}",
            ".box{background:#fff;border:1px solid #dce1ea;border-radius:10px;padding:22px 26px;",
            "box-shadow:0 1px 3px rgba(16,24,40,.06)}",
            ".box+.box{margin-top:18px}",
            "p{margin:0 0 12px}",
            "ul{margin:0 0 12px;padding-left:22px}",
            "li{margin:5px 0}",
            "a{color:#2450c8}",
            "label{display:block;font-weight:600;margin:14px 0 5px}",
            "input[type=text],input[type=password],input[type=number]{width:100%;max-width:340px;padding:8px 10px;",
            "border:1px solid #c4cbd8;border-radius:6px;font:inherit}",
            "label.check{display:flex;gap:8px;align-items:center;font-weight:400}",
            "button{font:inherit;padding:8px 16px;border-radius:6px;border:1px solid #2450c8;background:#2450c8;color:#fff;",
            "cursor:pointer}",
            "button.secondary{background:#fff;color:#2450c8}",
            "button.danger{background:#fff;color:#b42318;border-color:#b42318}",
            ".row{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-top:18px}",
            ".row form{margin:0}",
            ".msg{padding:11px 15px;border-radius:7px;margin:0 0 18px}",
            ".error{background:#fef3f2;border:1px solid #fecdca;color:#8f1d14}",
            ".ok{background:#ecfdf3;border:1px solid #abefc6;color:#05603a}",
            ".hint{background:#eef4ff;border:1px solid #c7d7fe;color:#1d3a8a}",
            "table{border-collapse:collapse;width:100%;margin:0 0 12px}",
            "th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e9ecf1;vertical-align:top}",
            "th{color:#4a5568;font-weight:600}",
            "table.facts th{width:36%}",
            "tr.primary td{background:#f6fef9}",
            "code{font:14px ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;background:#f1f3f7;",
            "padding:1px 5px;border-radius:4px}",
            ".tag{display:inline-block;font-size:12px;font-weight:700;padding:1px 9px;border-radius:10px;",
            "background:#d3f8df;color:#08672f;margin-left:8px}",
            ".muted{color:#667085}",
            ".small{font-size:14px}");
    private static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256(STYLE) + "'; img-src data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<String[]> MENU = List.of(
            new String[] {"/", "Home"},
            new String[] {"/session", "Session"},
            new String[] {"/form", "Form"},
            new String[] {"/keys", "Keys"},
            new String[] {"/big", "Big session"});

    private Html() {
    }

    /** Escapes text for HTML content and quoted attribute values. */
    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** The hidden CSRF field of a form: a freshly masked token (creates the session if there is none). */
    static String csrfField(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(WaferSessions.csrfToken(request).value()) + "\">";
    }

    /** A form with one button that posts the CSRF token to a path. */
    static String postButton(HttpServletRequest request, String action, String id, String cssClass, String label) {
        return "<form method=\"post\" action=\"" + esc(action) + "\">" + csrfField(request) + "<button type=\"submit\" id=\""
                + esc(id) + "\"" + (cssClass.isEmpty() ? "" : " class=\"" + esc(cssClass) + "\"") + ">" + esc(label)
                + "</button></form>";
    }

    /**
     * A whole page. Builds everything, session changes included, before a byte is written: the
     * session cookie is set when the body starts.
     */
    static String page(HttpServletRequest request, String here, String title, String content) {
        SessionHandle web = WaferSessions.of(request);
        Optional<String> user = web.user();
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · Wafer demo</title>")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<style>").append(STYLE).append("</style></head>\n<body><header><nav>");
        for (String[] item : MENU) {
            boolean brand = item[0].equals("/");
            b.append("<a href=\"").append(item[0]).append('"');
            if (brand) {
                b.append(" class=\"brand").append(here.equals("/") ? " here" : "").append('"');
            } else if (item[0].equals(here)) {
                b.append(" class=\"here\"");
            }
            b.append('>').append(brand ? "Wafer demo" : item[1]).append("</a>");
        }
        b.append("<span class=\"who\">");
        if (user.isPresent()) {
            b.append("<span id=\"nav-user\">Signed in as <b>").append(esc(user.get())).append("</b></span>")
                    .append(postButton(request, "/logout", "nav-logout", "", "Sign out"));
        } else {
            b.append("<span id=\"nav-user\">Not signed in</span><a href=\"/login\"")
                    .append(here.equals("/login") ? " class=\"here\"" : "").append(">Sign in</a>");
        }
        b.append("</span></nav></header>\n<main><h1>").append(esc(title)).append("</h1>\n").append(content)
                .append("\n</main></body></html>\n");
        return b.toString();
    }

    /** Sends a page: no caching (it holds a CSRF token and session data), no script, no framing. */
    static void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
