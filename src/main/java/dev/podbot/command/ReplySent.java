package dev.podbot.command;

/**
 * A front end sent (or edited) the message of a {@link Reply} that carries a receipt: now the bot knows the
 * message's id and can edit it later. Fired as a CDI event by the Telegram dispatcher and the demo web chat.
 *
 * @param chatId    the chat
 * @param messageId the id of the bot message that shows the reply (the last part, when it was split)
 * @param reply     the reply that was sent
 */
public record ReplySent(long chatId, int messageId, Reply reply) {
}
