package dev.podbot.command;

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
}
