package dev.podbot.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Reads updates one by one. TelegramBots 10.2.0 deserialises a whole getUpdates batch at once, so one update it
 * cannot read (a missing required field, a message with {@code date: 0}, a field Telegram added) fails the batch,
 * and its poller retries the same offset for ever. Here each update goes through exactly the library's own
 * deserialisation on its own; one that fails is skipped: logged with its id and the path of the field that failed
 * (never its body), counted in {@code podbot_updates_skipped_total}, and replaced by a bare
 * {@code {"update_id": N}} so the poller still advances its offset past it.
 */
@ApplicationScoped
public class UpdateParser {

    static final String SKIPPED_METRIC = "podbot.updates.skipped";
    private static final ObjectMapper JSON = TelegramApi.objectMapper();

    @Inject
    MeterRegistry registry;

    private volatile Counter skipped;

    UpdateParser() {
        // CDI
    }

    /** For plain tests. */
    UpdateParser(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One update from its JSON, or empty when TelegramBots cannot read it (then it is logged and counted). */
    public Optional<Update> parse(JsonNode node, String source) {
        try {
            List<Update> one = new GetUpdates().deserializeResponse(
                    "{\"ok\":true,\"result\":[" + JSON.writeValueAsString(node) + "]}");
            if (one.size() == 1 && one.get(0) != null && one.get(0).getUpdateId() != null) {
                return Optional.of(one.get(0));
            }
            skip(node, source, "no update_id");
        } catch (Exception e) {
            skip(node, source, reason(e));
        }
        return Optional.empty();
    }

    /** Parses a raw update body (webhook); empty when it cannot be read. */
    public Optional<Update> parse(byte[] body, String source) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            count();
            Log.warnf("Skipped a %s update that is not a JSON object", source);
            return Optional.empty();
        }
        return parse(node, source);
    }

    /**
     * Rewrites a getUpdates response so that TelegramBots can read all of it: every update it cannot read is
     * replaced by {@code {"update_id": N}}. Returns null when the body is not a successful getUpdates answer (the
     * library then handles it as before).
     */
    String sanitize(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
            return null;
        }
        ArrayNode result = (ArrayNode) root.path("result");
        boolean changed = false;
        for (int i = 0; i < result.size(); i++) {
            JsonNode u = result.get(i);
            if (parse(u, "polled").isEmpty()) {
                ObjectNode stub = JSON.createObjectNode();
                if (u.path("update_id").canConvertToInt()) {
                    stub.put("update_id", u.path("update_id").asInt());
                    result.set(i, stub);
                } else {
                    result.remove(i--);
                }
                changed = true;
            }
        }
        if (!changed) {
            return body;
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void skip(JsonNode node, String source, String reason) {
        count();
        JsonNode id = node == null ? null : node.get("update_id");
        Log.warnf("Skipped %s update %s: TelegramBots cannot read it (%s)", source,
                id != null && id.canConvertToLong() ? id.asText() : "without an id", reason);
    }

    private void count() {
        Counter c = skipped;
        if (c == null) {
            c = Counter.builder(SKIPPED_METRIC).description("Telegram updates skipped because they could not be read")
                    .register(registry);
            skipped = c;
        }
        c.increment();
    }

    /** The exception type and the JSON path of the failing field: names only, never values. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof JsonMappingException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            List<String> path = new ArrayList<>();
            List<JsonMappingException.Reference> refs = m.getPath();
            // the first two steps are the wrapper this class adds around the update: result[0]
            for (JsonMappingException.Reference r : refs.subList(Math.min(2, refs.size()), refs.size())) {
                path.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
            }
            return m.getClass().getSimpleName() + (path.isEmpty() ? "" : " at " + String.join(".", path));
        }
        return (t == null ? e : t).getClass().getSimpleName();
    }
}
