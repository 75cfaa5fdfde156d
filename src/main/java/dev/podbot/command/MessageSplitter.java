package dev.podbot.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a long HTML message into parts Telegram accepts (at most 4096 characters each), preferring line breaks,
 * then spaces; never inside a tag, an entity or a surrogate pair; tags open at a cut are closed at the end of the
 * part and reopened at the start of the next.
 */
public final class MessageSplitter {

    public static final int TELEGRAM_LIMIT = 4096;
    /** Telegram's limit for a photo's or document's caption (characters after entity parsing). */
    public static final int CAPTION_LIMIT = 1024;
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z-]+)([^>]*)>");

    private MessageSplitter() {
    }

    /**
     * The text if it fits in {@code max} characters, else its first safe part (see {@link #split(String, int)})
     * followed by "…": never cut inside a tag, an entity or a surrogate pair, and every tag closed.
     */
    public static String shorten(String html, int max) {
        String text = html == null ? "" : html;
        if (text.length() <= max) {
            return text;
        }
        return split(text, max - 1).get(0) + "…";
    }

    /** Plain text (no HTML) cut to at most {@code max} characters with "…", never inside a surrogate pair. */
    public static String cutPlain(String text, int max) {
        String t = text == null ? "" : text;
        if (t.length() <= max) {
            return t;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end) + "…";
    }

    /** How long an HTML text is as the user sees it (tags removed, entities decoded): what Telegram's limits count. */
    public static int plainLength(String html) {
        if (html == null) {
            return 0;
        }
        return Html.unescape(TAG.matcher(html).replaceAll("")).length();
    }

    /** True when the HTML text fits a Telegram caption. */
    public static boolean fitsCaption(String html) {
        return plainLength(html) <= CAPTION_LIMIT;
    }

    public static List<String> split(String html) {
        return split(html, TELEGRAM_LIMIT);
    }

    public static List<String> split(String html, int max) {
        String text = html == null ? "" : html;
        List<String> parts = new ArrayList<>();
        String reopen = "";
        while (true) {
            String rest = reopen + text;
            if (rest.length() <= max) {
                parts.add(rest);
                return parts;
            }
            int budget = Math.max(max / 2, max - 200); // room for closing tags
            int cut = cutPoint(rest, budget, reopen.length());
            String part = rest.substring(0, cut);
            Deque<String[]> open = openTags(part);
            StringBuilder closing = new StringBuilder();
            StringBuilder reopening = new StringBuilder();
            for (var it = open.iterator(); it.hasNext();) { // top of stack first
                closing.append("</").append(it.next()[0]).append('>');
            }
            for (var it = open.descendingIterator(); it.hasNext();) {
                String[] t = it.next();
                reopening.append('<').append(t[0]).append(t[1]).append('>');
            }
            String trimmed = part.stripTrailing();
            parts.add(trimmed.isEmpty() ? part : trimmed + closing);
            text = stripLeadingBreak(rest.substring(cut));
            reopen = reopening.toString();
        }
    }

    private static String stripLeadingBreak(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(i);
    }

    private static int cutPoint(String s, int budget, int minCut) {
        int floor = Math.max(minCut + 1, budget / 2);
        int cut = s.lastIndexOf('\n', budget);
        if (cut < floor) {
            cut = s.lastIndexOf(' ', budget);
        }
        if (cut < floor) {
            cut = budget;
        }
        // not inside a tag or an entity
        int lt = s.lastIndexOf('<', cut - 1);
        if (lt >= 0 && s.indexOf('>', lt) >= cut && lt > minCut) {
            cut = lt;
        }
        int amp = s.lastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > minCut) {
            int semi = s.indexOf(';', amp);
            if (semi >= cut && semi - amp <= 10) {
                cut = amp;
            }
        }
        if (cut > 0 && cut < s.length() && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return Math.max(cut, 1);
    }

    /** Tags still open at the end of a part: stack of {name, attributes}, innermost first. */
    private static Deque<String[]> openTags(String part) {
        Deque<String[]> stack = new ArrayDeque<>();
        Matcher m = TAG.matcher(part);
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (m.group(1).isEmpty()) {
                if (!m.group(3).endsWith("/")) {
                    stack.push(new String[] {name, m.group(3)});
                }
            } else {
                for (var it = stack.iterator(); it.hasNext();) {
                    if (it.next()[0].equals(name)) {
                        it.remove();
                        break;
                    }
                }
            }
        }
        return stack;
    }
}
