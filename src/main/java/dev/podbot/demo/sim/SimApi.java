package dev.podbot.demo.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.podbot.demo.sim.PodPointSimulator.Account;
import dev.podbot.demo.sim.SimPod.SimCharge;

/**
 * Pod Point's HTTP contract (API doc §1–§6) on top of a {@link PodPointSimulator}, independent of any HTTP server.
 * Paths are relative to the simulator's root and start with the service they stand for:
 * <ul>
 * <li>{@code /auth/verifyPassword} — Firebase password sign-in (podpoint.auth-url = root + "/auth")</li>
 * <li>{@code /token/token} — securetoken refresh (podpoint.token-url = root + "/token")</li>
 * <li>{@code /mfa/accounts/mfaSignIn:start|finalize} — 2FA (the demo account has none: always rejected)</li>
 * <li>{@code /api/api3/v5/...} and {@code /api/chargers/{ppid}/connectivity-status} — the API host
 * (podpoint.api-url = root + "/api")</li>
 * </ul>
 */
public final class SimApi {

    /** One HTTP answer: status and a JSON body (null for none). */
    public record SimResponse(int status, Object json) {
        public byte[] bytes() {
            if (json == null) {
                return new byte[0];
            }
            try {
                return SimJson.MAPPER.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Pattern PODS = Pattern.compile("/api/api3/v5/users/([^/]+)/pods");
    private static final Pattern CHARGES = Pattern.compile("/api/api3/v5/users/([^/]+)/charges");
    private static final Pattern UNIT = Pattern.compile("/api/api3/v5/units/(\\d+)/(charge-schedules|charge-override|firmware)");
    private static final Pattern CONNECTIVITY = Pattern.compile("/api/chargers/([^/]+)/connectivity-status");
    private static final Set<String> INCLUDES = Set.of("statuses", "price", "model", "unit_connectors",
            "charge_schedules", "charge_override");

    private final PodPointSimulator sim;
    private final SimHomeApi home;

    public SimApi(PodPointSimulator sim) {
        this.home = new SimHomeApi(sim, SimApi::jsonObject);
        this.sim = sim;
    }

    public PodPointSimulator simulator() {
        return sim;
    }

    /**
     * Answers one request.
     *
     * @param path     path below the simulator root, e.g. {@code /api/api3/v5/auth}
     * @param rawQuery the raw query string, or null
     * @param header   looks up a request header by (case-insensitive) name
     */
    public SimResponse handle(String method, String path, String rawQuery, Function<String, String> header,
            byte[] body) {
        try {
            synchronized (sim) {
                sim.tick();
                return route(method.toUpperCase(java.util.Locale.ROOT), path, query(rawQuery), header,
                        body == null ? new byte[0] : body);
            }
        } catch (BadRequest e) {
            return new SimResponse(e.status, Map.of("message", e.getMessage()));
        }
    }

    private SimResponse route(String method, String path, Map<String, String> q, Function<String, String> header,
            byte[] body) {
        if (path.equals("/auth/verifyPassword") && method.equals("POST")) {
            return verifyPassword(q, body);
        }
        if (path.equals("/token/token") && method.equals("POST")) {
            return refresh(q, body);
        }
        if (path.startsWith("/mfa/accounts/mfaSignIn:") && method.equals("POST")) {
            return googleError(400, "INVALID_PENDING_TOKEN");
        }
        if (!path.startsWith("/api/")) {
            return notFound(method, path);
        }
        String auth = header.apply("Authorization");
        Optional<Account> who = auth != null && auth.startsWith("Bearer ") ? sim.bearer(auth.substring(7).trim())
                : Optional.empty();
        if (who.isEmpty()) {
            return new SimResponse(401, Map.of("message", "Unauthenticated."));
        }
        Account a = who.get();
        if (path.equals("/api/api3/v5/sessions") && method.equals("POST")) {
            Map<String, Object> creds = jsonObject(body);
            if (!a.email.equalsIgnoreCase(String.valueOf(creds.get("email")))
                    || !a.password.equals(creds.get("password"))) {
                return new SimResponse(401, Map.of("message", "The user credentials were incorrect."));
            }
            return ok(Map.of("sessions", Map.of("id", "sim-session-" + sim.nextSessionId(),
                    "user_id", String.valueOf(a.userId))));
        }
        if (path.equals("/api/api3/v5/auth") && method.equals("GET")) {
            return ok(Map.of("users", user(a, q.get("include"))));
        }
        SimResponse homeAnswer = home.route(a, method, path, q, body);
        if (homeAnswer != null) {
            return homeAnswer;
        }
        Matcher m = PODS.matcher(path);
        if (m.matches() && method.equals("GET")) {
            if (!m.group(1).equals(String.valueOf(a.userId))) {
                return new SimResponse(403, Map.of("message", "Forbidden"));
            }
            Set<String> inc = includes(q.get("include"));
            List<Object> pods = a.pods.stream().map(p -> (Object) pod(p, inc)).toList();
            return page("pods", pods, q);
        }
        m = CHARGES.matcher(path);
        if (m.matches() && method.equals("GET")) {
            if (!m.group(1).equals(String.valueOf(a.userId))) {
                return new SimResponse(403, Map.of("message", "Forbidden"));
            }
            List<Object> charges = a.charges.stream().map(c -> (Object) charge(a, c)).toList();
            return page("charges", charges, q);
        }
        m = UNIT.matcher(path);
        if (m.matches()) {
            long unit = Long.parseLong(m.group(1));
            SimPod pod = a.pods.stream().filter(p -> p.unitId == unit).findFirst().orElse(null);
            if (pod == null) {
                return new SimResponse(404, Map.of("message", "Unit not found"));
            }
            if (a.home && !method.equals("GET")) {
                // a migrated account: Pod Point accepts legacy writes and changes nothing (API doc §10.19)
                return method.equals("PUT") ? new SimResponse(201, Map.of()) : new SimResponse(204, null);
            }
            switch (m.group(2) + " " + method) {
                case "charge-schedules PUT":
                    return putSchedules(pod, body);
                case "charge-override GET":
                    return pod.override == null ? new SimResponse(204, null) : ok(new LinkedHashMap<>(pod.override));
                case "charge-override PUT":
                    return putOverride(pod, body);
                case "charge-override DELETE":
                    sim.later(() -> pod.override = null);
                    return new SimResponse(204, null);
                case "firmware GET":
                    return ok(Map.of("data", List.of(firmware(pod))));
                default:
                    return new SimResponse(405, Map.of("message", "Method not allowed"));
            }
        }
        m = CONNECTIVITY.matcher(path);
        if (m.matches() && method.equals("GET")) {
            String ppid = m.group(1);
            return a.pods.stream().filter(p -> p.ppid.equals(ppid)).findFirst()
                    .map(p -> ok(connectivity(p)))
                    .orElse(new SimResponse(404, Map.of("message", "Charger not found")));
        }
        return notFound(method, path);
    }

    // ------------------------------------------------------------------ auth

    private SimResponse verifyPassword(Map<String, String> q, byte[] body) {
        if (q.get("key") == null || q.get("key").isBlank()) {
            return googleError(400, "API key not valid. Please pass a valid API key.");
        }
        Map<String, Object> b = jsonObject(body);
        Object email = b.get("email");
        Object password = b.get("password");
        if (!(email instanceof String) || !(password instanceof String)) {
            return googleError(400, email instanceof String ? "MISSING_PASSWORD" : "INVALID_EMAIL");
        }
        Optional<Account> a = sim.account((String) email, (String) password);
        if (a.isEmpty()) {
            return googleError(400, "INVALID_LOGIN_CREDENTIALS");
        }
        String[] t = sim.issueTokens(a.get());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", "identitytoolkit#VerifyPasswordResponse");
        r.put("localId", "sim-uid-" + a.get().userId);
        r.put("email", a.get().email);
        r.put("displayName", "");
        r.put("idToken", t[0]);
        r.put("registered", true);
        r.put("refreshToken", t[1]);
        r.put("expiresIn", String.valueOf(sim.tokenTtl().toSeconds()));
        return ok(r);
    }

    private SimResponse refresh(Map<String, String> q, byte[] body) {
        if (q.get("key") == null || q.get("key").isBlank()) {
            return googleError(400, "API key not valid. Please pass a valid API key.");
        }
        Map<String, String> form = query(new String(body, StandardCharsets.UTF_8));
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return googleError(400, "INVALID_GRANT_TYPE");
        }
        Optional<Account> a = sim.refresh(form.get("refresh_token"));
        if (a.isEmpty()) {
            return googleError(400, "INVALID_REFRESH_TOKEN");
        }
        String[] t = sim.issueTokens(a.get());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("access_token", t[0]);
        r.put("expires_in", String.valueOf(sim.tokenTtl().toSeconds()));
        r.put("token_type", "Bearer");
        r.put("refresh_token", t[1]);
        r.put("id_token", t[0]);
        r.put("user_id", "sim-uid-" + a.get().userId);
        r.put("project_id", "sim");
        return ok(r);
    }

    private static SimResponse googleError(int status, String message) {
        return new SimResponse(status, Map.of("error", Map.of("code", status, "message", message,
                "errors", List.of(Map.of("message", message, "domain", "global", "reason", "invalid")))));
    }

    // ------------------------------------------------------------------ writes

    private SimResponse putSchedules(SimPod pod, byte[] body) {
        Object data = jsonObject(body).get("data");
        if (!(data instanceof List<?> list) || list.isEmpty()) {
            return new SimResponse(422, Map.of("message", "The data field is required."));
        }
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> s) || !PodPointSimulator.isDay(s.get("start_day"))
                    || !PodPointSimulator.isDay(s.get("end_day")) || !isTime(s.get("start_time"))
                    || !isTime(s.get("end_time")) || !(s.get("status") instanceof Map<?, ?> st)
                    || !(st.get("is_active") instanceof Boolean active)) {
                return new SimResponse(422, Map.of("message", "Each schedule needs start_day and end_day (1-7), "
                        + "start_time and end_time (HH:MM:SS) and status.is_active."));
            }
            Object uid = s.get("uid");
            schedules.add(PodPointSimulator.schedule(uid instanceof String u ? u : UUID.randomUUID().toString(),
                    ((Number) s.get("start_day")).intValue(), (String) s.get("start_time"),
                    ((Number) s.get("end_day")).intValue(), (String) s.get("end_time"), active));
        }
        sim.later(() -> pod.schedules = schedules);
        return new SimResponse(201, schedules.stream().map(LinkedHashMap::new).toList());
    }

    private static boolean isTime(Object v) {
        return v instanceof String s && s.matches("([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d");
    }

    private SimResponse putOverride(SimPod pod, byte[] body) {
        Map<String, Object> b = jsonObject(body);
        Object requested = b.get("requested_at");
        Object ends = b.get("ends_at");
        Instant requestedAt = requested instanceof String r ? SimJson.parseInstant(r) : null;
        Instant endsAt = ends instanceof String e ? SimJson.parseInstant(e) : null;
        if (requestedAt == null || (ends != null && endsAt == null)) {
            return new SimResponse(422, Map.of("message", "requested_at (and ends_at, when given) must be "
                    + "ISO-8601 date-times."));
        }
        if (endsAt != null && !endsAt.isAfter(requestedAt)) {
            return new SimResponse(422, Map.of("message", "ends_at must be after requested_at."));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ppid", pod.ppid);
        o.put("requested_at", SimJson.format(requestedAt));
        o.put("received_at", SimJson.format(sim.now()));
        o.put("ends_at", SimJson.format(endsAt));
        // the charger acknowledges the override when it picks it up (after the apply delay): received_at then
        sim.later(() -> {
            Map<String, Object> received = new LinkedHashMap<>(o);
            received.put("received_at", SimJson.format(sim.now()));
            pod.override = received;
        });
        return new SimResponse(201, new LinkedHashMap<>(o));
    }

    // ------------------------------------------------------------------ shapes

    private Map<String, Object> pod(SimPod p, Set<String> inc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("name", p.name);
        m.put("ppid", p.ppid);
        m.put("payg", false);
        m.put("home", true);
        m.put("public", false);
        m.put("evZone", false);
        m.put("location", Map.of("lat", 51.5014, "lng", -0.1419));
        m.put("address_id", 9100 + p.id % 100);
        m.put("description", "");
        m.put("commissioned_at", "2023-03-14T10:00:00+00:00");
        m.put("created_at", "2023-03-14T09:30:00+00:00");
        m.put("last_contact_at", SimJson.format(sim.now().minusSeconds(p.online ? 20 : 7200)));
        m.put("contactless_enabled", false);
        m.put("unit_id", p.unitId);
        m.put("timezone", "Europe/London");
        if (inc.contains("model")) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", 123);
            model.put("name", p.powerKw > 4 ? "S7-UC-03-ACA" : "S3-UC-05-ACA");
            model.put("vendor", "Pod Point");
            model.put("supports_payg", false);
            model.put("supports_ocpp", false);
            model.put("supports_contactless", false);
            model.put("image_url", null);
            m.put("model", model);
        }
        if (inc.contains("price")) {
            m.put("price", null);
        }
        if (inc.contains("statuses")) {
            String[] s = switch (p.phase) {
                case AVAILABLE -> new String[] { "1", "available" };
                case PLUGGED_IN, CHARGING -> new String[] { "2", "charging" };
                case FULL -> new String[] { "5", "suspended-ev" };
            };
            m.put("statuses", List.of(Map.of("id", Integer.parseInt(s[0]), "name", p.statusLabel(), "key_name", s[1],
                    "label", p.statusLabel(), "door", "A", "door_id", 1)));
        }
        if (inc.contains("unit_connectors")) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", p.id * 10 + 1);
            c.put("door", "A");
            c.put("door_id", 1);
            c.put("power", (int) Math.round(p.powerKw));
            c.put("current", p.powerKw > 4 ? 32 : 16);
            c.put("voltage", 230);
            c.put("charge_method", "Single Phase AC");
            c.put("has_cable", false);
            c.put("socket", Map.of("type", "IEC 62196-2 Type 2", "description", "Type 2 socket",
                    "ocpp_name", "sType2", "ocpp_code", 3));
            m.put("unit_connectors", List.of(Map.of("connector", c)));
        }
        if (inc.contains("charge_schedules")) {
            m.put("charge_schedules", p.schedules.stream().map(LinkedHashMap::new).toList());
        }
        if (inc.contains("charge_override")) {
            m.put("charge_override", p.override == null ? null : new LinkedHashMap<>(p.override));
        }
        return m;
    }

    private Map<String, Object> charge(Account a, SimCharge c) {
        SimPod live = sim.podOfCharge(a, c);
        boolean done = c.endsAt != null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("kwh_used", done ? c.kwh : live == null ? 0.0 : PodPointSimulator.round1(live.kwh));
        m.put("duration", done ? c.durationMinutes : 0);
        m.put("starts_at", SimJson.format(live != null ? sim.startsAt(live, c) : c.startsAt));
        m.put("ends_at", done ? SimJson.format(c.endsAt) : null);
        long raw = done ? c.chargingSeconds : live == null ? 0 : Math.round(live.chargingSeconds);
        m.put("charging_duration", Map.of("raw", raw, "formatted", List.of(
                Map.of("value", String.valueOf(raw / 3600), "unit", raw / 3600 == 1 ? "hour" : "hours"),
                Map.of("value", String.valueOf(raw % 3600 / 60), "unit", "minutes"))));
        Map<String, Object> billing = new LinkedHashMap<>();
        for (String k : List.of("id", "amount", "currency")) {
            billing.put(k, null);
        }
        billing.put("exchange_rate", 0);
        billing.put("presentment_amount", null);
        billing.put("presentment_currency", null);
        m.put("billing_event", billing);
        m.put("location", Map.of("id", 8801, "home", true, "address", Map.of("id", 9101, "business_name", "Home"),
                "timezone", "Europe/London"));
        m.put("pod", Map.of("id", c.unitId));
        m.put("energy_cost", done ? c.costPence : 0);
        m.put("organisation", null);
        return m;
    }

    private static Map<String, Object> firmware(SimPod p) {
        return Map.of("serial_number", String.valueOf(880000000L + p.id),
                "version_info", Map.of("manifest_id", p.firmwareUpdate ? "A30P-3.1.20-00001" : "A30P-3.1.22-00001"),
                "update_status", Map.of("is_update_available", p.firmwareUpdate));
    }

    private Map<String, Object> connectivity(SimPod p) {
        Instant now = sim.now();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("protocol", "POW");
        state.put("connectivityStatus", p.online ? "ONLINE" : "OFFLINE");
        state.put("signalStrength", -61);
        state.put("lastMessageAt", SimJson.format(p.online ? now.minusSeconds(5) : now.minusSeconds(7200)));
        state.put("connectionStartedAt", SimJson.format(now.minus(Duration.ofHours(30))));
        state.put("connectionQuality", 3);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("isOfferingEnergy", PodPointSimulator.offeringEnergy(p, now));
        offer.put("reason", p.override != null ? "CHARGE_OVERRIDE" : "CHARGE_SCHEDULE");
        offer.put("until", null);
        offer.put("randomDelay", null);
        offer.put("doNotCache", false);
        Map<String, Object> evse = new LinkedHashMap<>();
        evse.put("id", 1);
        evse.put("connectivityState", state);
        evse.put("connectors", List.of(Map.of("id", 1, "door", "A", "chargingState", p.chargingState())));
        evse.put("architecture", "arch3");
        evse.put("energyOfferStatus", offer);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ppid", p.ppid);
        m.put("evses", List.of(evse));
        m.put("connectedComponents", List.of("evses"));
        return m;
    }

    private Map<String, Object> user(Account a, String include) {
        Set<String> inc = include == null ? Set.of() : Set.of(include.split(","));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", a.userId);
        u.put("email", a.email);
        u.put("first_name", "Demo");
        u.put("last_name", "Driver");
        u.put("role", "user");
        u.put("hasHomeCharge", 1);
        u.put("locale", "en");
        u.put("preferences", List.of(Map.of("unitOfDistance", "mi")));
        if (inc.contains("account")) {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("user_id", a.userId);
            acc.put("uid", "sim-uid-" + a.userId);
            acc.put("balance", 0);
            acc.put("currency", "GBP");
            u.put("account", acc);
        }
        if (inc.stream().anyMatch(s -> s.startsWith("unit")) && !a.pods.isEmpty()) {
            SimPod p = a.pods.get(0);
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("id", p.unitId);
            unit.put("ppid", p.ppid.replace("PSL-", ""));
            unit.put("name", p.name);
            unit.put("status", p.phase == SimPod.Phase.AVAILABLE ? "Available" : "Charging");
            unit.put("architecture", "soloArch3");
            unit.put("pod", pod(p, INCLUDES));
            u.put("unit", unit);
        }
        return u;
    }

    // ------------------------------------------------------------------ helpers

    private static SimResponse page(String key, List<Object> all, Map<String, String> q) {
        int per = intParam(q.get("perpage"), 5, all.size());
        int page = intParam(q.get("page"), 1, 1);
        if (per < 1 || page < 1) {
            return new SimResponse(422, Map.of("message", "perpage and page must be positive."));
        }
        int from = (int) Math.min((long) (page - 1) * per, all.size());
        int to = (int) Math.min((long) from + per, all.size());
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("current_page", page);
        pagination.put("per_page", per);
        pagination.put("page_count", Math.max(1, (all.size() + per - 1) / per));
        pagination.put("item_count", all.size());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(key, new ArrayList<>(all.subList(from, to)));
        r.put("meta", Map.of("pagination", pagination));
        return ok(r);
    }

    private static int intParam(String v, int dflt, int all) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        if (v.equals("all")) {
            return Math.max(all, 1);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(422, "perpage and page must be numbers.");
        }
    }

    private static Set<String> includes(String include) {
        if (include == null || include.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(include.split(",")).map(String::trim).toList());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(byte[] body) {
        try {
            Object o = body.length == 0 ? null : SimJson.MAPPER.readValue(body, Object.class);
            if (o instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (java.io.IOException e) {
            throw new BadRequest(400, "The request body is not valid JSON.");
        }
        throw new BadRequest(400, "The request body must be a JSON object.");
    }

    private static SimResponse ok(Object json) {
        return new SimResponse(200, json);
    }

    private static SimResponse notFound(String method, String path) {
        return new SimResponse(404, Map.of("message", "No route for " + method + " " + path));
    }

    private static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
