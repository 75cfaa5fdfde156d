package dev.podbot.receipt;

import java.time.OffsetDateTime;

import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Pod;

/**
 * One fresh read of a charger: the pod (override, schedules, mode) and its live status. {@code pod == null} means
 * the account no longer has this charger.
 */
public record Reading(Pod pod, ConnectivityStatus live) {

    public static Reading gone() {
        return new Reading(null, null);
    }

    /** True/false when Pod Point says whether the charger is online, null when it does not know. */
    public Boolean online() {
        return live == null ? null : live.onlineOrNull();
    }

    /** When the charger last checked in with Pod Point, as far as the read shows (null when unknown). */
    public OffsetDateTime lastContact() {
        OffsetDateTime live = this.live == null ? null : this.live.lastMessageAt().orElse(null);
        return Target.later(pod == null ? null : pod.lastContactAt(), live);
    }

    public ChargingState chargingState() {
        return live == null ? ChargingState.UNKNOWN : live.chargingState();
    }
}
