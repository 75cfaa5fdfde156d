package dev.podbot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Telegram Bot API server for tests (JDK HttpServer on a random local port). Serves
 * {@code /bot<token>/<method>} (method names case-insensitive; JSON, form and multipart bodies; chat_id as string
 * or number), long-polls getUpdates from a queue that tests fill, records every call, stores the messages the
 * bot sends (with ids and non-zero dates) and can answer chosen calls with 429/403/5xx.
 *
 * <p>Every request is checked against the Bot API's rules ({@link BotApiRules}): one the real API would refuse is
 * answered 400 like Telegram does and kept in {@link #violations()}, so every test that uses the fake checks that
 * what the bot sends is valid.
 */
public final class FakeTelegramServer implements AutoCloseable {

    /** Looks like a real token (digits, colon, 35 characters), so log redaction is tested for real. */
    public static final String DEFAULT_TOKEN = "7000000001:ZZF4k3-t0ken_For-Tests_0123456789abc";
    public static final long BOT_ID = 7000000001L;
    public static final String BOT_USERNAME = "podpoint_test_bot";
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/(?:test/)?([A-Za-z]+)/?$");
    private static final long MAX_POLL_MILLIS = 1500;

    /**
     * One recorded API call; {@code messageId} is the id of the message a successful sendMessage/editMessageText
     * created or changed (0 for other calls).
     */
    public record Call(String method, Map<String, Object> params, int status, long atNanos, int messageId) {
        public String chatId() {
            Object c = params.get("chat_id");
            return c == null ? null : String.valueOf(c);
        }

        public boolean isFor(long chat) {
            return String.valueOf(chat).equals(chatId());
        }

        public String text() {
            Object t = params.get("text");
            return t == null ? null : String.valueOf(t);
        }

        public boolean ok() {
            return status == 200;
        }

        /** The caption of a sendPhoto/sendDocument call (editMessageMedia: the caption inside {@code media}). */
        public String caption() {
            Object c = params.get("caption");
            if (c == null && params.get("media") instanceof String m) {
                try {
                    com.fasterxml.jackson.databind.JsonNode n = new ObjectMapper().readTree(m);
                    return n.hasNonNull("caption") ? n.get("caption").asText() : null;
                } catch (IOException e) {
                    return null;
                }
            }
            return c == null ? null : String.valueOf(c);
        }

        /**
         * The file uploaded with this call: the {@code photo} or {@code document} part, or for editMessageMedia the
         * part its {@code media} names ({@code attach://name}); null when none came.
         */
        public Upload upload() {
            for (Object v : params.values()) {
                if (v instanceof Upload u) {
                    return u;
                }
            }
            return null;
        }
    }

    /** A file part of a multipart request: its field, file name, content type and bytes. */
    public record Upload(String field, String fileName, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return "Upload[" + field + ", " + fileName + ", " + bytes.length + " bytes]";
        }
    }

    /** Methods that put a message with a file into a chat. */
    static final java.util.Set<String> MEDIA_METHODS = java.util.Set.of("sendphoto", "senddocument", "editmessagemedia");

    private record Fault(String method, String chatId, int status, String description, Integer retryAfter) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Map<Integer, ObjectNode>> botMessages = new HashMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(500);
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();
    private volatile Map<String, Object> webhook;
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean garbledUpdates;

    public FakeTelegramServer() {
        this(DEFAULT_TOKEN);
    }

    public FakeTelegramServer(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String token() {
        return token;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ control API: what users do

    /** A user writes in a private chat (user id = chat id); "/cmd" texts get a bot_command entity. */
    public int userText(long chatId, String text) {
        return userText(chatId, chatId, "private", text);
    }

    public int userText(long chatId, long userId, String chatType, String text) {
        int mid = nextMessageId.incrementAndGet();
        ObjectNode msg = baseMessage(mid, chatId, chatType);
        msg.set("from", user(userId, false));
        msg.put("text", text);
        if (text.startsWith("/")) {
            int len = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            ArrayNode entities = msg.putArray("entities");
            entities.addObject().put("offset", 0).put("length", len).put("type", "bot_command");
        }
        enqueue("message", msg);
        return mid;
    }

    /** A user sends a sticker (a message without text). */
    public int userSticker(long chatId) {
        int mid = nextMessageId.incrementAndGet();
        ObjectNode msg = baseMessage(mid, chatId, "private");
        msg.set("from", user(chatId, false));
        ObjectNode sticker = msg.putObject("sticker");
        sticker.put("file_id", "sticker-1").put("file_unique_id", "s1").put("type", "regular").put("width", 512)
                .put("height", 512).put("is_animated", false).put("is_video", false);
        enqueue("message", msg);
        return mid;
    }

    /** A user presses a button on a message the bot sent earlier (it must have been recorded here). */
    public String pressButton(long chatId, int botMessageId, String data) {
        ObjectNode stored;
        lock.lock();
        try {
            stored = botMessages.getOrDefault(String.valueOf(chatId), Map.of()).get(botMessageId);
        } finally {
            lock.unlock();
        }
        if (stored == null) {
            throw new IllegalArgumentException("no bot message " + botMessageId + " in chat " + chatId);
        }
        int uid = nextUpdateId.get();
        String id = "cbq-" + uid;
        ObjectNode cq = mapper.createObjectNode();
        cq.put("id", id);
        cq.set("from", user(chatId, false));
        cq.set("message", stored.deepCopy());
        cq.put("chat_instance", "-" + chatId);
        cq.put("data", data);
        enqueue("callback_query", cq);
        return id;
    }

    /** The user blocks the bot in a private chat. */
    public void userBlocksBot(long chatId) {
        ObjectNode cmu = mapper.createObjectNode();
        cmu.set("chat", chat(chatId, "private"));
        cmu.set("from", user(chatId, false));
        cmu.put("date", now());
        cmu.putObject("old_chat_member").put("status", "member").set("user", user(BOT_ID, true));
        ObjectNode n = cmu.putObject("new_chat_member");
        n.put("status", "kicked").put("until_date", 0).set("user", user(BOT_ID, true));
        enqueue("my_chat_member", cmu);
    }

    /** Queues an update with an explicit update_id (to test duplicate delivery). */
    public void enqueueRaw(ObjectNode update) {
        lock.lock();
        try {
            updates.add(update);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A text-message update as JSON, without queueing it (for webhook tests). */
    public ObjectNode textUpdate(long chatId, String text) {
        int mid = nextMessageId.incrementAndGet();
        ObjectNode msg = baseMessage(mid, chatId, "private");
        msg.set("from", user(chatId, false));
        msg.put("text", text);
        if (text.startsWith("/")) {
            int len = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            msg.putArray("entities").addObject().put("offset", 0).put("length", len).put("type", "bot_command");
        }
        ObjectNode u = mapper.createObjectNode();
        u.put("update_id", nextUpdateId.getAndIncrement());
        u.set("message", msg);
        return u;
    }

    /** Queues an update of any kind (e.g. "callback_query") with the next update_id; returns that id. */
    public int enqueue(String kind, ObjectNode payload) {
        ObjectNode u = mapper.createObjectNode();
        int id = nextUpdateId.getAndIncrement();
        u.put("update_id", id);
        u.set(kind, payload);
        enqueueRaw(u);
        return id;
    }

    // ------------------------------------------------------------------ control API: faults

    /**
     * The next {@code times} calls of {@code method} (for {@code chatId}, or any chat when null) fail with the
     * given HTTP status and description; a retryAfter adds parameters.retry_after and a Retry-After header.
     */
    public void failNext(String method, Long chatId, int status, String description, Integer retryAfter, int times) {
        lock.lock();
        try {
            for (int i = 0; i < times; i++) {
                faults.add(new Fault(method.toLowerCase(Locale.ROOT), chatId == null ? null : chatId.toString(),
                        status, description, retryAfter));
            }
        } finally {
            lock.unlock();
        }
    }

    private final java.util.ArrayDeque<Long> recentSends = new java.util.ArrayDeque<>();
    private volatile int floodLimitPerSecond;

    /**
     * Flood control like Telegram's: more than {@code perSecond} sendMessage/editMessageText calls within any
     * second are answered 429 with retry_after 1. Off (0) by default.
     */
    public void enforceFloodLimit(int perSecond) {
        floodLimitPerSecond = perSecond;
    }

    private Fault floodControl() {
        int limit = floodLimitPerSecond;
        if (limit <= 0) {
            return null;
        }
        long now = System.nanoTime();
        synchronized (recentSends) {
            while (!recentSends.isEmpty() && now - recentSends.peekFirst() >= 1_000_000_000L) {
                recentSends.pollFirst();
            }
            if (recentSends.size() >= limit) {
                return new Fault("sendmessage", null, 429, "Too Many Requests: retry after 1", 1);
            }
            recentSends.addLast(now);
            return null;
        }
    }

    private volatile String outageMethod;
    private volatile long outageUntilNanos;

    /** Every call of {@code method} fails with 502 Bad Gateway for the given time from now (a server-side outage). */
    public void serverErrorFor(String method, Duration duration) {
        outageUntilNanos = System.nanoTime() + duration.toNanos();
        outageMethod = method.toLowerCase(Locale.ROOT);
    }

    private Fault outage(String method) {
        String m = outageMethod;
        if (m == null || !m.equals(method) || System.nanoTime() - outageUntilNanos >= 0) {
            return null;
        }
        return new Fault(m, null, 502, "Bad Gateway", null);
    }

    public void rateLimitNext(String method, Long chatId, int retryAfter) {
        failNext(method, chatId, 429, "Too Many Requests: retry after " + retryAfter, retryAfter, 1);
    }

    public void blockedNext(String method, Long chatId) {
        failNext(method, chatId, 403, "Forbidden: bot was blocked by the user", null, 1);
    }

    public void serverErrorNext(String method, Long chatId, int times) {
        failNext(method, chatId, 502, "Bad Gateway", null, times);
    }

    /** Requests the real Bot API would have refused (400), as "method: description"; empty when all were valid. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** While on, getUpdates answers 200 with a result that is no list of updates (a poller can't read it). */
    public void garbleGetUpdates(boolean on) {
        garbledUpdates = on;
    }

    /** Forgets recorded calls, violations and pending faults (between tests; queued updates and stored bot messages stay). */
    public void reset() {
        lock.lock();
        try {
            calls.clear();
            faults.clear();
            violations.clear();
            outageMethod = null;
        } finally {
            lock.unlock();
        }
    }

    /** The callback_data of every inline button of a recorded sendMessage/editMessageText call, row by row. */
    @SuppressWarnings("unchecked")
    public static List<String> buttonData(Call call) {
        Object markup = call.params().get("reply_markup");
        if (markup == null) {
            return List.of();
        }
        Map<String, Object> m;
        if (markup instanceof String s) {
            try {
                m = new ObjectMapper().readValue(s, Map.class);
            } catch (IOException e) {
                return List.of();
            }
        } else {
            m = (Map<String, Object>) markup;
        }
        List<String> out = new ArrayList<>();
        Object rows = m.get("inline_keyboard");
        if (rows instanceof List<?> rl) {
            for (Object row : rl) {
                for (Object b : (List<?>) row) {
                    Object d = ((Map<String, Object>) b).get("callback_data");
                    if (d != null) {
                        out.add(String.valueOf(d));
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ control API: what the bot did

    public List<Call> calls() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(m)).toList();
    }

    /** Successful sendMessage/editMessageText calls to a chat, in order. */
    public List<Call> messagesTo(long chatId) {
        return calls().stream().filter(c -> c.ok() && c.isFor(chatId)
                && (c.method().equals("sendmessage") || c.method().equals("editmessagetext"))).toList();
    }

    /** Waits until a call of the method matching the predicate is recorded. */
    public Call awaitCall(String method, Predicate<Call> p, Duration timeout) {
        return awaitCalls(method, p, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} matching calls are recorded; fails with what was seen otherwise. */
    public List<Call> awaitCalls(String method, Predicate<Call> p, int count, Duration timeout) {
        String m = method.toLowerCase(Locale.ROOT);
        long end = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Call> found = calls.stream().filter(c -> c.method().equals(m) && p.test(c)).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + method + " call(s), saw " + found.size()
                            + "; all calls: " + calls.stream().map(c -> c.method() + "(" + c.status() + ")").toList());
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        } finally {
            lock.unlock();
        }
    }

    /** The id of the newest message the bot sent (or edited) in a chat, or -1. */
    public int lastBotMessageId(long chatId) {
        lock.lock();
        try {
            return botMessages.getOrDefault(String.valueOf(chatId), Map.of()).keySet().stream()
                    .mapToInt(Integer::intValue).max().orElse(-1);
        } finally {
            lock.unlock();
        }
    }

    private final Map<Long, Long> handedOut = new java.util.concurrent.ConcurrentHashMap<>();

    /** The id of the update queued last (for a single thread that queues updates and then waits for replies). */
    public long lastUpdateId() {
        return nextUpdateId.get() - 1;
    }

    /** When an update was first handed out by getUpdates ({@link System#nanoTime()}), or null if not yet. */
    public Long handedOutAt(long updateId) {
        return handedOut.get(updateId);
    }

    public int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    public Map<String, Object> webhook() {
        return webhook;
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Matcher m = PATH.matcher(ex.getRequestURI().getRawPath());
            if (!m.matches()) {
                reply(ex, 404, error(404, "Not Found", null), null);
                return;
            }
            if (!m.group(1).equals(token)) {
                reply(ex, 401, error(401, "Unauthorized: invalid token specified", null), null);
                return;
            }
            String method = m.group(2).toLowerCase(Locale.ROOT);
            Map<String, Object> params = params(ex);
            String violation = BotApiRules.check(method, params);
            if (violation != null) {
                violations.add(method + ": " + violation);
                record(method, params, 400);
                reply(ex, 400, error(400, violation, null), null);
                return;
            }
            if (method.equals("getupdates") && garbledUpdates) {
                getUpdatesCalls.incrementAndGet();
                reply(ex, 200, ok(mapper.getNodeFactory().textNode("not a list of updates")), null);
                return;
            }
            Fault fault = takeFault(method, params);
            if (fault == null) {
                fault = outage(method);
            }
            if (fault == null && (method.equals("sendmessage") || method.equals("editmessagetext")
                    || MEDIA_METHODS.contains(method))) {
                fault = floodControl();
            }
            if (fault == null && method.equals("editmessagetext")) {
                fault = editFault(params);
            }
            if (method.equals("getupdates") && fault == null) {
                getUpdatesCalls.incrementAndGet();
                reply(ex, 200, ok(getUpdates(params)), null);
                return;
            }
            if (fault != null) {
                record(method, params, fault.status());
                ObjectNode params2 = null;
                if (fault.retryAfter() != null) {
                    params2 = mapper.createObjectNode().put("retry_after", fault.retryAfter());
                }
                reply(ex, fault.status(), error(fault.status(), fault.description(), params2),
                        fault.retryAfter() == null ? null : fault.retryAfter().toString());
                return;
            }
            JsonNode result = switch (method) {
                case "getme" -> user(BOT_ID, true).put("username", BOT_USERNAME).put("can_join_groups", true)
                        .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
                case "deletewebhook", "setmycommands", "answercallbackquery", "deletemessage",
                        "sendchataction" -> mapper.getNodeFactory().booleanNode(true);
                case "setwebhook" -> {
                    webhook = params;
                    yield mapper.getNodeFactory().booleanNode(true);
                }
                case "getwebhookinfo" -> mapper.createObjectNode()
                        .put("url", webhook == null ? "" : String.valueOf(webhook.get("url")))
                        .put("has_custom_certificate", false).put("pending_update_count", 0);
                case "sendmessage", "editmessagetext" -> storeMessage(method, params);
                case "sendphoto", "senddocument", "editmessagemedia" -> storeMedia(method, params);
                default -> null;
            };
            if (result != null && result.isTextual()) {
                // a refusal that depends on the stored messages (editing the media of a text message): Telegram's
                // answer, but not a malformed request, so not a violation
                record(method, params, 400);
                reply(ex, 400, error(400, result.asText(), null), null);
                return;
            }
            if (result == null) {
                record(method, params, 404);
                reply(ex, 404, error(404, "Not Found: method not found", null), null);
                return;
            }
            int mid = result.isObject() && result.has("message_id") && !method.equals("getme")
                    ? result.get("message_id").asInt() : 0;
            record(method, params, 200, mid);
            reply(ex, 200, ok(result), null);
        } catch (RuntimeException e) {
            reply(ex, 500, error(500, "Internal Server Error: " + e.getClass().getSimpleName(), null), null);
        }
    }

    /**
     * As Telegram: an edit that changes neither the text nor the buttons of a message is "message is not modified".
     */
    private Fault editFault(Map<String, Object> params) {
        String chatId = String.valueOf(params.get("chat_id"));
        ObjectNode old;
        lock.lock();
        try {
            old = botMessages.getOrDefault(chatId, Map.of()).get(
                    (int) asLong(params.get("message_id"), -1));
        } finally {
            lock.unlock();
        }
        if (old == null) {
            return null; // (Telegram says "message to edit not found"; tests edit messages they made up)
        }
        Object markup = params.get("reply_markup");
        JsonNode newMarkup = markup == null ? null : markup instanceof String ms ? parse(ms) : mapper.valueToTree(markup);
        boolean sameText = old.path("text").asText().equals(String.valueOf(params.getOrDefault("text", "")));
        boolean sameMarkup = java.util.Objects.equals(old.get("reply_markup"), newMarkup);
        if (sameText && sameMarkup) {
            return new Fault("editmessagetext", chatId, 400, "Bad Request: message is not modified: specified new message content and reply "
                    + "markup are exactly the same as a current content and reply markup of the message", null);
        }
        return null;
    }

    /** Adds the request's reply markup to a message the bot sent and keeps it (for later edits); returns it. */
    private ObjectNode remember(String chatId, int mid, ObjectNode msg, Map<String, Object> params) {
        Object markup = params.get("reply_markup");
        if (markup != null) {
            msg.set("reply_markup", markup instanceof String s ? parse(s) : mapper.valueToTree(markup));
        }
        lock.lock();
        try {
            botMessages.computeIfAbsent(chatId, k -> new HashMap<>()).put(mid, msg);
        } finally {
            lock.unlock();
        }
        return msg;
    }

    private ObjectNode storeMessage(String method, Map<String, Object> params) {
        String chatId = String.valueOf(params.get("chat_id"));
        int mid = method.equals("editmessagetext") ? Integer.parseInt(String.valueOf(params.get("message_id")))
                : nextMessageId.incrementAndGet();
        long chat = Long.parseLong(chatId);
        ObjectNode msg = baseMessage(mid, chat, chat < 0 ? "group" : "private");
        msg.set("from", user(BOT_ID, true).put("username", BOT_USERNAME));
        msg.put("text", String.valueOf(params.getOrDefault("text", "")));
        return remember(chatId, mid, msg, params);
    }

    /**
     * A photo or document message (sendPhoto, sendDocument), or new media for a stored one (editMessageMedia, which
     * Telegram refuses for a message without media). Answers a text node with the refusal when Telegram would refuse.
     */
    private JsonNode storeMedia(String method, Map<String, Object> params) {
        String chatId = String.valueOf(params.get("chat_id"));
        long chat = Long.parseLong(chatId);
        String kind;
        Object caption;
        int mid;
        if (method.equals("editmessagemedia")) {
            JsonNode media = parse(String.valueOf(params.get("media")));
            kind = media.path("type").asText();
            caption = media.hasNonNull("caption") ? media.get("caption").asText() : null;
            mid = Integer.parseInt(String.valueOf(params.get("message_id")));
            lock.lock();
            try {
                ObjectNode old = botMessages.getOrDefault(chatId, Map.of()).get(mid);
                if (old == null) {
                    return mapper.getNodeFactory().textNode("Bad Request: message to edit not found");
                }
                if (!old.has("photo") && !old.has("document")) {
                    return mapper.getNodeFactory().textNode("Bad Request: there is no media in the message to edit");
                }
            } finally {
                lock.unlock();
            }
        } else {
            kind = method.equals("sendphoto") ? "photo" : "document";
            caption = params.get("caption");
            mid = nextMessageId.incrementAndGet();
        }
        ObjectNode msg = baseMessage(mid, chat, chat < 0 ? "group" : "private");
        msg.set("from", user(BOT_ID, true).put("username", BOT_USERNAME));
        Upload up = null;
        for (Object v : params.values()) {
            if (v instanceof Upload u) {
                up = u;
            }
        }
        String fileId = "file-" + mid + "-" + nextUpdateId.get();
        if (kind.equals("photo")) {
            ArrayNode sizes = msg.putArray("photo");
            sizes.addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId).put("width", 1200)
                    .put("height", 800).put("file_size", up == null ? 0 : up.bytes().length);
        } else {
            msg.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
                    .put("file_name", up == null ? "file" : up.fileName())
                    .put("mime_type", up == null ? "application/octet-stream" : up.contentType())
                    .put("file_size", up == null ? 0 : up.bytes().length);
        }
        if (caption != null) {
            msg.put("caption", String.valueOf(caption));
        }
        return remember(chatId, mid, msg, params);
    }

    private JsonNode parse(String s) {
        try {
            return mapper.readTree(s);
        } catch (IOException e) {
            return mapper.getNodeFactory().textNode(s);
        }
    }

    private ArrayNode getUpdates(Map<String, Object> params) {
        long offset = asLong(params.get("offset"), 0);
        int limit = (int) asLong(params.get("limit"), 100);
        long timeoutMillis = Math.min(MAX_POLL_MILLIS, asLong(params.get("timeout"), 0) * 1000);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (true) {
                // an update is confirmed once getUpdates asks for an offset above its id
                updates.removeIf(u -> u.get("update_id").asLong() < offset);
                if (!updates.isEmpty()) {
                    break;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
            ArrayNode out = mapper.createArrayNode();
            Iterator<ObjectNode> it = updates.iterator();
            long now = System.nanoTime();
            while (it.hasNext() && out.size() < limit) {
                ObjectNode u = it.next();
                handedOut.putIfAbsent(u.get("update_id").asLong(), now);
                out.add(u);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return mapper.createArrayNode();
        } finally {
            lock.unlock();
        }
    }

    private Fault takeFault(String method, Map<String, Object> params) {
        String chatId = params.get("chat_id") == null ? null : String.valueOf(params.get("chat_id"));
        lock.lock();
        try {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext();) {
                Fault f = it.next();
                if (f.method().equals(method) && (f.chatId() == null || f.chatId().equals(chatId))) {
                    it.remove();
                    return f;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void record(String method, Map<String, Object> params, int status) {
        record(method, params, status, 0);
    }

    private void record(String method, Map<String, Object> params, int status, int messageId) {
        lock.lock();
        try {
            calls.add(new Call(method, Map.copyOf(params), status, System.nanoTime(), messageId));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Object> params(HttpExchange ex) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            out.putAll(form(query));
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            return out;
        }
        String ctype = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        if (ctype.contains("json")) {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
            }
        } else if (ctype.contains("multipart/form-data")) {
            out.putAll(multipart(body, ex.getRequestHeaders().getFirst("Content-Type")));
        } else {
            out.putAll(form(new String(body, StandardCharsets.UTF_8)));
        }
        out.remove("method");
        return out;
    }

    private Object value(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return mapper.convertValue(v, Object.class);
    }

    private static Map<String, Object> form(String s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static Map<String, Object> multipart(byte[] body, String contentType) {
        Map<String, Object> out = new LinkedHashMap<>();
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!b.find()) {
            return out;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : text.split("--" + Pattern.quote(b.group(1)))) {
            int sep = part.indexOf("\r\n\r\n");
            if (sep < 0) {
                continue;
            }
            String headers = part.substring(0, sep);
            Matcher name = Pattern.compile("[; ]name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            String value = part.substring(sep + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            if (file.find()) {
                Matcher type = Pattern.compile("(?i)content-type:\\s*([^\r\n]+)").matcher(headers);
                out.put(name.group(1), new Upload(name.group(1),
                        new String(file.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                        type.find() ? type.group(1).trim() : "application/octet-stream",
                        value.getBytes(StandardCharsets.ISO_8859_1)));
                continue;
            }
            out.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private void reply(HttpExchange ex, int status, JsonNode body, String retryAfter) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode n = mapper.createObjectNode();
        n.put("ok", true);
        n.set("result", result);
        return n;
    }

    private ObjectNode error(int code, String description, ObjectNode parameters) {
        ObjectNode n = mapper.createObjectNode();
        n.put("ok", false);
        n.put("error_code", code);
        n.put("description", description);
        if (parameters != null) {
            n.set("parameters", parameters);
        }
        return n;
    }

    private ObjectNode baseMessage(int mid, long chatId, String chatType) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("message_id", mid);
        msg.put("date", now());
        msg.set("chat", chat(chatId, chatType));
        return msg;
    }

    private ObjectNode chat(long chatId, String type) {
        ObjectNode c = mapper.createObjectNode().put("id", chatId).put("type", type);
        if (type.equals("private")) {
            c.put("first_name", "Ann");
        } else {
            c.put("title", "Garage");
        }
        return c;
    }

    private ObjectNode user(long id, boolean bot) {
        return mapper.createObjectNode().put("id", id).put("is_bot", bot).put("first_name", bot ? "PodBot" : "Ann");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static long asLong(Object o, long dflt) {
        if (o == null) {
            return dflt;
        }
        try {
            return Long.parseLong(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

}
