package dev.podbot.command;

/**
 * The chat-neutral command layer: takes what a user did and decides what the bot answers. Telegram (long polling
 * and webhook) and the demo web chat all call it. It never throws: any failure becomes a friendly reply.
 */
public interface CommandService {
    ChatResponse handle(ChatRequest request);
}
