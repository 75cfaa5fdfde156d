package dev.podbot.podpoint.legacy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.podpoint.ChargerReads;
import dev.podbot.podpoint.PodPointApiException;
import dev.podbot.podpoint.PodPointAuth;
import dev.podbot.podpoint.PodPointHttp;
import dev.podbot.podpoint.PodPointJson;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;
import io.quarkus.logging.Log;

/**
 * The legacy generation of Pod Point's mobile API ({@code /api3/v5}, API doc §1–§7): pods, charges, schedules,
 * overrides, firmware and connectivity. Sign-in and the 401 ladder are {@link PodPointAuth}'s job, JSON is
 * {@link PodPointJson}'s; this class only knows the legacy endpoints. Reads (GET) are retried 3 times with backoff
 * on 5xx and timeouts; writes are never resent, except after a 401 (the server refused them, so nothing happened).
 */
@ApplicationScoped
public class LegacyPodPointClient implements ChargerReads {

    static final int PODS_PER_PAGE = 50;
    static final int CHARGES_PER_PAGE = 50;
    static final int MAX_PAGES = 500;
    static final Duration MAX_BOOST = Duration.ofHours(24);
    /** Python's {@code %Y-%m-%dT%H:%M:%S%z}, in UTC: 2026-04-25T09:35:34+0000. */
    public static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    // Endpoint templates: metrics, logs and errors never show real ids.
    public static final String EP_PODS = "GET /users/{id}/pods";
    static final String EP_CHARGES = "GET /users/{id}/charges";
    static final String EP_SCHEDULES = "PUT /units/{id}/charge-schedules";
    static final String EP_GET_OVERRIDE = "GET /units/{id}/charge-override";
    static final String EP_PUT_OVERRIDE = "PUT /units/{id}/charge-override";
    static final String EP_DELETE_OVERRIDE = "DELETE /units/{id}/charge-override";
    static final String EP_FIRMWARE = "GET /units/{id}/firmware";
    static final String EP_USER = "GET /auth";
    static final String EP_CONNECTIVITY = "GET /chargers/{ppid}/connectivity-status";

    @Inject
    PodPointHttp http;

    @Inject
    PodPointAuth auth;

    @Inject
    PodPointJson codec;

    /** The lenient mapper every reply is read with; tests read fixtures with it. */
    public static ObjectMapper objectMapper() {
        return PodPointJson.objectMapper();
    }

    private ObjectMapper json() {
        return codec.mapper();
    }

    private PodPointHttp.Result authorised(PodPointSession s, String endpoint, boolean idempotent,
            Function<String, Response> call) {
        return auth.authorised(s, endpoint, idempotent, call);
    }

    private String userId(PodPointSession s) {
        return auth.userId(s);
    }

    private JsonNode ok(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        return codec.ok(endpoint, r, s);
    }

    private PodPointApiException apiError(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        return codec.apiError(endpoint, r, s);
    }

    private JsonNode parse(String endpoint, PodPointHttp.Result r, PodPointSession s) {
        return codec.parse(endpoint, r);
    }

    private <T> T convert(String endpoint, PodPointHttp.Result r, JsonNode node, Class<T> type) {
        return codec.convert(endpoint, r, node, type);
    }

    private <T> List<T> readList(JsonNode array, Class<T> type, String endpoint) {
        return codec.readList(array, type, endpoint);
    }

    private String write(Object node) {
        return codec.write(node);
    }

    private String redact(String body, PodPointSession s, String extra) {
        return codec.redact(body, s, extra);
    }

    private static boolean blank(String s) {
        return PodPointJson.blank(s);
    }

    static Pod requirePod(Pod pod) {
        if (pod == null) {
            throw new IllegalArgumentException("no pod given");
        }
        return pod;
    }

    // =====================================================================================================
    // reads

    /** One page of pods, with the given includes (comma-separated; empty leaves include out). */
    public List<Pod> pods(PodPointSession session, int page, int perPage, String includes) {
        if (page < 1 || perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("page must be >= 1 and perPage 1..100");
        }
        String uid = userId(session);
        String include = blank(includes) ? null : includes.replace(" ", "");
        PodPointHttp.Result r = authorised(session, EP_PODS, true,
                b -> http.api().pods(b, uid, perPage, page, include));
        JsonNode body = ok(EP_PODS, r, session);
        return readList(body.path("pods"), Pod.class, EP_PODS);
    }

