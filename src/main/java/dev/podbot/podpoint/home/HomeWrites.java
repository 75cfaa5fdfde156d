package dev.podbot.podpoint.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.ChargerWrites;
import dev.podbot.podpoint.InvalidScheduleException;
import dev.podbot.podpoint.PodPointHttp;
import dev.podbot.podpoint.PodPointJson;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.UnsupportedFeatureException;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.Pod;

import static dev.podbot.podpoint.home.PodHomeClient.EP_DELETE_OVERRIDES;
import static dev.podbot.podpoint.home.PodHomeClient.EP_PATCH_DELEGATED;
import static dev.podbot.podpoint.home.PodHomeClient.EP_POST_OVERRIDE;
import static dev.podbot.podpoint.home.PodHomeClient.EP_PUT_SCHEDULES;
import static dev.podbot.podpoint.home.PodHomeClient.F_OVERRIDES;
import static dev.podbot.podpoint.home.PodHomeClient.F_SCHEDULES;
import static dev.podbot.podpoint.home.PodHomeClient.F_SMART;
import static dev.podbot.podpoint.home.PodHomeClient.HMS;
import static dev.podbot.podpoint.home.PodHomeClient.MAX_BOOST;

/**
 * Pod Home writes (API doc §10.4–§10.8), and only those: on a migrated account the legacy writes are accepted and
 * ignored. A write that needs Basic mode switches Smart charging off first and says so in the {@link Change}; the
 * status is read before every PATCH so a redundant PATCH (which Pod Point rejects) is never sent; an open-ended
 * override is POSTed without any {@code endAt} key (Pod Point answers 403 to {@code "endAt": null}).
 */
@ApplicationScoped
public class HomeWrites implements ChargerWrites {

    @Inject
    HomeCalls calls;

    @Inject
    PodPointHttp http;

    @Inject
    PodPointJson codec;

    @Inject
    PodHomeClient reads;


