package dev.podbot.podpoint.legacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.ChargerWrites;
import dev.podbot.podpoint.InvalidScheduleException;
import dev.podbot.podpoint.PodPointApiException;
import dev.podbot.podpoint.PodPointAuth;
import dev.podbot.podpoint.PodPointHttp;
import dev.podbot.podpoint.PodPointJson;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.logging.Log;

import static dev.podbot.podpoint.legacy.LegacyPodPointClient.EP_DELETE_OVERRIDE;
import static dev.podbot.podpoint.legacy.LegacyPodPointClient.EP_PUT_OVERRIDE;
import static dev.podbot.podpoint.legacy.LegacyPodPointClient.EP_SCHEDULES;
import static dev.podbot.podpoint.legacy.LegacyPodPointClient.MAX_BOOST;
import static dev.podbot.podpoint.legacy.LegacyPodPointClient.WIRE_TIME;

/**
 * Legacy writes (API doc §6): schedules (toggling {@code is_active} on the user's own schedules, keeping their
 * times and uids; the seven 1-second windows when there are none) and the charge override (boost, Manual, Smart).
 * Writes are never resent, except after a 401 (the server refused them, so nothing happened).
 */
@ApplicationScoped
public class LegacyWrites implements ChargerWrites {

    private static final java.time.format.DateTimeFormatter HMS =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);

    @Inject
    PodPointHttp http;

    @Inject
    PodPointAuth auth;

    @Inject
    PodPointJson codec;

    @Inject
    LegacyPodPointClient reads;

    @Override
    public Change setChargingAllowed(PodPointSession session, Pod pod, boolean allowed) {
        Pod p = withSchedules(session, LegacyPodPointClient.requirePod(pod));
        List<ChargeSchedule> current = p.chargeSchedules();
        List<ChargeSchedule> next = new ArrayList<>();
        boolean keep = !current.isEmpty() && current.stream().allMatch(c -> !PodPointJson.blank(c.uid()));
        if (keep) {
            current.forEach(c -> next.add(c.withActive(!allowed)));
        } else {
            for (int day = 1; day <= 7; day++) {
                next.add(new ChargeSchedule(null, day, "00:00:00", day, "00:00:01", new ChargeSchedule.Status(!allowed)));
            }
        }
        putSchedules(session, p.unitId(), next);
        Log.debugf("Charging %s on unit %d (%s schedules)", allowed ? "allowed" : "blocked", p.unitId(),
                keep ? "kept" : "1-second");
        return Change.done();
    }

    @Override
    public Change setDailySchedule(PodPointSession session, Pod pod, LocalTime start, LocalTime end) {
        if (start == null || end == null) {
            throw new InvalidScheduleException("both a start and an end time are needed");
        }
        LocalTime s = start.truncatedTo(ChronoUnit.SECONDS);
        LocalTime e = end.truncatedTo(ChronoUnit.SECONDS);
        if (!e.isAfter(s)) {
            throw new InvalidScheduleException("the end time must be after the start time on the same day");
        }
        Pod p = withSchedules(session, LegacyPodPointClient.requirePod(pod));
        Map<Integer, String> uidByDay = new LinkedHashMap<>();
        List<ChargeSchedule> current = p.chargeSchedules();
        if (current.size() == 7) {
            current.forEach(c -> {
                if (!PodPointJson.blank(c.uid()) && c.startDay() >= 1 && c.startDay() <= 7) {
                    uidByDay.putIfAbsent(c.startDay(), c.uid());
                }
            });
            if (uidByDay.size() != 7) {
                uidByDay.clear();
            }
        }
        List<ChargeSchedule> next = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            next.add(new ChargeSchedule(uidByDay.get(day), day, HMS.format(s), day, HMS.format(e),
                    new ChargeSchedule.Status(true)));
        }
        putSchedules(session, p.unitId(), next);
        return Change.done();
    }

    @Override
    public Change boost(PodPointSession session, Pod pod, Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidScheduleException("the boost duration must be more than zero");
        }
        if (duration.compareTo(MAX_BOOST) > 0) {
            throw new InvalidScheduleException("a boost can last at most 24 hours");
        }
        Pod p = LegacyPodPointClient.requirePod(pod);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant ends = now.plus(duration).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("requested_at", WIRE_TIME.format(now));
        body.put("ends_at", WIRE_TIME.format(ends));
        ChargeOverride o = putOverride(session, p, body, new ChargeOverride(p.ppid(), now.atOffset(ZoneOffset.UTC),
                null, ends.atOffset(ZoneOffset.UTC)));
        return Change.done().until(o.endsAt() != null ? o.endsAt() : ends.atOffset(ZoneOffset.UTC));
    }

    @Override
    public Change manualMode(PodPointSession session, Pod pod) {
        Pod p = LegacyPodPointClient.requirePod(pod);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("requested_at", WIRE_TIME.format(now));
        putOverride(session, p, body, new ChargeOverride(p.ppid(), now.atOffset(ZoneOffset.UTC), null, null));
        return Change.done();
    }

    @Override
    public Change smartMode(PodPointSession session, Pod pod) {
        deleteOverride(session, pod);
        return Change.done();
    }

    private void deleteOverride(PodPointSession session, Pod pod) {
        long unit = LegacyPodPointClient.requirePod(pod).unitId();
        PodPointHttp.Result r = auth.authorised(session, EP_DELETE_OVERRIDE, false, b -> http.api().deleteOverride(b, unit));
        if (r.status() != 204) {
            if (r.is2xx()) {
                throw new PodPointApiException(EP_DELETE_OVERRIDE, r.status(), codec.redact(r.body(), session, null),
                        "expected 204, so the change may not have been applied");
            }
            throw codec.apiError(EP_DELETE_OVERRIDE, r, session);
        }
    }

    private ChargeOverride putOverride(PodPointSession session, Pod p, ObjectNode body, ChargeOverride sent) {
        String text = codec.write(body);
        long unit = p.unitId();
        PodPointHttp.Result r = auth.authorised(session, EP_PUT_OVERRIDE, false, b -> http.api().putOverride(b, unit, text));
        if (!r.is2xx()) {
            throw codec.apiError(EP_PUT_OVERRIDE, r, session);
        }
        if (PodPointJson.blank(r.body())) {
            return sent;
        }
        ChargeOverride o = reads.readOverride(EP_PUT_OVERRIDE, r, codec.parse(EP_PUT_OVERRIDE, r));
        return o == null || o.requestedAt() == null ? sent : o;
    }

    private void putSchedules(PodPointSession session, long unitId, List<ChargeSchedule> schedules) {
        ObjectNode body = codec.mapper().createObjectNode();
        body.set("data", codec.mapper().valueToTree(schedules));
        String text = codec.write(body);
        PodPointHttp.Result r = auth.authorised(session, EP_SCHEDULES, false, b -> http.api().putSchedules(b, unitId, text));
        if (r.status() == 201) {
            return;
        }
        if (r.is2xx()) {
            throw new PodPointApiException(EP_SCHEDULES, r.status(), codec.redact(r.body(), session, null),
                    "expected 201, so the schedules may not have been saved");
        }
        throw codec.apiError(EP_SCHEDULES, r, session);
    }

    /** The pod with its schedules; re-reads pods (include charge_schedules) when the given one has none. */
    private Pod withSchedules(PodPointSession session, Pod pod) {
        if (!pod.chargeSchedules().isEmpty()) {
            return pod;
        }
        return reads.allPods(session, "charge_schedules").stream()
                .filter(p -> p.id() == pod.id() || p.unitId() == pod.unitId())
                .findFirst()
                .map(p -> pod.withChargeSchedules(p.chargeSchedules()))
                .orElse(pod);
    }


    /** On the legacy API, following the schedule is Smart mode (no override). */
    @Override
    public Change scheduledMode(PodPointSession session, Pod pod) {
        return smartMode(session, pod);
    }

    /**
     * As before Pod Home: "stop boost" returns to Smart (DELETE override), whatever override is set, so legacy
     * users notice no change.
     */
    @Override
    public Change stopBoost(PodPointSession session, Pod pod) {
        return smartMode(session, pod);
    }
}
