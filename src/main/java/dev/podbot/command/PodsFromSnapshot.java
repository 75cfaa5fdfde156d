package dev.podbot.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.podbot.podpoint.model.Pod;

/**
 * {@code /pods} answered from what the poller (or an earlier {@code /pods}) read moments ago: the same text and
 * buttons as a live read, plus, under the last charger, how old the reading is (when older than a minute) and a
 * Refresh button for a live read.
 */
final class PodsFromSnapshot {

    private PodsFromSnapshot() {
    }

    static ChatResponse reply(PodSnapshots.Snapshot s, Instant now) {
        List<Reply> replies = new ArrayList<>();
        List<Pod> pods = s.pods();
        for (int i = 0; i < pods.size(); i++) {
            Pod pod = pods.get(i);
            String text = PodsHandler.describe(pod, s.online().get(pod.unitId()), now);
            List<List<Button>> buttons = new ArrayList<>(PodsHandler.buttons(pod, now));
            if (i == pods.size() - 1) {
                text += age(s.age(now));
                buttons.add(List.of(new Button("🔄 Refresh", PodsHandler.REFRESH)));
            }
            replies.add(Reply.of(text, buttons));
        }
        return new ChatResponse(replies, false, null);
    }

    /** "\n\n🕒 As of 3 min ago" when the reading is older than a minute, else nothing. */
    static String age(Duration age) {
        if (age.compareTo(Duration.ofMinutes(1)) <= 0) {
            return "";
        }
        long min = age.toMinutes();
        return "\n\n🕒 As of " + (min < 60 ? min + " min" : min / 60 + " h " + min % 60 + " min") + " ago";
    }
}