    @Override
    public Change setChargingAllowed(PodPointSession s, Pod pod, boolean allowed) {
        String ppid = ppid(pod);
        List<String> notes = new ArrayList<>();
        ensureBasic(s, ppid, notes);
        ChargeOverride current = reads.currentOverride(s, ppid, Instant.now());
        if (allowed) {
            if (current == null || current.endsAt() != null) {
                postOverride(s, ppid, null);
            }
            notes.add("It is now in Always on mode; send /mode scheduled to follow your schedule again.");
            return Change.done(notes);
        }
        if (current != null) {
            deleteOverrides(s, ppid);
            notes.add((current.endsAt() == null ? "Always on" : "The boost") + " was switched off first.");
        }
        List<ChargeSchedule> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            week.add(new ChargeSchedule(null, day, "00:00:00", day, "00:00:01", new ChargeSchedule.Status(true)));
        }
        putWeek(s, ppid, week);
        notes.add("This replaced your charging window; send /schedule HH:MM HH:MM to set one again.");
        return Change.done(notes);
    }

    @Override
    public Change setDailySchedule(PodPointSession s, Pod pod, LocalTime start, LocalTime end) {
        if (start == null || end == null) {
            throw new InvalidScheduleException("both a start and an end time are needed");
        }
        LocalTime st = start.truncatedTo(ChronoUnit.SECONDS);
        LocalTime en = end.truncatedTo(ChronoUnit.SECONDS);
        if (!en.isAfter(st)) {
            throw new InvalidScheduleException("the end time must be after the start time on the same day");
        }
        String ppid = ppid(pod);
        List<String> notes = new ArrayList<>();
        ensureBasic(s, ppid, notes);
        List<ChargeSchedule> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            week.add(new ChargeSchedule(null, day, HMS.format(st), day, HMS.format(en), new ChargeSchedule.Status(true)));
        }
        putWeek(s, ppid, week);
        ChargeOverride current = reads.currentOverride(s, ppid, Instant.now());
        if (current != null) {
            deleteOverrides(s, ppid);
            notes.add((current.endsAt() == null ? "Always on" : "The boost") + " was switched off so the schedule applies.");
        }
        return Change.done(notes);
    }

    @Override
    public Change boost(PodPointSession s, Pod pod, Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidScheduleException("the boost duration must be more than zero");
        }
        if (duration.compareTo(MAX_BOOST) > 0) {
            throw new InvalidScheduleException("a boost can last at most 24 hours");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = now.plus(duration);
        postOverride(s, ppid(pod), end);
        return Change.done().until(end.atOffset(ZoneOffset.UTC));
    }

    @Override
    public Change manualMode(PodPointSession s, Pod pod) {
        String ppid = ppid(pod);
        List<String> notes = new ArrayList<>();
        ensureBasic(s, ppid, notes);
        ChargeOverride current = reads.currentOverride(s, ppid, Instant.now());
        if (current == null || current.endsAt() != null) {
            postOverride(s, ppid, null);
        }
        return Change.done(notes);
    }

    @Override
    public Change smartMode(PodPointSession s, Pod pod) {
        String ppid = ppid(pod);
        List<String> notes = new ArrayList<>();
        ChargeOverride current = reads.currentOverride(s, ppid, Instant.now());
        if (current != null && current.endsAt() == null) {
            deleteOverrides(s, ppid);
            notes.add("Always on was switched off first; send /mode always to turn it back on.");
        }
        if (!"ACTIVE".equals(reads.delegatedStatus(s, ppid))) {
            patchDelegated(s, ppid, "ACTIVE");
        }
        return Change.done(notes);
    }

    @Override
    public Change scheduledMode(PodPointSession s, Pod pod) {
        String ppid = ppid(pod);
        List<String> notes = new ArrayList<>();
        ensureBasic(s, ppid, notes);
        ChargeOverride current = reads.currentOverride(s, ppid, Instant.now());
        if (current != null) {
            deleteOverrides(s, ppid);
            if (current.endsAt() != null) {
                notes.add("The running boost was ended too.");
            }
        }
        return Change.done(notes);
    }

    @Override
    public Change stopBoost(PodPointSession s, Pod pod) {
        String ppid = ppid(pod);
        ChargeOverride current = reads.currentOverride(s, ppid, Instant.now());
        if (ChargeMode.of(current, Instant.now()).kind() != ChargeMode.Kind.BOOST) {
            return Change.nothingToDo(); // DELETE would also end Always on (§10.5)
        }
        deleteOverrides(s, ppid);
        return Change.done();
    }

    /** Basic mode for writes that need it: PATCH INACTIVE only when it is not INACTIVE already. */
    private void ensureBasic(PodPointSession s, String ppid, List<String> notes) {
        String status = reads.delegatedStatus(s, ppid);
        if ("INACTIVE".equals(status)) {
            return;
        }
        patchDelegated(s, ppid, "INACTIVE");
        if ("ACTIVE".equals(status)) {
            notes.add("Smart charging was switched off first (Pod Point needs Basic mode for this); "
                    + "send /mode smart to switch it back on.");
        }
    }

    private void patchDelegated(PodPointSession s, String ppid, String status) {
        ObjectNode body = codec.mapper().createObjectNode().put("status", status);
        String text = calls.write(body);
        calls.write(s, F_SMART, ppid, EP_PATCH_DELEGATED, b -> http.home().patchDelegatedControl(b, ppid, text));
    }

    /** POST an override: timed with {@code endAt}, or open-ended with NO endAt key (null is refused, §10.4). */
    private void postOverride(PodPointSession s, String ppid, Instant endAt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode body = codec.mapper().createObjectNode().put("requestedAt", now.toString());
        if (endAt != null) {
            body.put("endAt", endAt.truncatedTo(ChronoUnit.MILLIS).toString());
        }
        String text = calls.write(body);
        calls.write(s, F_OVERRIDES, ppid, EP_POST_OVERRIDE, b -> http.home().createOverride(b, ppid, text));
    }

    private void deleteOverrides(PodPointSession s, String ppid) {
        calls.write(s, F_OVERRIDES, ppid, EP_DELETE_OVERRIDES, b -> http.home().deleteOverrides(b, ppid));
    }

    /** GET the week for its current uids, then PUT 7 entries carrying them (uids change on every PUT, §10.7). */
    private void putWeek(PodPointSession s, String ppid, List<ChargeSchedule> week) {
        Map<Integer, String> uidByDay = new HashMap<>();
        for (ChargeSchedule c : reads.readSchedules(s, ppid)) {
            if (c.uid() != null) {
                uidByDay.putIfAbsent(c.startDay(), c.uid());
            }
        }
        ArrayNode entries = codec.mapper().createArrayNode();
        for (ChargeSchedule c : week) {
            ObjectNode e = entries.addObject();
            String uid = uidByDay.get(c.startDay());
            if (uid != null) {
                e.put("uid", uid);
            }
            e.put("startDay", c.startDay()).put("startTime", c.startTime()).put("endDay", c.endDay())
                    .put("endTime", c.endTime());
            e.putObject("status").put("isActive", c.active());
        }
        ObjectNode body = codec.mapper().createObjectNode();
        body.set("schedules", entries);
        String text = calls.write(body);
        calls.write(s, F_SCHEDULES, ppid, EP_PUT_SCHEDULES, b -> http.home().putSchedules(b, ppid, text));
    }

    private static String ppid(Pod pod) {
        if (pod == null || pod.ppid() == null || pod.ppid().isBlank()) {
            throw new UnsupportedFeatureException("this charger (it has no PPID)");
        }
        return pod.ppid().trim();
    }
}
