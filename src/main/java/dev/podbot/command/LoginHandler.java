package dev.podbot.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.account.AccountService;
import dev.podbot.podpoint.MfaChallenge;
import dev.podbot.podpoint.MfaRequiredException;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointException;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.SignInRejectedException;
import io.quarkus.logging.Log;

/**
 * /login (guided, or in one line), the 2FA code step, and /cancel. Credentials are checked with Pod Point before
 * anything is saved; the message holding the password is deleted; nothing secret is logged. Only in private chats.
 */
@ApplicationScoped
public class LoginHandler implements CommandHandler {

    static final String PRIVATE_ONLY = "For your safety I only take /login in a private chat. Open a private chat "
            + "with me and send /login there.";
    static final int MAX_CODE_ATTEMPTS = 5;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern CODE = Pattern.compile("\\d{4,8}");

    @Inject
    PodPointClient podPoint;

    @Inject
    AccountService accounts;

    @Inject
    LoginStore store;

    @Override
    public List<String> commands() {
        return List.of("login", "cancel");
    }

    @Override
    public List<String> usage() {
        return List.of("/login — link your Pod Point account (I ask for your e-mail, then your password)",
                "/login EMAIL PASSWORD — link in one message (I delete it at once)",
                "/cancel — stop a login in progress");
    }

    @Override
    public boolean needsAccount() {
        return false;
    }

