package dev.podbot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.podbot.BotConfig;
import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.podpoint.MfaRequiredException;
import dev.podbot.podpoint.SignInRejectedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The chat-neutral command layer: checks the allow-list, parses {@code /cmd@BotName args} and button data
 * {@code prefix:arg:arg}, hands the request to the {@link CommandHandler} bean that owns it, feeds a waiting
 * /login conversation, and turns every failure into a plain sentence. It never throws.
 */
@ApplicationScoped
public class CommandRouter implements CommandService {

    static final String NO_ACCOUNT = "You haven't linked a Pod Point account yet — send /login";
    static final String AUTH_FAILED = "Pod Point no longer accepts your saved password — send /login to sign in "
            + "again.";
    static final String HINT = "I work with commands — send /help to see them, or /login to link your Pod Point "
            + "account.";
    static final String EMPTY_HINT = "I can only read text — send /help to see what I can do.";

    @Inject
    Instance<CommandHandler> handlerBeans;

    /** {@link #usageLines()}, made once: the handlers never change while the app runs (it was made per /help). */
    private volatile List<String> usage;

    @Inject
    PodSnapshots snapshots;

    @Inject
    BotConfig config;

    @Inject
    AccountService accounts;

    @Inject
    LoginHandler login;

    @Inject
    MeterRegistry registry;

    private final Map<String, CommandHandler> byCommand = new HashMap<>();
    private final Map<String, CommandHandler> byPrefix = new HashMap<>();

    @PostConstruct
    void index() {
        for (CommandHandler h : handlerBeans) {
            for (String c : h.commands()) {
                CommandHandler old = byCommand.putIfAbsent(c.toLowerCase(Locale.ROOT), h);
                if (old != null && old != h) {
                    Log.warnf("Command /%s is claimed by two handlers; %s wins", c, old.getClass().getSimpleName());
                }
            }
            for (String p : h.buttonPrefixes()) {
                byPrefix.putIfAbsent(p, h);
            }
        }
    }

    /** The handler of a command name (without slash), if any. */
    public Optional<CommandHandler> handlerFor(String command) {
        return Optional.ofNullable(byCommand.get(command == null ? "" : command.toLowerCase(Locale.ROOT)));
    }

    /**
     * Runs in a request context of its own when the caller has none (Telegram worker threads, the scheduler), so
     * the database is reachable from every front end.
     */
    @Override
    @ActivateRequestContext
    public ChatResponse handle(ChatRequest request) {
        long started = System.nanoTime();
        Outcome o = new Outcome();
        ChatResponse response;
        try {
            response = route(request, o);
        } catch (RuntimeException | Error e) {
            // route() already maps every failure; this is the last line of defence.
            Log.errorf("Chat %s: request failed unexpectedly: %s", request == null ? "?" : request.chatId(),
                    Failures.forLog(e));
            o.outcome = "error";
            response = ChatResponse.text(Failures.SORRY).withCallbackAnswer("");
            if (o.sensitive) {
                response = response.deletingUserMessage();
            }
        }
        record(o, started);
        return response;
    }

    private ChatResponse route(ChatRequest request, Outcome o) {
        if (request == null) {
            o.command = "none";
            return ChatResponse.text(EMPTY_HINT);
        }
        if (!config.isAllowed(request.userId())) {
            o.command = "none";
            o.outcome = "not_allowed";
            Log.infof("Chat %d: refused user %d (not in BOT_ALLOWED_USERS)", request.chatId(), request.userId());
            return ChatResponse.text("Sorry, this bot is private. Your Telegram user id is "
                    + Html.code(String.valueOf(request.userId()))
                    + " — ask the bot's owner to add it to the allowed users (BOT_ALLOWED_USERS).")
                    .withCallbackAnswer(request.isButton() ? "Not allowed" : null);
        }
        return request.isButton() ? routeButton(request, o) : routeText(request, o);
    }

