package dev.podbot.command;

import java.util.List;

/**
 * What the bot does in answer to one {@link ChatRequest}.
 *
 * @param replies           messages to send (or edits, see {@link Reply#editOriginal()})
 * @param deleteUserMessage delete the user's message (it held a password)
 * @param callbackAnswer    the short toast for a button press; a press is always answered, with "" if null
 */
public record ChatResponse(List<Reply> replies, boolean deleteUserMessage, String callbackAnswer) {

    public ChatResponse {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    public static ChatResponse of(Reply... replies) {
        return new ChatResponse(List.of(replies), false, null);
    }

    public static ChatResponse text(String text) {
        return of(Reply.of(text));
    }

    public ChatResponse deletingUserMessage() {
        return new ChatResponse(replies, true, callbackAnswer);
    }

    public ChatResponse withCallbackAnswer(String answer) {
        return new ChatResponse(replies, deleteUserMessage, answer);
    }
}
