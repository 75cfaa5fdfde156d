package dev.podbot.command;

import java.util.List;

/**
 * One chat command (or a family of them). Handlers are CDI beans; {@link CommandService} finds them all, so a
 * feature adds a command by adding a bean. A handler may throw a Pod Point exception: the router turns it into a
 * plain sentence.
 */
public interface CommandHandler {

    /** The command names it handles, without the slash, e.g. {@code "pods"}. */
    List<String> commands();

    /** Button-data prefixes it handles: data {@code "pods:123"} goes to the handler owning prefix {@code "pods"}. */
    default List<String> buttonPrefixes() {
        return List.of();
    }

    /** One line per command for /help and the Telegram menu, e.g. {@code "/pods — list your chargers"}. */
    List<String> usage();

    /** True when the command needs a linked Pod Point account (the router answers "/login first" otherwise). */
    default boolean needsAccount() {
        return true;
    }

    ChatResponse handle(CommandInput input);
}
