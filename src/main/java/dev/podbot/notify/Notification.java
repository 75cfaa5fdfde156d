package dev.podbot.notify;

import dev.podbot.command.Reply;

/** One detected event, ready for the outbox: {@code dedupKey} is unique across the whole outbox. */
public record Notification(EventKind kind, String dedupKey, Reply reply) {
    public Notification {
        if (dedupKey.length() > 200) {
            dedupKey = dedupKey.substring(0, 200);
        }
    }
}