    @Override
    public List<Pod> allPods(PodPointSession session, String includes) {
        Map<Long, Pod> all = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            List<Pod> pods = pods(session, page, PODS_PER_PAGE, includes);
            pods.forEach(p -> all.putIfAbsent(p.id(), p));
            if (pods.size() < PODS_PER_PAGE) {
                break;
            }
        }
        return List.copyOf(all.values());
    }

    @Override
    public ChargesPage charges(PodPointSession session, int page, int perPage) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("perPage must be between 1 and 100");
        }
        String uid = userId(session);
        PodPointHttp.Result r = authorised(session, EP_CHARGES, true, b -> http.api().charges(b, uid, perPage, page));
        JsonNode body = ok(EP_CHARGES, r, session);
        List<Charge> charges = readList(body.path("charges"), Charge.class, EP_CHARGES);
        ChargesPage.Meta meta = null;
        JsonNode m = body.path("meta");
        if (m.isObject()) {
            try {
                meta = json().treeToValue(m, ChargesPage.Meta.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                Log.warnf("Ignoring unreadable pagination in %s", EP_CHARGES);
            }
        }
        return new ChargesPage(charges, meta);
    }

    @Override
    public List<Charge> allCharges(PodPointSession session) {
        Map<Long, Charge> all = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            ChargesPage p = charges(session, page, CHARGES_PER_PAGE);
            p.charges().forEach(c -> all.putIfAbsent(c.id(), c));
            if (p.charges().size() < CHARGES_PER_PAGE) {
                break;
            }
        }
        return List.copyOf(all.values());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pod Point lists charges newest first by start time, and a charge completes at unplug. So a charge that
     * started earlier on one charger can complete after a newer charge on another: stopping at the first known id
     * would miss it (issue 10). Instead the scan pages back until, for every charger seen, a charge that ended
     * before {@code since} has been seen (charges of one charger never overlap, so everything older on it ended
     * earlier still), and the oldest start seen is {@link ChargeScan#LOOKBACK} before {@code since} (a charger not seen
     * yet then has had no charge start in that time). It returns every charge it read; the caller compares each
     * completed one with what it already announced.
     */
    @Override
    public List<Charge> completedSince(PodPointSession session, Instant since) {
        if (since == null) {
            return allCharges(session);
        }
        return ChargeScan.scan(page -> charges(session, page, ChargeScan.PER_PAGE).charges(), since, MAX_PAGES);
    }

    @Override
    public Optional<ChargeOverride> chargeOverride(PodPointSession session, Pod pod) {
        long unit = requirePod(pod).unitId();
        PodPointHttp.Result r = authorised(session, EP_GET_OVERRIDE, true, b -> http.api().getOverride(b, unit));
        if (r.status() == 204) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw apiError(EP_GET_OVERRIDE, r, session);
        }
        if (blank(r.body())) {
            return Optional.empty();
        }
        JsonNode body = parse(EP_GET_OVERRIDE, r, session);
        ChargeOverride o = readOverride(EP_GET_OVERRIDE, r, body);
        return o == null || o.requestedAt() == null && o.endsAt() == null && o.ppid() == null ? Optional.empty()
                : Optional.of(o);
    }

    @Override
    public ConnectivityStatus connectivity(PodPointSession session, Pod pod) {
        String ppid = requirePod(pod).ppid();
        if (blank(ppid)) {
            throw new IllegalArgumentException("the pod has no PPID");
        }
        PodPointHttp.Result r = authorised(session, EP_CONNECTIVITY, true, b -> http.api().connectivity(b, ppid.trim()));
        JsonNode body = ok(EP_CONNECTIVITY, r, session);
        return convert(EP_CONNECTIVITY, r, body, ConnectivityStatus.class);
    }

    @Override
    public List<Firmware> firmware(PodPointSession session, Pod pod) {
        long unit = requirePod(pod).unitId();
        PodPointHttp.Result r = authorised(session, EP_FIRMWARE, true, b -> http.api().firmware(b, unit));
        JsonNode body = ok(EP_FIRMWARE, r, session);
        JsonNode data = body.path("data");
        if (data.isObject()) {
            return readList(json().createArrayNode().add(data), Firmware.class, EP_FIRMWARE);
        }
        return readList(data, Firmware.class, EP_FIRMWARE);
    }

    @Override
    public PodPointUser currentUser(PodPointSession session) {
        PodPointHttp.Result r = authorised(session, EP_USER, true, b -> http.api().currentUser(b, "account"));
        JsonNode body = ok(EP_USER, r, session);
        JsonNode users = body.path("users");
        if (!users.isObject()) {
            throw new PodPointApiException(EP_USER, r.status(), null, "the reply has no user");
        }
        return convert(EP_USER, r, users, PodPointUser.class);
    }

    ChargeOverride readOverride(String endpoint, PodPointHttp.Result r, JsonNode body) {
        JsonNode node = body;
        if (node.has("charge_override") && node.get("charge_override").isObject()) {
            node = node.get("charge_override");
        } else if (node.has("data") && node.get("data").isObject()) {
            node = node.get("data");
        }
        if (!node.isObject()) {
            return null;
        }
        return convert(endpoint, r, node, ChargeOverride.class);
    }

}
