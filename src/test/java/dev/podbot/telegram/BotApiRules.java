package dev.podbot.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.command.MessageSplitter;

/**
 * What the real Bot API refuses, checked on every request the bot sends to {@link FakeTelegramServer}: required
 * fields, text of 1 to 4,096 characters after entity parsing, {@code callback_data} of 1 to 64 bytes, buttons
 * with exactly one action, command menus Telegram accepts, and HTML that Telegram's parser accepts: only its tags,
 * properly nested and closed, with {@code < > &} escaped outside tags. Returns Telegram's kind of error
 * description, or null when the request is valid.
 */
public final class BotApiRules {

    /** Telegram's HTML tags (Bot API "HTML style"); attributes are checked per tag. */
    static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote", "tg-time");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[a-zA-Z-]+(?:=\"[^\"<>]*\"|='[^'<>]*')?)*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BotApiRules() {
    }

    /** Null when Telegram would accept the call, else a "Bad Request: …" description. */
    public static String check(String method, Map<String, Object> p) {
        return switch (method) {
            case "sendmessage" -> firstOf(required(p, "chat_id"), text(p), markup(p));
            case "editmessagetext" -> firstOf(p.containsKey("inline_message_id") ? null
                    : firstOf(required(p, "chat_id"), required(p, "message_id")), text(p), markup(p));
            case "answercallbackquery" -> firstOf(required(p, "callback_query_id"),
                    length(p, "text", 0, 200));
            case "deletemessage" -> firstOf(required(p, "chat_id"), required(p, "message_id"));
            case "setmycommands" -> commands(p.get("commands"));
            case "setwebhook" -> required(p, "url");
            case "sendphoto" -> firstOf(required(p, "chat_id"), file(p, "photo", PHOTO_MAX), photo(p.get("photo")),
                    caption(p, p.get("caption")), markup(p));
            case "senddocument" -> firstOf(required(p, "chat_id"), file(p, "document", DOCUMENT_MAX),
                    caption(p, p.get("caption")), markup(p));
            case "editmessagemedia" -> firstOf(required(p, "chat_id"), required(p, "message_id"), media(p), markup(p));
            default -> null;
        };
    }

    static final int PHOTO_MAX = 10 * 1024 * 1024;
    static final int DOCUMENT_MAX = 50 * 1024 * 1024;
    static final int CAPTION_MAX = 1024;

    /** A file field: an uploaded part (within the size limit) or a file_id / URL string. */
    private static String file(Map<String, Object> p, String field, int max) {
        Object v = p.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            return "Bad Request: there is no " + field + " in the request";
        }
        if (v instanceof FakeTelegramServer.Upload u) {
            if (u.bytes().length == 0) {
                return "Bad Request: file must be non-empty";
            }
            if (u.bytes().length > max) {
                return "Bad Request: file is too big";
            }
            if (u.fileName() == null || u.fileName().isBlank()) {
                return "Bad Request: file name is empty";
            }
        }
        return null;
    }

    /** Telegram's photo rules: an image it can read, width + height at most 10,000, sides at most 20:1. */
    private static String photo(Object v) {
        if (!(v instanceof FakeTelegramServer.Upload u)) {
            return null;
        }
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(u.bytes()));
            if (img == null) {
                return "Bad Request: IMAGE_PROCESS_FAILED";
            }
            int w = img.getWidth();
            int h = img.getHeight();
            if (w + h > 10_000 || Math.max(w, h) > 20 * Math.min(w, h)) {
                return "Bad Request: PHOTO_INVALID_DIMENSIONS";
            }
        } catch (java.io.IOException e) {
            return "Bad Request: IMAGE_PROCESS_FAILED";
        }
        return null;
    }

    /** A caption: at most 1,024 characters after entity parsing, valid HTML when parse_mode is HTML. */
    private static String caption(Map<String, Object> p, Object caption) {
        return caption(caption, p.get("parse_mode"));
    }

    private static String caption(Object caption, Object parseMode) {
        if (caption == null) {
            return null;
        }
        String text = String.valueOf(caption);
        String plain = text;
        if ("HTML".equalsIgnoreCase(String.valueOf(parseMode))) {
            String problem = html(text);
            if (problem != null) {
                return "Bad Request: can't parse entities: " + problem;
            }
            plain = plainText(text);
        }
        if (plain.length() > CAPTION_MAX) {
            return "Bad Request: message caption is too long";
        }
        return null;
    }

    /** editMessageMedia's {@code media}: an InputMedia JSON whose attach://name has a matching file part. */
    @SuppressWarnings("unchecked")
    private static String media(Map<String, Object> p) {
        Object raw = p.get("media");
        if (raw == null) {
            return "Bad Request: media is empty";
        }
        Map<String, Object> m;
        try {
            m = raw instanceof String s ? JSON.readValue(s, Map.class) : (Map<String, Object>) raw;
        } catch (Exception e) {
            return "Bad Request: can't parse InputMedia JSON object";
        }
        Object type = m.get("type");
        if (!Set.of("photo", "document", "video", "animation", "audio").contains(String.valueOf(type))) {
            return "Bad Request: unsupported media type";
        }
        String media = String.valueOf(m.get("media"));
        if (media.startsWith("attach://")) {
            Object part = p.get(media.substring("attach://".length()));
            if (!(part instanceof FakeTelegramServer.Upload u) || u.bytes().length == 0) {
                return "Bad Request: can't find attached file \"" + media.substring(9) + "\"";
            }
            int max = "photo".equals(type) ? PHOTO_MAX : DOCUMENT_MAX;
            if (u.bytes().length > max) {
                return "Bad Request: file is too big";
            }
            if ("photo".equals(type)) {
                String problem = photo(u);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (media.isBlank() || media.equals("null")) {
            return "Bad Request: media is empty";
        }
        return caption(m.get("caption"), m.get("parse_mode"));
    }

    private static String firstOf(String... problems) {
        for (String s : problems) {
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String required(Map<String, Object> p, String field) {
        Object v = p.get(field);
        return v == null || String.valueOf(v).isBlank() ? "Bad Request: " + field + " is empty" : null;
    }

    private static String length(Map<String, Object> p, String field, int min, int max) {
        Object v = p.get(field);
        int n = v == null ? 0 : String.valueOf(v).length();
        return n < min || n > max ? "Bad Request: " + field + " must be " + min + "-" + max + " characters" : null;
    }

    private static String text(Map<String, Object> p) {
        Object t = p.get("text");
        if (t == null) {
            return "Bad Request: message text is empty";
        }
        String text = String.valueOf(t);
        String plain = text;
        if ("HTML".equalsIgnoreCase(String.valueOf(p.get("parse_mode")))) {
            String problem = html(text);
            if (problem != null) {
                return "Bad Request: can't parse entities: " + problem;
            }
            plain = plainText(text);
        }
        if (plain.isBlank()) {
            return "Bad Request: message text is empty";
        }
        if (plain.length() > MessageSplitter.TELEGRAM_LIMIT) {
            return "Bad Request: message is too long";
        }
        return null;
    }

    /** Null when Telegram's HTML parser accepts the text, else what it would complain about. */
    public static String html(String s) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(s);
                if (!m.find(i) || m.start() != i) {
                    return "unsupported start tag or unescaped \"<\" at byte offset " + i;
                }
                String name = m.group(2).toLowerCase();
                if (!TAGS.contains(name)) {
                    return "unsupported start tag \"" + name + "\" at byte offset " + i;
                }
                if (m.group(1).isEmpty()) {
                    if (name.equals("span") && !m.group(3).contains("tg-spoiler")) {
                        return "tag \"span\" must have class \"tg-spoiler\" at byte offset " + i;
                    }
                    if (name.equals("a") && !m.group(3).contains("href=")) {
                        return "tag \"a\" needs an href at byte offset " + i;
                    }
                    if (!open.isEmpty() && (open.peek().equals("code") || open.peek().equals("pre"))
                            && !(open.peek().equals("pre") && name.equals("code"))) {
                        return "tags can't be nested in \"" + open.peek() + "\" at byte offset " + i;
                    }
                    open.push(name);
                } else {
                    if (!m.group(3).isBlank()) {
                        return "end tag with attributes at byte offset " + i;
                    }
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        return "can't find end tag corresponding to start tag \"" + (open.isEmpty() ? name
                                : open.peek()) + "\"";
                    }
                    open.pop();
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(s);
                if (!m.find(i) || m.start() != i) {
                    return "unescaped \"&\" (or an unsupported entity) at byte offset " + i;
                }
                i = m.end();
            } else if (c == '>') {
                return "unescaped \">\" at byte offset " + i;
            } else {
                i++;
            }
        }
        if (!open.isEmpty()) {
            return "can't find end tag corresponding to start tag \"" + open.peek() + "\"";
        }
        return null;
    }

    /** The text as the user sees it: tags removed, entities decoded (for the length rule). */
    static String plainText(String html) {
        String noTags = TAG.matcher(html).replaceAll("");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static String markup(Map<String, Object> p) {
        Object markup = p.get("reply_markup");
        if (markup == null) {
            return null;
        }
        Map<String, Object> m;
        try {
            m = markup instanceof String s ? JSON.readValue(s, Map.class) : (Map<String, Object>) markup;
        } catch (Exception e) {
            return "Bad Request: can't parse reply keyboard markup JSON object";
        }
        Object rows = m.get("inline_keyboard");
        if (rows == null) {
            return null; // other keyboard kinds: not used by the bot
        }
        if (!(rows instanceof List<?> rl)) {
            return "Bad Request: field \"inline_keyboard\" must be an Array";
        }
        for (Object row : rl) {
            if (!(row instanceof List<?> buttons)) {
                return "Bad Request: inline keyboard row must be an Array";
            }
            for (Object b : buttons) {
                Map<String, Object> button = (Map<String, Object>) b;
                Object text = button.get("text");
                if (text == null || String.valueOf(text).isEmpty()) {
                    return "Bad Request: text buttons are unallowed in the inline keyboard";
                }
                List<String> actions = new ArrayList<>(button.keySet());
                actions.removeAll(List.of("text", "style"));
                if (actions.size() != 1) {
                    return "Bad Request: inline keyboard button must have exactly one action";
                }
                Object data = button.get("callback_data");
                if (data != null) {
                    int bytes = String.valueOf(data).getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        return "Bad Request: BUTTON_DATA_INVALID";
                    }
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String commands(Object commands) {
        if (!(commands instanceof List<?> list) || list.size() > 100) {
            return "Bad Request: commands must be an Array of at most 100 BotCommand";
        }
        for (Object o : list) {
            Map<String, Object> c = (Map<String, Object>) o;
            String name = String.valueOf(c.get("command"));
            String description = String.valueOf(c.get("description"));
            if (!COMMAND.matcher(name).matches()) {
                return "Bad Request: BOT_COMMAND_INVALID";
            }
            if (c.get("description") == null || description.isEmpty() || description.length() > 256) {
                return "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID";
            }
        }
        return null;
    }
}
