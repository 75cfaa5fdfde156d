package dev.podbot.demo.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** JSON shapes of the web chat (also the API for scripts: POST /demo/chat, POST /demo/press, GET /demo/events). */
public final class WebMessages {

    private WebMessages() {
    }

    /** POST /demo/chat body. */
    @RegisterForReflection
    public record ChatIn(String text) {
    }

    /** POST /demo/press body: the button's data and the id of the bot message that holds it. */
    @RegisterForReflection
    public record PressIn(String data, Integer messageId) {
    }

    @RegisterForReflection
    public record WebButton(String text, String data) {
    }

    /**
     * One bot message. {@code text} is in Telegram's HTML subset (b, i, code, pre; everything else escaped).
     *
     * @param messageId the message's id in the web chat (an edit carries the id of the message it replaces)
     * @param edit      true when this replaces the message {@code messageId} (a pressed button's message)
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebReply(String text, List<List<WebButton>> buttons, int messageId, boolean edit, WebFile file) {

        public WebReply(String text, List<List<WebButton>> buttons, int messageId, boolean edit) {
            this(text, buttons, messageId, edit, null);
        }
    }

    /**
     * A file that goes with a bot message ({@code text} is then its caption): a photo the page shows inline, or a
     * document it offers for download, both fetched from {@code url} ({@code GET /demo/files/{id}}).
     */
    @RegisterForReflection
    public record WebFile(String kind, String name, String mimeType, int size, String url) {
    }

    /**
     * Answer to a message or a press, and each notification event.
     *
     * @param userMessageId     the id given to the user's message (text only)
     * @param deleteUserMessage the user's message held a password: the chat hides it
     * @param callbackAnswer    the short note for a button press, if any
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebReplies(List<WebReply> replies, Integer userMessageId, Boolean deleteUserMessage,
            String callbackAnswer) {
    }

    /** An error answer: {"error": "..."}. */
    @RegisterForReflection
    public record WebError(String error) {
    }
}
