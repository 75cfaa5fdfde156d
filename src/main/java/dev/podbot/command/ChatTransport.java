package dev.podbot.command;

/**
 * A way to push a message into a chat without a request (notifications). Telegram is one; the demo web chat is
 * another. Implementations rate-limit and retry transient failures themselves; what they throw is final for this
 * attempt.
 */
public interface ChatTransport {

    /** True when this transport reaches the chat. */
    boolean handles(long chatId);

    /**
     * True when this transport can deliver now (Telegram: enabled and connected). Notifications are taken from
     * the outbox only for a ready transport, so an instance that cannot send leaves them to one that can.
     */
    default boolean ready() {
        return true;
    }

    /** Higher wins when several transports handle a chat (the demo web chat claims its own ids first). */
    default int priority() {
        return 0;
    }

    /**
     * Sends one message and returns once it is delivered.
     *
     * @throws ChatUnreachableException when the chat blocked the bot or no longer exists (do not retry)
     * @throws DeliveryFailedException  when delivery failed for now (retry later)
     */
    void deliver(long chatId, Reply reply);

    /**
     * Replaces the text and buttons of an earlier bot message in place (Telegram editMessageText), in the lane of
     * replies a person waits for. An unchanged message counts as edited.
     *
     * @return false when the message can no longer be edited (deleted, too old, or this transport cannot edit)
     * @throws ChatUnreachableException when the chat blocked the bot or is gone
     * @throws DeliveryFailedException  when the edit failed for now (try again later)
     */
    default boolean edit(long chatId, int messageId, Reply reply) {
        return false;
    }

    /** The chat blocked the bot (Telegram 403) or is gone: stop sending until the user writes again. */
    class ChatUnreachableException extends RuntimeException {
        public ChatUnreachableException(String message) {
            super(message);
        }
    }

    /** A transient failure (5xx, timeout, 429 beyond patience): try again later. */
    class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
