package dev.podbot.demo.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podbot.demo.sim.PodPointSimulator.Account;
import dev.podbot.demo.sim.SimApi.SimResponse;
import dev.podbot.demo.sim.SimPod.SimCharge;

/**
 * The Pod Home endpoints of API doc §10 for a simulated Pod Home account, over the same simulated chargers as the
 * legacy routes: {@code /chargers}, {@code connectivity-status-v2}, {@code charge-overrides},
 * {@code manual-schedules}, {@code delegated-controls}, {@code /charges?from&to} and {@code firmware}. It keeps
 * Pod Point's rules that the bot must respect: {@code "endAt": null} is refused with 403, a redundant PATCH is
 * refused, and the manual schedules can only be replaced with Smart charging off.
 */
final class SimHomeApi {

    private static final Pattern CHARGER = Pattern.compile(
            "/api/chargers/([^/]+)/(connectivity-status-v2|charge-overrides|manual-schedules|firmware)");
    private static final Pattern DELEGATED = Pattern.compile("/api/smart-charging/delegated-controls/([^/]+)");

    private final PodPointSimulator sim;
    private final Function<byte[], Map<String, Object>> json;

    SimHomeApi(PodPointSimulator sim, Function<byte[], Map<String, Object>> json) {
        this.sim = sim;
        this.json = json;
    }

    /** The answer, or null when the path is not a Pod Home route. */
    SimResponse route(Account a, String method, String path, Map<String, String> q, byte[] body) {
        if (path.equals("/api/chargers") && method.equals("GET")) {
            if (!a.home) {
                return new SimResponse(404, Map.of("message", "Cannot GET /chargers"));
            }
            return ok(a.pods.stream().map(p -> (Object) charger(p)).toList());
        }
        if (path.equals("/api/charges") && method.equals("GET") && a.home) {
            return charges(a, q);
        }
        Matcher m = CHARGER.matcher(path);
        Matcher d = DELEGATED.matcher(path);
        String ppid = m.matches() ? m.group(1) : d.matches() ? d.group(1) : null;
        if (ppid == null || !a.home) {
            return null;
        }
        SimPod p = a.pods.stream().filter(x -> x.ppid.equals(ppid)).findFirst().orElse(null);
        if (p == null) {
            return new SimResponse(404, Map.of("error", "CHARGER_NOT_FOUND"));
        }
        if (d.matches()) {
            return delegated(p, method, body);
        }
        return switch (m.group(2) + " " + method) {
            case "connectivity-status-v2 GET" -> ok(connectivity(p));
            case "charge-overrides GET" -> ok(p.override == null ? List.of() : List.of(override(p, p.override)));
            case "charge-overrides POST" -> postOverride(p, body);
            case "charge-overrides DELETE" -> {
                sim.later(() -> p.override = null);
                yield new SimResponse(200, Map.of());
            }
            case "manual-schedules GET" -> ok(Map.of("data", p.schedules.stream().map(SimHomeApi::schedule).toList()));
            case "manual-schedules PUT" -> putSchedules(p, body);
            case "firmware GET" -> ok(List.of(Map.of("serialNumber", String.valueOf(880000000L + p.id),
                    "versionInfo", Map.of("architecture", "arch3",
                            "manifestId", p.firmwareUpdate ? "A30P-3.1.20-00001" : "A30P-3.1.22-00001"),
                    "updateStatus", Map.of("isUpdateAvailable", p.firmwareUpdate))));
            default -> new SimResponse(405, Map.of("message", "Method not allowed"));
        };
    }

