package dev.podbot.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;

/**
 * Turns "what we knew" plus "what one poll saw" into events and the new state. Pure: no I/O, no clock (the
 * observation carries its time), so it is tested on recorded state sequences.
 *
 * <ul>
 * <li>The first poll of an account is a baseline: everything it sees is recorded, and only the charges that
 * completed after the account was linked are announced (none when the link time is not known).</li>
 * <li>A charge is announced when it is seen completed ({@code ends_at} set), is not among the known completed ids
 * and ended after the baseline (to the second: Pod Point's times have no fractions). Ids may come in any order; a
 * charge whose {@code ends_at} is cleared again is ignored, and when it completes again it is already known.</li>
 * <li>Charging-state transitions come from connectivity (E9), or the pod's statuses when connectivity has none.
 * An unknown state changes nothing.</li>
 * <li>Online/offline flips only after two polls in a row saw the new state.</li>
 * <li>A firmware update is announced once per version.</li>
 * </ul>
 */
public class EventDetector {

    /** Polls in a row needed to confirm an online/offline change. */
    public static final int DEBOUNCE = 2;

    private final ZoneId defaultZone;

    public EventDetector(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    public Detection detect(long chatId, AccountState prev, Observation obs) {
        boolean baseline = !prev.firstPollDone();
        List<Notification> events = new ArrayList<>();
        Map<Long, PodState> pods = new HashMap<>(prev.pods());

        for (Pod pod : obs.pods()) {
            long unit = pod.unitId();
            PodState ps = prev.pods().get(unit);
            ConnectivityStatus conn = obs.connectivity().get(unit);
            ChargingState observed = conn == null ? ChargingState.UNKNOWN : conn.chargingState();
            if (observed == ChargingState.UNKNOWN) {
                observed = fromStatuses(pod);
            }
            Boolean observedOnline = conn == null ? null : conn.onlineOrNull();
            String fw = availableUpdate(obs.firmware().get(unit));

            if (ps == null || baseline) {
                // new pod (or first poll): record silently
                pods.put(unit, new PodState(unit,
                        observed == ChargingState.UNKNOWN ? (ps == null ? null : ps.chargingState()) : observed,
                        observedOnline != null ? observedOnline : (ps == null ? null : ps.online()), 0,
                        ps == null ? 0 : ps.seq(), fw != null ? fw : (ps == null ? null : ps.firmwareNotified())));
                continue;
            }

            ChargingState charging = ps.chargingState();
            long seq = ps.seq();
            if (observed != ChargingState.UNKNOWN && observed != charging) {
                EventKind kind = charging == null ? null : transitionKind(charging, observed);
                seq++;
                if (kind != null) {
                    events.add(new Notification(kind, kind.code() + ":" + chatId + ":" + unit + ":" + seq,
                            NotificationTexts.transition(kind, pod.displayName(), observed)));
                }
                charging = observed;
            }

            Boolean online = ps.online();
            int streak = ps.streak();
            if (observedOnline != null) {
                if (online == null) {
                    online = observedOnline;
                    streak = 0;
                } else if (observedOnline.equals(online)) {
                    streak = 0;
                } else if (++streak >= DEBOUNCE) {
                    online = observedOnline;
                    streak = 0;
                    seq++;
                    EventKind kind = online ? EventKind.CHARGER_ONLINE : EventKind.CHARGER_OFFLINE;
                    events.add(new Notification(kind, kind.code() + ":" + chatId + ":" + unit + ":" + seq,
                            NotificationTexts.offline(pod.displayName(), online)));
                }
            }

            String notified = ps.firmwareNotified();
            if (fw != null && !fw.equals(notified)) {
                events.add(new Notification(EventKind.FIRMWARE, "fw:" + chatId + ":" + unit + ":" + fw,
                        NotificationTexts.firmware(pod.displayName(), fw)));
                notified = fw;
            }
            pods.put(unit, new PodState(unit, charging, online, streak, seq, notified));
        }

        boolean switched = prev.generation() != null && obs.generation() != null
                && !prev.generation().equals(obs.generation());
        Set<Long> newlyCompleted = new LinkedHashSet<>();
        // Pod Point's times are whole seconds: a charge that ended in the baseline's second ended after it
        Instant since = prev.baselineAt() == null ? null
                : prev.baselineAt().truncatedTo(ChronoUnit.SECONDS);
        for (Charge c : obs.charges()) {
            if (c.inProgress() || prev.knownCompleted().contains(c.id()) || !newlyCompleted.add(c.id())) {
                continue;
            }
            if ((baseline && since == null) || (since != null && c.endsAt().toInstant().isBefore(since))) {
                continue;
            }
            if (switched && !newAfterSwitch(c, prev.scannedAt(), obs.generation())) {
                continue; // the other generation's scan may have announced it under another id
            }
            Pod pod = obs.pods().stream().filter(c::belongsTo).findFirst().orElse(null);
            String name = pod != null ? pod.displayName() : "your charger";
            events.add(new Notification(EventKind.CHARGE_COMPLETED, "charge:" + chatId + ":" + c.id(),
                    NotificationTexts.chargeCompleted(c, name, NotificationTexts.zone(pod, c, defaultZone))));
        }
        return new Detection(pods, newlyCompleted, events, obs.at(), obs.generation());
    }

    /**
     * After the account changed API generation, charge ids change namespace, so ids cannot tell what was
     * announced. Legacy announced a charge at unplug, so a Pod Home charge is new when it was unplugged after the
     * last legacy scan. Pod Home announced a charge when charging ended, which the legacy API does not show, so a
     * legacy charge is only surely new when it started after the last Pod Home scan. Nothing is announced twice;
     * a charge in the gap may go unannounced.
     */
    static boolean newAfterSwitch(Charge c, Instant lastScan, String generation) {
        if (lastScan == null) {
            return false;
        }
        if ("home".equals(generation)) {
            return c.endsAt() != null && c.endsAt().toInstant().isAfter(lastScan);
        }
        return c.startsAt() != null && c.startsAt().toInstant().isAfter(lastScan);
    }

    static EventKind transitionKind(ChargingState before, ChargingState now) {
        if (now.pluggedIn() && !before.pluggedIn()) {
            return EventKind.PLUGGED_IN;
        }
        if (!before.pluggedIn()) {
            return null;
        }
        return switch (now) {
            case CHARGING -> EventKind.CHARGING_STARTED;
            case SUSPENDED_EV -> EventKind.CAR_FULL;
            case SUSPENDED_EVSE -> EventKind.SCHEDULE_PAUSED;
            default -> null;
        };
    }

    static ChargingState fromStatuses(Pod pod) {
        return pod.statuses().stream()
                .map(s -> ChargingState.parse(s.keyName() != null ? s.keyName() : s.name()))
                .filter(s -> s != ChargingState.UNKNOWN).findFirst().orElse(ChargingState.UNKNOWN);
    }

    static String availableUpdate(List<Firmware> firmware) {
        if (firmware == null) {
            return null;
        }
        return firmware.stream().filter(f -> f != null && f.updateAvailable() && f.version() != null)
                .map(Firmware::version).findFirst().orElse(null);
    }
}
