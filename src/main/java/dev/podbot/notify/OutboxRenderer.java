package dev.podbot.notify;

import dev.podbot.command.Reply;

/**
 * Draws the message of an outbox row whose content is made when it is sent, not when it is queued (the monthly
 * digest's chart: an outbox row holds text, not a picture). A CDI bean of another feature implements it; the
 * sender calls it just before delivery, after the row was taken, so a failure here is retried like a failed
 * delivery and a crash never sends it twice.
 */
public interface OutboxRenderer {

    /** True for the rows of this kind ({@link EventKind#name()}). */
    boolean handles(String kind);

    /** The message for the row's chat, from the row's body. May read Pod Point; throws when it can't be made now. */
    Reply render(long chatId, String body);
}
