package dev.podbot.telegram;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.podbot.command.Button;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandInput;
import dev.podbot.command.Reply;

/**
 * A test-only command handler (an alternative, so it exists only in profiles that enable it): commands with
 * scripted behaviour for the transport tests. Records the order in which each chat's requests were handled.
 */
@Alternative
@ApplicationScoped
public class ScriptedCommands implements CommandHandler {

    private final Map<Long, List<String>> handled = new ConcurrentHashMap<>();

    /** What was handled for a chat, in order ("name args"). */
    public List<String> handled(long chatId) {
        return List.copyOf(handled.getOrDefault(chatId, List.of()));
    }

    @Override
    public List<String> commands() {
        return List.of("echo", "slow", "boom", "secret", "menu");
    }

    @Override
    public List<String> buttonPrefixes() {
        return List.of("page", "crash");
    }

    @Override
    public List<String> usage() {
        return List.of("/echo text — repeat the text", "/slow ms text — answer after a pause",
                "/menu — show buttons", "not a usage line");
    }

    @Override
    public boolean needsAccount() {
        return false;
    }

    @Override
    public ChatResponse handle(CommandInput in) {
        handled.computeIfAbsent(in.chatId(), k -> new CopyOnWriteArrayList<>())
                .add(in.name() + (in.args().isEmpty() ? "" : " " + String.join(" ", in.args())));
        switch (in.name()) {
            case "echo":
                return ChatResponse.text("echo: " + String.join(" ", in.args()));
            case "slow":
                try {
                    Thread.sleep(Long.parseLong(in.arg(0)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ChatResponse.text("slow: " + in.arg(1));
            case "boom":
                throw new IllegalStateException("scripted failure");
            case "secret":
                return ChatResponse.text("Saved. I deleted your message.").deletingUserMessage();
            case "menu":
                return ChatResponse.of(Reply.of("Page 1", List.of(List.of(new Button("Next", "page:2")))));
            case "page":
                return ChatResponse.of(Reply.of("Page " + in.arg(0), List.of(List.of(new Button("Back", "page:1"))))
                        .asEdit()).withCallbackAnswer("Page " + in.arg(0));
            case "crash":
                throw new IllegalStateException("scripted button failure");
            case "":
                return ChatResponse.text("Send me a command, e.g. /echo");
            default:
                return ChatResponse.text("Unknown command");
        }
    }
}
