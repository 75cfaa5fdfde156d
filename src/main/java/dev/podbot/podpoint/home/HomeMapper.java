package dev.podbot.podpoint.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Pod;

/**
 * Turns Pod Home JSON (API doc §10) into the generation-neutral models. Lenient: missing fields become nulls,
 * unknown values "unknown", and nothing here throws on odd data.
 */
final class HomeMapper {

    private HomeMapper() {
    }

    /** A Pod Home charger ({@code GET /chargers} item) with what the per-charger calls added. */
    static Pod pod(JsonNode charger, ConnectivityStatus live, ChargeOverride current, List<ChargeSchedule> schedules) {
        return pod(charger, null, live, current, schedules);
    }

    /** The same, with the name the user gave the charger (Pod Home has none; the legacy pod list has it). */
    static Pod pod(JsonNode charger, String name, ConnectivityStatus live, ChargeOverride current,
            List<ChargeSchedule> schedules) {
        String ppid = text(charger, "ppid");
        long unitId = charger.path("unitId").canConvertToLong() ? charger.path("unitId").asLong() : syntheticId(ppid);
        String style = text(charger.path("modelInfo"), "style");
        String state = live == null ? null : live.evses().stream().flatMap(e -> e.connectors().stream())
                .map(ConnectivityStatus.Connector::chargingState).filter(s -> s != null).findFirst().orElse(null);
        List<Pod.PodStatus> statuses = live == null ? List.of()
                : List.of(new Pod.PodStatus(null, label(state), ChargingState.parse(state).name(), label(state), "A", 1));
        return new Pod(unitId, name, ppid, Boolean.TRUE, null, unitId, text(charger, "timezone"),
                live == null ? null : live.lastMessageAt().orElse(null),
                style == null ? null : new Pod.PodModel(null, style, "Pod Point"), statuses, List.of(),
                schedules == null ? List.of() : schedules, current, "home",
                smartCharging(text(charger.path("delegatedControl"), "status")), live);
    }

    /** ACTIVE → true (Smart), INACTIVE → false (Basic), anything else (PENDING, UNKNOWN, absent) → null. */
    static Boolean smartCharging(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.trim().toUpperCase(Locale.ROOT)) {
            case "ACTIVE", "ENABLED" -> Boolean.TRUE;
            case "INACTIVE", "DISABLED" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The words the chat shows for a charging state. */
    static String label(String raw) {
        return switch (ChargingState.parse(raw)) {
            case AVAILABLE -> "Available (no car)";
            case PREPARING -> "Car plugged in";
            case CHARGING -> "Charging";
            case SUSPENDED_EV -> "Charged (the car stopped taking energy)";
            case SUSPENDED_EVSE -> "Paused by the charger (schedule or smart plan)";
            case FINISHING -> "Finishing";
            case FAULTED -> "Fault";
            case UNAVAILABLE, OUT_OF_SERVICE -> "Unavailable";
            default -> "unknown";
        };
    }

    static ConnectivityStatus connectivity(String ppid, JsonNode n) {
        return ConnectivityStatus.ofHome(ppid, text(n, "connectionState"),
                n.path("connectionQuality").canConvertToInt() ? n.path("connectionQuality").asInt() : null,
                text(n, "chargingState"), time(n, "lastSeenAt"));
    }

    /**
     * The current override of a §10.3 history: deleted entries skipped; an entry without {@code endAt} is Always
     * on; a timed one counts only while {@code endAt} is in the future; the latest {@code requestedAt} wins (list
     * order is not trusted).
     */
    static ChargeOverride currentOverride(String ppid, JsonNode history, Instant now) {
        JsonNode list = history.isArray() ? history : history.path("data");
        ChargeOverride best = null;
        for (JsonNode o : list) {
            if (time(o, "deletedAt") != null) {
                continue;
            }
            OffsetDateTime end = time(o, "endAt");
            if (end != null && !end.toInstant().isAfter(now)) {
                continue;
            }
            OffsetDateTime requested = time(o, "requestedAt");
            ChargeOverride c = new ChargeOverride(ppid, requested, time(o, "receivedAt"), end);
            if (best == null || requested != null && (best.requestedAt() == null || requested.isAfter(best.requestedAt()))) {
                best = c;
            }
        }
        return best;
    }

    static List<ChargeSchedule> schedules(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.path("data");
        List<ChargeSchedule> out = new ArrayList<>();
        for (JsonNode s : list) {
            int startDay = s.path("startDay").asInt(0);
            if (startDay < 1 || startDay > 7) {
                continue;
            }
            out.add(new ChargeSchedule(text(s, "uid"), startDay, text(s, "startTime"), s.path("endDay").asInt(startDay),
                    text(s, "endTime"), new ChargeSchedule.Status(s.path("status").path("isActive").asBoolean(false))));
        }
        return out;
    }

    /** A §10.10 charge as a neutral {@link Charge}; null when it has no id or has not ended. */
    static Charge charge(JsonNode c) {
        String id = text(c, "id");
        OffsetDateTime ended = time(c, "endedAt");
        if (id == null || ended == null) {
            return null;
        }
        JsonNode charger = c.path("charger");
        OffsetDateTime unplugged = time(charger, "unpluggedAt");
        Integer pluggedMinutes = charger.path("pluggedInDuration").canConvertToLong()
                ? (int) (charger.path("pluggedInDuration").asLong() / 60) : null;
        Long chargingSeconds = c.path("duration").canConvertToLong() ? c.path("duration").asLong() : null;
        JsonNode amount = c.path("cost").path("amount");
        Integer minor = amount.isNumber()
                ? amount.decimalValue().setScale(0, RoundingMode.HALF_UP).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue()
                : null;
        Double kwh = c.path("energyTotal").isNumber() ? c.path("energyTotal").asDouble() : null;
        return new Charge(chargeId(id), kwh, pluggedMinutes, time(c, "startedAt"), unplugged != null ? unplugged : ended,
                new Charge.ChargingDuration(chargingSeconds), minor, null, null, text(charger, "id"),
                text(c.path("cost"), "currency"), id);
    }

    /**
     * A Pod Home charge id (a string) as a stable positive long with bit 62 set, so it never equals a legacy
     * (small integer) charge id and fits the stores that key charges by number.
     */
    static long chargeId(String homeId) {
        return (hash("charge:" + homeId) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x4000_0000_0000_0000L;
    }

    /** A stable id for a charger without {@code unitId}. */
    static long syntheticId(String ppid) {
        return (hash("ppid:" + ppid) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x4000_0000_0000_0000L;
    }

    private static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    static OffsetDateTime time(JsonNode n, String field) {
        String t = text(n, field);
        if (t == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (RuntimeException e) {
            try {
                return Instant.parse(t).atOffset(java.time.ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
