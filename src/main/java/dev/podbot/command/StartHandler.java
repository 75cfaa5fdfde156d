package dev.podbot.command;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.account.AccountService;

/** /start (welcome and how to link an account) and /help (every command, collected from all handlers). */
@ApplicationScoped
public class StartHandler implements CommandHandler {

    @Inject
    AccountService accounts;

    @Inject
    CommandRouter router;

    /** The /help text: the same for everybody while the app runs, so it is made once. */
    private volatile String helpText;

    @Override
    public List<String> commands() {
        return List.of("start", "help");
    }

    @Override
    public List<String> usage() {
        return List.of("/start — what this bot does", "/help — this list");
    }

    @Override
    public boolean needsAccount() {
        return false;
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        return "help".equals(input.name()) ? help() : start(input);
    }

    private ChatResponse start(CommandInput input) {
        StringBuilder sb = new StringBuilder();
        sb.append("👋 <b>Hi! I look after your Pod Point home charger.</b>\n\n")
                .append("I show your chargers and past charges, switch charging on and off, set a daily charging ")
                .append("window or a boost, and tell you when a charge starts, finishes or the charger goes ")
                .append("offline.\n\n");
        if (accounts.isLinked(input.chatId())) {
            sb.append("Your Pod Point account is linked. Send /pods to see your chargers.");
        } else if (input.request().isPrivate()) {
            sb.append("To begin, send /login. I'll ask for the e-mail and password of your Pod Point app account, ")
                    .append("check them with Pod Point, keep them encrypted and delete the message with your ")
                    .append("password.");
        } else {
            sb.append("To begin, open a private chat with me and send /login there (never type a password in a ")
                    .append("group).");
        }
        sb.append("\n\nSend /help for every command.");
        return ChatResponse.text(sb.toString());
    }

    private ChatResponse help() {
        String text = helpText;
        if (text == null) {
            text = helpText();
            helpText = text;
        }
        return ChatResponse.text(text);
    }

    private String helpText() {
        StringBuilder sb = new StringBuilder("<b>What I can do</b>\n");
        for (String line : router.usageLines()) {
            sb.append('\n').append(line);
        }
        sb.append("\n\nPPID is your charger's id, like PSL-123456; leave it out if you have one charger.");
        return sb.toString();
    }
}
