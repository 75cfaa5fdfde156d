package dev.podbot.command;

/**
 * One thing a user did in a chat, whatever the front end (Telegram long polling, the webhook, the demo web chat):
 * a text message or a button press.
 *
 * @param chatId       the chat (a Telegram chat id, or a demo chat id)
 * @param userId       the person who wrote or pressed
 * @param chatType     private chat or group
 * @param text         the message text, or null for a button press
 * @param callbackData the pressed button's data, or null for a text message
 * @param messageId    the id of the user's message (text), or of the bot message that holds the button (press)
 */
public record ChatRequest(long chatId, long userId, ChatType chatType, String text, String callbackData,
        Integer messageId) {

    public enum ChatType { PRIVATE, GROUP }

    public static ChatRequest text(long chatId, long userId, ChatType type, String text, Integer messageId) {
        return new ChatRequest(chatId, userId, type, text, null, messageId);
    }

    public static ChatRequest button(long chatId, long userId, ChatType type, String data, Integer messageId) {
        return new ChatRequest(chatId, userId, type, null, data, messageId);
    }

    public boolean isButton() {
        return callbackData != null;
    }

    public boolean isPrivate() {
        return chatType == ChatType.PRIVATE;
    }

    /** Never prints the text: it may hold a password. */
    @Override
    public String toString() {
        return "ChatRequest[chat=" + chatId + ", user=" + userId + ", type=" + chatType
                + (isButton() ? ", button" : ", text") + "]";
    }
}
