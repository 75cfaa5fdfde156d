package dev.podbot.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The detector's answer: the new pod states, the newly completed charge ids to remember, and the events. */
public record Detection(Map<Long, PodState> pods, Set<Long> newlyCompleted, List<Notification> events,
        java.time.Instant scannedAt, String generation) {

    public Detection(Map<Long, PodState> pods, Set<Long> newlyCompleted, List<Notification> events) {
        this(pods, newlyCompleted, events, null, null);
    }
}