    private static Map<String, Object> charger(SimPod p) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ppid", p.ppid);
        c.put("unitId", p.unitId);
        c.put("timezone", "Europe/London");
        c.put("linkedAt", "2023-03-14T10:00:00.000Z");
        c.put("delegatedControl", Map.of("status", p.delegated == null ? "INACTIVE" : p.delegated));
        c.put("modelInfo", Map.of("architecture", "arch3", "style", p.powerKw > 4 ? "solo3" : "solo3s"));
        return c;
    }

    private Map<String, Object> connectivity(SimPod p) {
        Instant now = sim.now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connectionState", p.online ? "Online" : "Offline");
        m.put("connectionQuality", 4);
        m.put("chargingState", p.homeChargingState());
        m.put("lastSeenAt", SimJson.format(p.online ? now.minusSeconds(5) : now.minusSeconds(7200)));
        return m;
    }

    private static Map<String, Object> override(SimPod p, Map<String, Object> legacy) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", "sim-override-" + p.unitId + "-" + legacy.get("requested_at"));
        o.put("requestedAt", legacy.get("requested_at"));
        o.put("receivedAt", legacy.get("received_at"));
        if (legacy.get("ends_at") != null) {
            o.put("endAt", legacy.get("ends_at"));
        }
        o.put("evse", Map.of("door", "A", "ocppEvseId", 1));
        o.put("chargingStation", Map.of("ppid", p.ppid));
        return o;
    }

    private SimResponse postOverride(SimPod p, byte[] body) {
        Map<String, Object> b = json.apply(body);
        if (b.containsKey("endAt") && b.get("endAt") == null) {
            return new SimResponse(403, Map.of("statusCode", 403, "message", "Forbidden resource"));
        }
        Instant requested = b.get("requestedAt") instanceof String r ? SimJson.parseInstant(r) : null;
        Instant end = b.get("endAt") instanceof String e ? SimJson.parseInstant(e) : null;
        if (requested == null || b.get("endAt") != null && (end == null || !end.isAfter(requested))) {
            return new SimResponse(400, Map.of("statusCode", 400, "message", "requestedAt/endAt are not valid"));
        }
        if (end == null && "ACTIVE".equals(p.delegated)) {
            return new SimResponse(409, Map.of("statusCode", 409, "message", "Always on needs Basic charging"));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ppid", p.ppid);
        o.put("requested_at", SimJson.format(requested));
        o.put("received_at", SimJson.format(sim.now()));
        o.put("ends_at", end == null ? null : SimJson.format(end));
        // the charger acknowledges the override when it picks it up (after the apply delay): received_at then
        sim.later(() -> {
            Map<String, Object> received = new LinkedHashMap<>(o);
            received.put("received_at", SimJson.format(sim.now()));
            p.override = received;
        });
        return new SimResponse(201, List.of(override(p, o)));
    }

    private static Map<String, Object> schedule(Map<String, Object> s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", s.get("uid"));
        m.put("startDay", s.get("start_day"));
        m.put("startTime", s.get("start_time"));
        m.put("endDay", s.get("end_day"));
        m.put("endTime", s.get("end_time"));
        m.put("status", Map.of("isActive", ((Map<?, ?>) s.get("status")).get("is_active")));
        return m;
    }

    private SimResponse putSchedules(SimPod p, byte[] body) {
        if ("ACTIVE".equals(p.delegated)) {
            return new SimResponse(409, Map.of("statusCode", 409, "message", "Smart charging must be off"));
        }
        Object list = json.apply(body).get("schedules");
        if (!(list instanceof List<?> entries) || entries.size() != 7) {
            return new SimResponse(400, Map.of("statusCode", 400, "message", "schedules must have 7 entries"));
        }
        Set<Integer> days = new HashSet<>();
        List<Map<String, Object>> next = new ArrayList<>();
        for (Object o : entries) {
            if (!(o instanceof Map<?, ?> e) || !PodPointSimulator.isDay(e.get("startDay"))
                    || !PodPointSimulator.isDay(e.get("endDay")) || !(e.get("startTime") instanceof String st)
                    || !(e.get("endTime") instanceof String en) || !(e.get("status") instanceof Map<?, ?> status)
                    || !days.add(((Number) e.get("startDay")).intValue())) {
                return new SimResponse(400, Map.of("statusCode", 400, "message", "each day 1-7 exactly once"));
            }
            next.add(PodPointSimulator.schedule(UUID.randomUUID().toString(), ((Number) e.get("startDay")).intValue(),
                    st, ((Number) e.get("endDay")).intValue(), en, Boolean.TRUE.equals(status.get("isActive"))));
        }
        sim.later(() -> p.schedules = next);
        return new SimResponse(200, next.stream().map(SimHomeApi::schedule).toList());
    }

    private SimResponse delegated(SimPod p, String method, byte[] body) {
        if (method.equals("GET")) {
            return ok(Map.of("ppid", p.ppid, "status", p.delegated == null ? "INACTIVE" : p.delegated));
        }
        if (!method.equals("PATCH")) {
            return new SimResponse(405, Map.of("message", "Method not allowed"));
        }
        Object status = json.apply(body).get("status");
        if (!"ACTIVE".equals(status) && !"INACTIVE".equals(status)) {
            return new SimResponse(400, Map.of("statusCode", 400, "message", "status must be ACTIVE or INACTIVE"));
        }
        if (status.equals(p.delegated)) {
            return new SimResponse(409, Map.of("statusCode", 409, "message", "The status is already " + status));
        }
        p.delegated = (String) status;
        return new SimResponse(204, null);
    }

    private SimResponse charges(Account a, Map<String, String> q) {
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(q.get("from"));
            to = LocalDate.parse(q.get("to"));
        } catch (RuntimeException e) {
            return new SimResponse(500, Map.of("statusCode", 500, "message", "Internal server error"));
        }
        List<Object> out = new ArrayList<>();
        for (SimCharge c : a.charges) {
            if (c.endsAt == null) {
                continue; // Pod Home lists finished charges only
            }
            LocalDate day = c.endsAt.atZone(ZoneOffset.UTC).toLocalDate();
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            String ppid = a.pods.stream().filter(p -> p.unitId == c.unitId).map(p -> p.ppid).findFirst().orElse(null);
            Map<String, Object> charger = new LinkedHashMap<>();
            charger.put("type", "home");
            charger.put("id", ppid);
            charger.put("door", 1);
            charger.put("pluggedInAt", SimJson.format(c.startsAt));
            charger.put("unpluggedAt", SimJson.format(c.endsAt));
            charger.put("pluggedInDuration", c.durationMinutes * 60L);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "sim-charge-" + c.id);
            m.put("startedAt", SimJson.format(c.startsAt));
            m.put("endedAt", SimJson.format(c.endsAt));
            m.put("duration", c.chargingSeconds);
            m.put("energyTotal", c.kwh);
            m.put("cost", Map.of("amount", c.costPence, "currency", "GBP"));
            m.put("charger", charger);
            out.add(m);
        }
        return ok(Map.of("data", Map.of("count", out.size(), "charges", out),
                "meta", Map.of("params", Map.of("From", from.toString(), "To", to.toString()))));
    }

    private static SimResponse ok(Object body) {
        return new SimResponse(200, body);
    }
}
