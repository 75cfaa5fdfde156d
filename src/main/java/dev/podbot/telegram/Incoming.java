package dev.podbot.telegram;

import dev.podbot.command.ChatRequest;

/**
 * What one Telegram update means to the bot. Holds no raw update (it may hold a password); {@link #toString()}
 * shows ids only.
 *
 * @param updateId        Telegram's update_id
 * @param kind            what happened
 * @param chatId          the chat it happened in
 * @param request         the chat-neutral request (messages and button presses), else null
 * @param callbackQueryId the id to answer for a button press, else null
 */
record Incoming(int updateId, Kind kind, long chatId, ChatRequest request, String callbackQueryId) {

    enum Kind { MESSAGE, BUTTON, BLOCKED, UNBLOCKED, BUTTON_WITHOUT_CHAT }

    @Override
    public String toString() {
        return "Incoming[update=" + updateId + ", " + kind + ", chat=" + chatId + "]";
    }
}
