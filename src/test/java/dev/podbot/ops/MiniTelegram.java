package dev.podbot.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small fake of the Telegram Bot API (JDK HttpServer) for the operations tests: serves
 * {@code /bot<token>/<method>} case-insensitively, long-polls {@code getUpdates} from a queue (at most one second per
 * call), records what the bot sends and counts calls per method. A wrong token gets 401 like the real API.
 */
final class MiniTelegram implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String token;
    private final HttpServer server;
    private final List<JsonNode> updates = new ArrayList<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Integer> forcedStatus = new ConcurrentHashMap<>();
    /** Bodies of sendMessage/editMessageText calls, in order. */
    final List<JsonNode> sent = new CopyOnWriteArrayList<>();

    MiniTelegram(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "mini-telegram");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int calls(String method) {
        AtomicInteger n = calls.get(method.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    /** Answers every call of {@code method} with this HTTP status and an ok=false body. */
    void failWith(String method, int status) {
        forcedStatus.put(method.toLowerCase(Locale.ROOT), status);
    }

    /** Queues a private text message from user {@code chatId} (with a bot_command entity when it starts with /). */
    void userSays(long chatId, String text) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode message = update.putObject("message");
        message.put("message_id", nextMessageId.incrementAndGet());
        message.put("date", System.currentTimeMillis() / 1000);
        message.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Ann");
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Ann");
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        synchronized (updates) {
            update.put("update_id", nextUpdateId.getAndIncrement());
            updates.add(update);
            updates.notifyAll();
        }
    }

    /** Texts sent to a chat so far. */
    List<String> textsTo(long chatId) {
        return sent.stream().filter(b -> String.valueOf(chatId).equals(b.path("chat_id").asText()))
                .map(b -> b.path("text").asText()).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            Integer forced = forcedStatus.get(method);
            if (forced != null) {
                reply(ex, forced, "{\"ok\":false,\"error_code\":" + forced + ",\"description\":\"Forced\"}");
                return;
            }
            JsonNode body = readBody(ex.getRequestBody());
            switch (method) {
                case "getme" -> reply(ex, 200, "{\"ok\":true,\"result\":{\"id\":4242,\"is_bot\":true,"
                        + "\"first_name\":\"Pod test\",\"username\":\"pod_test_bot\"}}");
                case "getupdates" -> reply(ex, 200, "{\"ok\":true,\"result\":" + takeUpdates(body) + "}");
                case "sendmessage", "editmessagetext" -> {
                    sent.add(body);
                    ObjectNode msg = JSON.createObjectNode();
                    msg.put("message_id", body.has("message_id") ? body.get("message_id").asInt()
                            : nextMessageId.incrementAndGet());
                    msg.put("date", System.currentTimeMillis() / 1000);
                    msg.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                    msg.put("text", body.path("text").asText());
                    reply(ex, 200, "{\"ok\":true,\"result\":" + msg + "}");
                }
                default -> reply(ex, 200, "{\"ok\":true,\"result\":true}");
            }
        }
    }

    private String takeUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        synchronized (updates) {
            while (true) {
                List<JsonNode> out = updates.stream().filter(u -> u.get("update_id").asLong() >= offset).toList();
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || left <= 0) {
                    return JSON.valueToTree(out).toString();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(updates, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "[]";
                }
            }
        }
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return JSON.createObjectNode(); // multipart (setWebhook) or form bodies: not needed here
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
