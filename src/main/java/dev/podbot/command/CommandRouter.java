package dev.podbot.command;

import jakarta.enterprise.context.ApplicationScoped;

/** PLACEHOLDER: being implemented (issue #3). Routes each request to its command handler. */
@ApplicationScoped
public class CommandRouter implements CommandService {
    @Override
    public ChatResponse handle(ChatRequest request) {
        return ChatResponse.text("Not ready yet.");
    }
}
