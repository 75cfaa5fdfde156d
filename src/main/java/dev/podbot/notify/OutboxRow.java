package dev.podbot.notify;

/** One claimed outbox row on its way to a chat. */
public record OutboxRow(long id, long chatId, String kind, String body, String buttons, int attempts) {
}
