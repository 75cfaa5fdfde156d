package dev.podbot.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Reads updates one by one. TelegramBots 10.2.0 deserialises a whole getUpdates batch at once, so one update it
 * cannot read (a missing required field, a message with {@code date: 0}, a field Telegram added) fails the batch,
 * and its poller retries the same offset for ever. Here each update goes through exactly the library's own
 * deserialisation (its mapper) on its own; one that fails is skipped: logged with its id and the path of the field
 * that failed (never its body), counted in {@code podbot_updates_skipped_total}, and replaced by a bare update with
 * only its id so the poller still advances its offset past it. Long polling reads each answer once this way
 * ({@link EachUpdateGetUpdates}).
 */
@ApplicationScoped
public class UpdateParser {

    static final String SKIPPED_METRIC = "podbot.updates.skipped";
    private static final ObjectMapper JSON = TelegramApi.objectMapper();
    private static final ObjectMapper LIBRARY = EachUpdateGetUpdates.LIBRARY_MAPPER;

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

    /**
     * One update from its JSON, or empty when TelegramBots cannot read it (then it is logged and counted). It is read
     * by the library's own mapper straight from the tree, as the library reads the updates of a getUpdates answer.
     */
    public Optional<Update> parse(JsonNode node, String source) {
        try {
            Update u = LIBRARY.treeToValue(node, Update.class);
            if (u != null && u.getUpdateId() != null) {
                return Optional.of(u);
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
     * Every update of a getUpdates answer, each read on its own: one TelegramBots cannot read is replaced by a bare
     * {@code Update} with only its id (so the poller still moves its offset past it), or left out when it has no
     * usable id. Returns null when the body is not a successful getUpdates answer (the library then reads it and
     * raises its usual error).
     */
    ArrayList<Update> readAll(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
            return null;
        }
        ArrayList<Update> out = new ArrayList<>(root.path("result").size());
        for (JsonNode u : root.path("result")) {
            Optional<Update> read = parse(u, "polled");
            if (read.isPresent()) {
                out.add(read.get());
            } else if (u.path("update_id").canConvertToInt()) {
                Update stub = new Update();
                stub.setUpdateId(u.path("update_id").asInt());
                out.add(stub);
            }
        }
        return out;
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
            for (JsonMappingException.Reference r : refs) {
                path.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
            }
            return m.getClass().getSimpleName() + (path.isEmpty() ? "" : " at " + String.join(".", path));
        }
        return (t == null ? e : t).getClass().getSimpleName();
    }
}