    private ChatResponse routeText(ChatRequest request, Outcome o) {
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            o.command = "empty";
            // a sticker or photo in a group is not for the bot
            return request.isPrivate() ? ChatResponse.text(EMPTY_HINT) : ChatResponse.of();
        }
        if (text.startsWith("/")) {
            String[] words = text.split("\\s+");
            String name = words[0].substring(1);
            int at = name.indexOf('@');
            if (at >= 0) {
                name = name.substring(0, at);
            }
            name = name.toLowerCase(Locale.ROOT);
            List<String> args = Arrays.asList(words).subList(1, words.length);
            CommandHandler h = byCommand.get(name);
            if (h != null) {
                o.command = name;
                o.sensitive = "login".equals(name) && !args.isEmpty();
                return invoke(h, new CommandInput(request, name, args), o);
            }
            if (request.isPrivate() && login.awaiting(request.chatId())) {
                return continueLogin(request, o);
            }
            o.command = "unknown";
            o.outcome = "unknown_command";
            return ChatResponse.text("I don't know " + Html.code(Html.shorten(words[0], 40))
                    + " — send /help to see what I can do.");
        }
        if (request.isPrivate() && login.awaiting(request.chatId())) {
            return continueLogin(request, o);
        }
        o.command = "text";
        if (!request.isPrivate()) {
            return ChatResponse.of(); // chatter in a group is not for the bot
        }
        return ChatResponse.text(HINT);
    }

    private ChatResponse continueLogin(ChatRequest request, Outcome o) {
        o.command = "login_input";
        o.sensitive = true;
        try {
            return login.continueConversation(request);
        } catch (RuntimeException e) {
            return failure(request, e, o).deletingUserMessage();
        }
    }

    private ChatResponse routeButton(ChatRequest request, Outcome o) {
        String[] parts = request.callbackData().split(":", -1);
        CommandHandler h = byPrefix.get(parts[0]);
        if (h == null) {
            o.command = "button_unknown";
            o.outcome = "unknown_command";
            return ChatResponse.text("That button doesn't work any more — send /help to see what I can do.")
                    .withCallbackAnswer("Unknown button");
        }
        o.command = "button_" + parts[0];
        ChatResponse r = invoke(h, new CommandInput(request, parts[0], Arrays.asList(parts).subList(1, parts.length)), o);
        return r.callbackAnswer() == null ? r.withCallbackAnswer("") : r;
    }

    private ChatResponse invoke(CommandHandler h, CommandInput input, Outcome o) {
        ChatRequest request = input.request();
        if (PodSnapshots.mayChangeWhatPodsShows(h)) {
            snapshots.forget(request.chatId()); // a change or a new login: the next /pods reads live
        }
        try {
            if (h.needsAccount() && !accounts.knownLinkedAndActive(request.chatId())) {
                // read in its own transaction: always the stored state, never an entity cached earlier in the request
                // (skipped while this instance saw the chat linked and active moments ago: no database on /pods)
                Optional<ChatAccount> account = QuarkusTransaction.requiringNew()
                        .call(() -> accounts.find(request.chatId()));
                account.ifPresent(accounts::remember);
                if (account.isEmpty()) {
                    o.outcome = "no_account";
                    return refusal(request, NO_ACCOUNT);
                }
                if (account.get().status == ChatAccount.Status.AUTH_FAILED) {
                    o.outcome = "auth_failed";
                    return refusal(request, AUTH_FAILED);
                }
                if (!account.get().chatActive) {
                    accounts.markChatActive(request.chatId());
                }
            }
            ChatResponse r = h.handle(input);
            return r == null ? ChatResponse.of() : r;
        } catch (CommandException e) {
            o.outcome = e.outcome();
            ChatResponse r = refusal(request, e.userMessage());
            return o.sensitive ? r.deletingUserMessage() : r;
        } catch (RuntimeException e) {
            ChatResponse r = failure(request, e, o);
            return o.sensitive ? r.deletingUserMessage() : r;
        }
    }

    private ChatResponse failure(ChatRequest request, RuntimeException e, Outcome o) {
        o.outcome = Failures.outcome(e);
        if (e instanceof SignInRejectedException || e instanceof MfaRequiredException) {
            Log.infof("Chat %d: Pod Point no longer accepts the saved sign-in; polling paused", request.chatId());
            try {
                accounts.markAuthFailed(request.chatId());
            } catch (RuntimeException ex) {
                Log.warnf("Chat %d: could not mark the account: %s", request.chatId(), Failures.forLog(ex));
            }
        } else if ("error".equals(o.outcome)) {
            Log.errorf("Chat %d: command %s failed: %s", request.chatId(), o.command, Failures.forLog(e));
        } else {
            Log.infof("Chat %d: command %s: Pod Point failure %s", request.chatId(), o.command,
                    e.getClass().getSimpleName());
        }
        return refusal(request, Failures.describe(e));
    }

    private static ChatResponse refusal(ChatRequest request, String text) {
        ChatResponse r = ChatResponse.text(text);
        if (request.isButton()) {
            String toast = Html.unescape(text.replaceAll("<[^>]+>", ""));
            r = r.withCallbackAnswer(MessageSplitter.cutPlain(toast, 180));
        }
        return r;
    }

    private void record(Outcome o, long started) {
        try {
            Timer.builder("podbot.command.latency").tag("command", o.command).publishPercentileHistogram()
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Counter.builder("podbot.updates.handled").tag("command", o.command).tag("outcome", o.outcome)
                    .register(registry).increment();
        } catch (RuntimeException e) {
            Log.debugf("Could not record metrics: %s", e.getClass().getSimpleName());
        }
    }

    /** Every usage line, in a stable order: the core commands first, then any others alphabetically. */
    public List<String> usageLines() {
        List<String> lines = usage;
        if (lines == null) {
            lines = List.copyOf(collectUsageLines());
            usage = lines;
        }
        return lines;
    }

    private List<String> collectUsageLines() {
        List<String> order = List.of("start", "help", "login", "cancel", "logout", "pods", "charge", "schedule",
                "boost", "mode", "charges");
        List<CommandHandler> hs = new ArrayList<>();
        for (CommandHandler h : handlerBeans) {
            hs.add(h);
        }
        hs.sort((a, b) -> {
            int ia = rank(order, a), ib = rank(order, b);
            return ia != ib ? Integer.compare(ia, ib) : first(a).compareTo(first(b));
        });
        List<String> lines = new ArrayList<>();
        for (CommandHandler h : hs) {
            for (String u : h.usage()) {
                if (!lines.contains(u)) {
                    lines.add(u);
                }
            }
        }
        return lines;
    }

    private static int rank(List<String> order, CommandHandler h) {
        int best = Integer.MAX_VALUE;
        for (String c : h.commands()) {
            int i = order.indexOf(c);
            if (i >= 0) {
                best = Math.min(best, i);
            }
        }
        return best;
    }

    private static String first(CommandHandler h) {
        return h.commands().isEmpty() ? "" : h.commands().get(0);
    }

    /** What one request was, for metrics and safety. */
    private static final class Outcome {
        String command = "none";
        String outcome = "ok";
        boolean sensitive;
    }
}
