package dev.podbot.podpoint;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.logging.Log;

/**
 * Reading and writing Pod Point JSON, for both API generations: a lenient mapper (unknown properties ignored),
 * replies parsed into trees, arrays read element by element (one unreadable element is skipped, not fatal), and
 * error bodies redacted and truncated before they reach an exception.
 */
@ApplicationScoped
public class PodPointJson {

    private static final int BODY_LIMIT = 300;

    private final ObjectMapper json = objectMapper();

    @Inject
    PodPointHttp http;

    /** The lenient mapper every reply is read with (unknown properties ignored); tests read fixtures with it. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndAddModules()
                .build();
    }

    public ObjectMapper mapper() {
        return json;
    }

    /** The reply when it is 200 (or another 2xx with a body), else the API error. */
    public JsonNode ok(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        if (r.status() != 200 && !(r.is2xx() && !blank(r.body()))) {
            throw apiError(endpoint, r, s);
        }
        return parse(endpoint, r);
    }

    /** Like {@link #ok} but any JSON value (Pod Home answers bare arrays). */
    public JsonNode okAny(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        if (r.status() != 200 && !(r.is2xx() && !blank(r.body()))) {
            throw apiError(endpoint, r, s);
        }
        return parseAny(endpoint, r);
    }

    public PodPointApiException apiError(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        return new PodPointApiException(endpoint, r.status(), redact(r.body(), s, null));
    }

    /** A JSON object, else a {@link PodPointApiException}. */
    public JsonNode parse(String endpoint, PodPointHttp.Result r) {
        JsonNode node = parseAny(endpoint, r);
        if (!node.isObject()) {
            throw new PodPointApiException(endpoint, r.status(), null, "the reply is not a JSON object");
        }
        return node;
    }

    public JsonNode parseAny(String endpoint, PodPointHttp.Result r) {
        if (blank(r.body())) {
            throw new PodPointApiException(endpoint, r.status(), null, "the reply is empty");
        }
        try {
            JsonNode node = json.readTree(r.body());
            if (node == null || node.isMissingNode()) {
                throw new PodPointApiException(endpoint, r.status(), null, "the reply is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PodPointApiException(endpoint, r.status(), null, "the reply is not valid JSON");
        }
    }

    public <T> T convert(String endpoint, PodPointHttp.Result r, JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PodPointApiException(endpoint, r.status(), null,
                    "the reply does not look like a " + type.getSimpleName());
        }
    }

    /** Reads an array element by element: one unreadable element is skipped (with a warning), not fatal. */
    public <T> List<T> readList(JsonNode array, Class<T> type, String endpoint) {
        if (array == null || array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new PodPointApiException(endpoint, 200, null, "expected a list of " + type.getSimpleName());
        }
        List<T> out = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : (ArrayNode) array) {
            try {
                T v = json.treeToValue(n, type);
                if (v != null) {
                    out.add(v);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                Log.warnf("Skipping an unreadable %s (#%d) in %s", type.getSimpleName(), i, endpoint);
            }
            i++;
        }
        return out;
    }

    public String write(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    /** Truncates a body for an exception and blanks out anything secret that an error page might echo. */
    public String redact(String body, PodPointSession s, String extraToken) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String b = body.length() > BODY_LIMIT ? body.substring(0, BODY_LIMIT) + "…" : body;
        List<String> secrets = new ArrayList<>();
        secrets.add(http.apiKey());
        secrets.add(extraToken);
        if (s != null) {
            secrets.add(s.email());
            secrets.add(s.password());
            secrets.add(s.idToken());
            secrets.add(s.refreshToken());
        }
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                b = b.replace(secret, "***");
            }
        }
        return b;
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