    /** True when this chat's next message is an answer to the login conversation. */
    public boolean awaiting(long chatId) {
        return store.awaiting(chatId);
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        ChatRequest req = input.request();
        if ("cancel".equals(input.name())) {
            return store.delete(req.chatId())
                    ? ChatResponse.text("Cancelled — nothing was saved. Send /login to start again.")
                    : ChatResponse.text("There's nothing to cancel.");
        }
        if (!req.isPrivate()) {
            // Never read a password typed in a group; remove it from the group if one was given.
            ChatResponse r = ChatResponse.text(PRIVATE_ONLY);
            return input.args().isEmpty() ? r : r.deletingUserMessage();
        }
        if (input.args().isEmpty()) {
            store.save(req.chatId(), req.userId(), LoginState.Stage.EMAIL, null, null, null, 0);
            return ChatResponse.text("Let's link your Pod Point account. Send me the e-mail address you use in the "
                    + "Pod Point app (or /cancel).");
        }
        String email = input.arg(0);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            ChatResponse r = ChatResponse.text("That doesn't look like an e-mail address. Usage: "
                    + "/login EMAIL PASSWORD, or just /login and I'll ask.");
            return input.args().size() > 1 ? r.deletingUserMessage() : r;
        }
        if (input.args().size() == 1) {
            store.save(req.chatId(), req.userId(), LoginState.Stage.PASSWORD, email, null, null, 0);
            return ChatResponse.text(askPassword());
        }
        return signIn(req, email, passwordAfterEmail(req.text())).deletingUserMessage();
    }

    /** The next message of a waiting conversation: the e-mail, the password or the 2FA code. */
    public ChatResponse continueConversation(ChatRequest req) {
        Optional<LoginStore.Pending> found = store.find(req.chatId());
        if (found.isEmpty()) {
            return ChatResponse.text("That login took too long and was cancelled — send /login to start again.");
        }
        LoginStore.Pending p = found.get();
        String text = req.text() == null ? "" : req.text();
        switch (p.stage()) {
            case EMAIL -> {
                String email = text.strip();
                if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                    return ChatResponse.text("That doesn't look like an e-mail address — send it again, or /cancel.");
                }
                store.save(req.chatId(), req.userId(), LoginState.Stage.PASSWORD, email, null, null, 0);
                return ChatResponse.text(askPassword());
            }
            case PASSWORD -> {
                if (text.isEmpty()) {
                    return ChatResponse.text("Send your password as text, or /cancel.");
                }
                return signIn(req, p.email(), text).deletingUserMessage();
            }
            case CODE -> {
                return finishMfa(req, p, text.replaceAll("\\s+", ""));
            }
            default -> {
                store.delete(req.chatId());
                return ChatResponse.text("Send /login to start again.");
            }
        }
    }

    private static String askPassword() {
        return "Thanks. Now send your Pod Point password. I'll delete your message as soon as I've read it, check "
                + "the password with Pod Point, and store it only encrypted. (Or /cancel.)";
    }

    /** The password of a one-line login: everything after the e-mail, spaces inside kept. */
    static String passwordAfterEmail(String text) {
        String rest = text.strip();
        rest = rest.replaceFirst("^\\S+\\s+", ""); // the command
        rest = rest.replaceFirst("^\\S+\\s", "");  // the e-mail and one separator
        return rest.strip();
    }

    private ChatResponse signIn(ChatRequest req, String email, String password) {
        long chatId = req.chatId();
        try {
            PodPointSession session = podPoint.signIn(email, password);
            return linked(req, session);
        } catch (MfaRequiredException e) {
            MfaChallenge challenge;
            try {
                challenge = podPoint.sendMfaCode(e.challenge());
            } catch (PodPointException ex) {
                store.delete(chatId);
                Log.infof("Chat %d: could not send the 2FA code (%s)", chatId, ex.getClass().getSimpleName());
                return ChatResponse.text(failed(ex));
            }
            store.save(chatId, req.userId(), LoginState.Stage.CODE, email, password, challenge, 0);
            Log.infof("Chat %d: Pod Point texted a 2FA code", chatId);
            String phone = challenge.phoneHint() == null || challenge.phoneHint().isBlank() ? "your phone"
                    : Html.code(challenge.phoneHint());
            return ChatResponse.text("🔐 Your Pod Point account uses two-step sign-in. Pod Point texted a code to "
                    + phone + ". Send me the code to finish (or /cancel).");
        } catch (SignInRejectedException e) {
            store.delete(chatId);
            Log.infof("Chat %d: Pod Point rejected the sign-in", chatId);
            return ChatResponse.text("❌ Pod Point didn't accept that e-mail and password, so nothing was saved. "
                    + "Check them and send /login to try again.");
        } catch (PodPointException e) {
            store.delete(chatId);
            Log.infof("Chat %d: sign-in failed (%s)", chatId, e.getClass().getSimpleName());
            return ChatResponse.text(failed(e));
        }
    }

    private ChatResponse finishMfa(ChatRequest req, LoginStore.Pending p, String code) {
        long chatId = req.chatId();
        if (!CODE.matcher(code).matches()) {
            return ChatResponse.text("Send the code from the text message (digits only), or /cancel.");
        }
        try {
            PodPointSession session = podPoint.finishMfaSignIn(p.email(), p.password(), p.challenge(), code);
            return linked(req, session);
        } catch (SignInRejectedException e) {
            int attempts = p.attempts() + 1;
            if (attempts >= MAX_CODE_ATTEMPTS) {
                store.delete(chatId);
                Log.infof("Chat %d: too many wrong 2FA codes", chatId);
                return ChatResponse.text("❌ That code wasn't accepted either, and that was the last try. Nothing "
                        + "was saved — send /login to start again.");
            }
            store.save(chatId, p.userId(), LoginState.Stage.CODE, p.email(), p.password(), p.challenge(), attempts);
            Log.infof("Chat %d: Pod Point rejected the 2FA code", chatId);
            return ChatResponse.text("❌ Pod Point didn't accept that code. Check the text message and send it "
                    + "again, or /cancel.");
        } catch (MfaRequiredException e) {
            store.delete(chatId);
            return ChatResponse.text("Pod Point wants a new code — send /login to start again.");
        } catch (PodPointException e) {
            Log.infof("Chat %d: 2FA sign-in failed (%s)", chatId, e.getClass().getSimpleName());
            return ChatResponse.text(Failures.describe(e) + " Send the code again, or /cancel.");
        }
    }

    private ChatResponse linked(ChatRequest req, PodPointSession session) {
        store.delete(req.chatId());
        accounts.link(req.chatId(), req.userId(), session);
        return ChatResponse.text("✅ Linked! Your Pod Point account is connected to this chat. Send /pods to see "
                + "your chargers, or /help for everything I can do.");
    }

    private static String failed(PodPointException e) {
        return Failures.describe(e) + " Nothing was saved — send /login to try again.";
    }
}
