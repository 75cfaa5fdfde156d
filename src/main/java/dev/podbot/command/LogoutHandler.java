package dev.podbot.command;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.account.AccountService;

/** /logout: unlinks the account and deletes everything stored for the chat (other tables cascade). */
@ApplicationScoped
public class LogoutHandler implements CommandHandler {

    @Inject
    AccountService accounts;

    @Inject
    LoginStore logins;

    @Override
    public List<String> commands() {
        return List.of("logout");
    }

    @Override
    public List<String> usage() {
        return List.of("/logout — unlink your Pod Point account and delete everything I stored");
    }

    @Override
    public boolean needsAccount() {
        return false;
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        boolean hadLogin = logins.delete(input.chatId());
        boolean hadAccount = accounts.unlink(input.chatId());
        if (hadAccount) {
            return ChatResponse.text("✅ Done: your Pod Point account is unlinked and I deleted everything I stored "
                    + "for this chat (sign-in, settings and history). Send /login to link again.");
        }
        return ChatResponse.text(hadLogin ? "Your login in progress is cancelled; no account was linked."
                : "No Pod Point account is linked to this chat, so there was nothing to delete.");
    }
}
