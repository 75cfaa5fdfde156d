package dev.podbot.command;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping for Telegram's HTML parse mode (and the web chat, which renders the same subset). */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The reverse of {@link #escape}: for plain-text places (a button's toast) that show HTML text. */
    public static String unescape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    public static String bold(String s) {
        return "<b>" + escape(s) + "</b>";
    }

    public static String code(String s) {
        return "<code>" + escape(s) + "</code>";
    }

    /**
     * At most {@code max} user-perceived characters (grapheme clusters: an emoji with its skin tone or a family of
     * joined emoji counts as one), plus "…" when cut. Never splits a character, so nothing arrives as "?".
     */
    public static String shorten(String s, int max) {
        Matcher m = GRAPHEME.matcher(s);
        int count = 0;
        while (m.find()) {
            if (++count > max) {
                return s.substring(0, m.start()) + "…";
            }
        }
        return s;
    }

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
}
