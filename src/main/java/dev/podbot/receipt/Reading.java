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

    /**
     * When the charger last checked in with Pod Point (the pod's last contact; Pod Home: {@code lastSeenAt}), or
     * the live status's last message when the pod has none; null when unknown. The same field as the baseline taken
     * when the change was sent ({@link #lastContactOf(Pod)}), so the two compare like with like.
     */
    public OffsetDateTime lastContact() {
        OffsetDateTime own = lastContactOf(pod);
        return own != null || live == null ? own : live.lastMessageAt().orElse(null);
    }

    /** The pod's last contact with Pod Point, null when unknown. */
    public static OffsetDateTime lastContactOf(Pod pod) {
        if (pod == null) {
            return null;
        }
        return pod.lastContactAt() != null || pod.live() == null ? pod.lastContactAt()
                : pod.live().lastMessageAt().orElse(null);
    }

    public ChargingState chargingState() {
        return live == null ? ChargingState.UNKNOWN : live.chargingState();
    }
}
