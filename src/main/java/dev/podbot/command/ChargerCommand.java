package dev.podbot.command;

import java.util.List;

import jakarta.inject.Inject;

import dev.podbot.podpoint.PodPointClient;

/**
 * Base of the commands that act on the chat's chargers: it holds their names, button prefixes and usage lines in
 * one place, and gives them the chat's pods ({@link PodAccess}) and the Pod Point client.
 */
abstract class ChargerCommand implements CommandHandler {

    @Inject
    PodAccess access;

    @Inject
    PodPointClient podPoint;

    private final List<String> names;
    private final List<String> prefixes;
    private final List<String> usage;

    /**
     * @param names    the commands, without slash
     * @param prefixes the button-data prefixes it answers (may be empty)
     * @param usage    one line per command form, for /help and the Telegram menu
     */
    protected ChargerCommand(List<String> names, List<String> prefixes, String... usage) {
        this.names = List.copyOf(names);
        this.prefixes = List.copyOf(prefixes);
        this.usage = List.of(usage);
    }

    @Override
    public List<String> commands() {
        return names;
    }

    @Override
    public List<String> buttonPrefixes() {
        return prefixes;
    }

    @Override
    public List<String> usage() {
        return usage;
    }
}
