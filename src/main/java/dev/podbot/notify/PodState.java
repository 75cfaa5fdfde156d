package dev.podbot.notify;

import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;

/**
 * What the detector remembers about one pod between polls.
 *
 * @param chargingState     last known charging state, or null when never known
 * @param online            confirmed (debounced) online state, or null when never known
 * @param streak            polls in a row that observed the opposite of {@code online}
 * @param seq               transition counter: part of the outbox key of each transition event
 * @param firmwareNotified  the firmware version whose update was last announced (or recorded)
 */
public record PodState(long unitId, ChargingState chargingState, Boolean online, int streak, long seq,
        String firmwareNotified) {
}
