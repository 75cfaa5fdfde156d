package dev.podbot.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;

/** Builders for the detector tests, and a small simulator that carries state from poll to poll like the store. */
public final class DetectorFixtures {
    private DetectorFixtures() {
    }

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    public static Pod pod(long id, long unitId, String name) {
        return new Pod(id, name, "PSL-" + unitId, true, null, unitId, "Europe/London", null, null, null, null, null, null);
    }

    public static ConnectivityStatus conn(String status, String chargingState) {
        return new ConnectivityStatus("PSL", List.of(new ConnectivityStatus.Evse(1,
                new ConnectivityStatus.ConnectivityState("POW", status, -60, null, 3),
                chargingState == null ? null : List.of(new ConnectivityStatus.Connector(1, "A", chargingState)), "arch3")));
    }

    public static Charge charge(long id, long podUnit, Instant start, Instant end, double kwh, int cost) {
        OffsetDateTime s = OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
        OffsetDateTime e = end == null ? null : OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
        int minutes = end == null ? 0 : (int) java.time.Duration.between(start, end).toMinutes();
        return new Charge(id, kwh, minutes, s, e, new Charge.ChargingDuration(end == null ? null : 3600L), cost,
                new Charge.Location(1L, true, "Europe/London"), new Charge.PodRef(podUnit));
    }

    static Firmware firmware(String version, boolean update) {
        return new Firmware("123", new Firmware.VersionInfo(version, "arch3"), new Firmware.UpdateStatus(update));
    }

    /** Feeds observations one poll at a time and collects every event, as the poller and store would. */
    static final class Sim {
        final long chat;
        final EventDetector detector = new EventDetector(java.time.ZoneId.of("Europe/London"));
        AccountState state = AccountState.fresh();
        final List<Notification> events = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        Instant now = T0;

        Sim(long chat) {
            this.chat = chat;
        }

        List<Notification> poll(List<Pod> pods, Map<Long, ConnectivityStatus> conn, Map<Long, List<Firmware>> fw,
                List<Charge> charges) {
            now = now.plusSeconds(300);
            Detection d = detector.detect(chat, state, new Observation(pods, conn, fw, charges, now));
            Set<Long> known = new HashSet<>(state.knownCompleted());
            known.addAll(d.newlyCompleted());
            state = new AccountState(true, state.baselineAt() == null ? now : state.baselineAt(),
                    state.pollCount() + 1, d.pods(), known);
            List<Notification> fresh = d.events().stream().filter(n -> keys.add(n.dedupKey())).toList();
            events.addAll(fresh);
            return fresh;
        }

        List<Notification> poll(Pod pod, ConnectivityStatus c, List<Charge> charges) {
            Map<Long, ConnectivityStatus> m = new HashMap<>();
            if (c != null) {
                m.put(pod.unitId(), c);
            }
            return poll(List.of(pod), m, Map.of(), charges);
        }

        List<EventKind> kinds() {
            return events.stream().map(Notification::kind).toList();
        }
    }
}
