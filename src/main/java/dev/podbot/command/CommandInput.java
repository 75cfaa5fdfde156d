package dev.podbot.command;

import java.util.List;

/**
 * A parsed request: for a text command, {@code name} is the command without slash or bot suffix and {@code args}
 * the whitespace-separated words after it; for a button, {@code name} is the data's prefix and {@code args} the
 * colon-separated rest ({@code "charge:off:PSL-1"} gives name "charge", args [off, PSL-1]).
 */
public record CommandInput(ChatRequest request, String name, List<String> args) {

    public CommandInput {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public long chatId() {
        return request.chatId();
    }

    public boolean isButton() {
        return request.isButton();
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    @Override
    public String toString() {
        return "CommandInput[chat=" + request.chatId() + ", name=" + name + ", args=" + args.size() + "]";
    }
}
