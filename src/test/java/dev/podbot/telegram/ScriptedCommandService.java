package dev.podbot.telegram;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import dev.podbot.command.ChatRequest;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandInput;
import dev.podbot.command.CommandService;

/**
 * A minimal command layer for the transport tests (an alternative, enabled only by their test profiles): routes
 * every request to {@link ScriptedCommands}, and - unlike the real one - lets its failures escape, to prove the
 * transport survives them.
 */
@Alternative
@ApplicationScoped
public class ScriptedCommandService implements CommandService {

    @Inject
    ScriptedCommands commands;

    @Override
    public ChatResponse handle(ChatRequest r) {
        if (r.isButton()) {
            List<String> parts = Arrays.asList(r.callbackData().split(":"));
            return commands.handle(new CommandInput(r, parts.get(0), parts.subList(1, parts.size())));
        }
        String text = r.text().strip();
        if (!text.startsWith("/")) {
            return commands.handle(new CommandInput(r, "", List.of()));
        }
        List<String> words = Arrays.asList(text.substring(1).split("\\s+"));
        return commands.handle(new CommandInput(r, words.get(0), words.subList(1, words.size())));
    }
}
