package dev.podbot.receipt;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandException;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandInput;

/** The "Check again" button of a timed-out receipt: {@code receipt:again:<id>}. */
@ApplicationScoped
public class ReceiptCommand implements CommandHandler {

    static final String PREFIX = "receipt";

    @Inject
    ReceiptService receipts;

    @Override
    public List<String> commands() {
        return List.of();
    }

    @Override
    public List<String> buttonPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public List<String> usage() {
        return List.of();
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        long id;
        try {
            id = "again".equals(input.arg(0)) ? Long.parseLong(input.arg(1)) : -1;
        } catch (NumberFormatException | NullPointerException e) {
            id = -1;
        }
        if (id < 0) {
            throw new CommandException("That button doesn't work any more — send /pods to see your chargers.");
        }
        Optional<ReceiptWatch> w = receipts.checkAgain(input.chatId(), id, input.request().messageId());
        if (w.isEmpty()) {
            throw new CommandException("I no longer follow that change — send /pods to see your chargers now.");
        }
        if (w.get().stage == Stage.SUPERSEDED) {
            return ChatResponse.of().withCallbackAnswer("A newer change replaced this one");
        }
        return ChatResponse.of(receipts.render(w.get()).asEdit()).withCallbackAnswer("Checking again…");
    }
}
