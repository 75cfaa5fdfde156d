package dev.podbot.command;

import java.util.List;

import jakarta.inject.Inject;

import dev.podbot.podpoint.Change;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.receipt.ReceiptService;
import dev.podbot.receipt.Target;

/**
 * Base of the commands that act on the chat's chargers: it holds their names, button prefixes and usage lines in
 * one place, and gives them the chat's pods ({@link PodAccess}) and the Pod Point client.
 */
abstract class ChargerCommand implements CommandHandler {

    @Inject
    PodAccess access;

    @Inject
    PodPointClient podPoint;

    @Inject
    ReceiptService receipts;

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

    /**
     * The reply to a change sent to Pod Point (issue 13): the command's text (what it will do) and a receipt that
     * follows the change to the charger in the same message. A change that did nothing gets the text alone.
     */
    protected ChatResponse sent(CommandInput input, Pod pod, Change change, Target target, String head) {
        return sent(input, pod, change, target, head, List.of());
    }

    /** The same, with buttons that stay on the message through every edit (e.g. "Stop boost"). */
    protected ChatResponse sent(CommandInput input, Pod pod, Change change, Target target, String head,
            List<List<Button>> buttons) {
        String toast = input.isButton() ? "Sent to Pod Point" : null;
        if (change != null && !change.applied()) {
            return ChatResponse.text(head).withCallbackAnswer(toast);
        }
        return ChatResponse.of(receipts.open(input.chatId(), pod, target, head, buttons)).withCallbackAnswer(toast);
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
