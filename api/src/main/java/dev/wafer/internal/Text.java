package dev.wafer.internal;

/**
 * Untrusted text made safe to show: in exception messages, log lines and {@code toString}. Every
 * character outside printable ASCII (controls, DEL, anything a terminal or log viewer might
 * interpret, such as ESC, CR, LF, or the bidirectional overrides) becomes a {@code \\uXXXX} escape,
 * a backslash becomes two, and long text is cut, so that an attacker-chosen key id or claim cannot
 * forge a log line, move a terminal's cursor or hide what follows it.
 */
public final class Text {
    /** The most characters of untrusted text shown. */
    public static final int MAX_SHOWN_CHARS = 80;

    private Text() {
    }

    /**
     * The text, escaped and cut, in double quotes.
     *
     * @param untrusted any text, or {@code null}
     * @return for example {@code "ab\u001b]0;x"}
     */
    public static String quote(String untrusted) {
        return untrusted == null ? "null" : "\"" + escape(untrusted) + "\"";
    }

    /**
     * The text, escaped and cut, without quotes.
     *
     * @param untrusted any text
     * @return the escaped text
     */
    public static String escape(String untrusted) {
        StringBuilder b = new StringBuilder(Math.min(untrusted.length(), MAX_SHOWN_CHARS) + 8);
        int shown = Math.min(untrusted.length(), MAX_SHOWN_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = untrusted.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        if (untrusted.length() > shown) {
            b.append("...(").append(untrusted.length()).append(" chars)");
        }
        return b.toString();
    }

    /**
     * The text with every control and format character escaped as {@code \\uXXXX}: C0 controls,
     * DEL, C1 controls, line and paragraph separators, and format characters such as the
     * bidirectional overrides; other characters, non-ASCII letters among them, are kept. For a
     * terminal: nothing printed can move the cursor, set a window title or reorder what follows.
     * Not cut.
     *
     * @param text any text
     * @return the text, safe to print
     */
    public static String escapeControls(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * Whether a character is one {@link #escapeControls(String)} escapes.
     *
     * @param c the character
     * @return true for control, format and separator characters
     */
    public static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Whether text is printable ASCII only (U+0020 to U+007E), as key ids must be.
     *
     * @param text the text
     * @return true if every character is printable ASCII
     */
    public static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
