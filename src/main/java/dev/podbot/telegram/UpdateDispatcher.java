package dev.podbot.telegram;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.Update;

import dev.podbot.account.AccountService;
import dev.podbot.command.ChatRequest;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.ChatTransport.ChatUnreachableException;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandService;
import dev.podbot.command.MessageSplitter;
import dev.podbot.command.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

/**
 * Takes updates from long polling or the webhook, drops duplicates, and handles them off the receiving thread:
 * one chat's updates in order, chats in parallel. Handling = command layer, then the answer goes out through the
 * one {@link TelegramSender}. Never logs texts, only update ids, chat ids and command names.
 */
@ApplicationScoped
public class UpdateDispatcher {

    static final String WORKER_THREADS = "podbot-telegram-worker";
    private static final String SORRY = "Sorry, something went wrong. Please try again in a moment.";

    @Inject
    CommandService commands;

    @Inject
    AccountService accounts;

    @Inject
    MeterRegistry registry;

    @Inject
    TelegramConfig config;

    @Inject
    Instance<CommandHandler> handlers;

    @Inject
    TelegramTransport transport;

    private final Map<Integer, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > 10_000;
        }
    };
    private volatile ChatSerialExecutor workers;
    private volatile Set<String> knownCommands;
    private volatile Set<String> knownPrefixes;

    /** Queues updates for handling; returns at once. */
    public void accept(List<Update> updates) {
        for (Update u : updates) {
            accept(u);
        }
    }

    public void accept(Update u) {
        if (u == null || u.getUpdateId() == null) {
            return;
        }
        synchronized (seen) {
            if (seen.putIfAbsent(u.getUpdateId(), Boolean.TRUE) != null) {
                Log.debugf("Update %d seen before; dropped", u.getUpdateId());
                return;
            }
        }
        Optional<Incoming> in;
        try {
            in = UpdateMapper.map(u, transport.botUsername());
        } catch (RuntimeException e) {
            Log.warnf("Update %d could not be read (%s)", u.getUpdateId(), e.getClass().getSimpleName());
            return;
        }
        in.ifPresent(i -> workers().submit(queueKey(i), () -> process(i)));
    }

    /**
     * The chat's own queue; a button press without a chat (inline messages, games) gets a queue of its own, never
     * a shared one that could fill up and drop presses unanswered.
     */
    static long queueKey(Incoming i) {
        return i.kind() == Incoming.Kind.BUTTON_WITHOUT_CHAT ? Long.MIN_VALUE + i.updateId() : i.chatId();
    }

    private ChatSerialExecutor workers() {
        ChatSerialExecutor w = workers;
        if (w == null) {
            synchronized (this) {
                if (workers == null) {
                    workers = new ChatSerialExecutor(config.workers(), WORKER_THREADS);
                }
                w = workers;
            }
        }
        return w;
    }

    void process(Incoming in) {
        Log.debugf("Handling %s", in);
        switch (in.kind()) {
            case BLOCKED -> accounts.markChatUnreachable(in.chatId());
            case UNBLOCKED -> accounts.reactivate(in.chatId());
            case BUTTON_WITHOUT_CHAT -> answer(in, "");
            case MESSAGE, BUTTON -> handle(in);
        }
    }

    private void handle(Incoming in) {
        ChatRequest request = in.request();
        String tag = commandTag(request);
        try {
            // the user wrote, so the chat is reachable; no database work while this instance knows it is active
            // (the user sees the reply only once it is marked)
            accounts.markChatActive(in.chatId());
        } catch (RuntimeException e) {
            Log.warnf("Could not mark chat %d active (%s)", in.chatId(), e.getClass().getSimpleName());
        }
        String outcome = "ok";
        boolean answered = false;
        Timer.Sample sample = Timer.start(registry);
        try {
            ChatResponse response;
            try {
                response = commands.handle(request);
            } catch (RuntimeException e) {
                outcome = "error";
                Log.errorf("Command %s failed in chat %d (update %d): %s", tag, in.chatId(), in.updateId(),
                        e.getClass().getName());
                response = ChatResponse.text(SORRY);
            }
            if (response == null) {
                response = ChatResponse.of();
            }
            if (in.kind() == Incoming.Kind.BUTTON) {
                answered = true;
                answer(in, response.callbackAnswer());
            }
            execute(in, response);
        } catch (ChatUnreachableException e) {
            Log.debugf("Chat %d is unreachable; answer dropped", in.chatId());
        } catch (RuntimeException e) {
            outcome = "error";
            Log.warnf("Answer to %s in chat %d (update %d) not delivered: %s", tag, in.chatId(), in.updateId(),
                    e.getClass().getSimpleName());
        } finally {
            if (in.kind() == Incoming.Kind.BUTTON && !answered) {
                answer(in, "");
            }
            sample.stop(Timer.builder("podbot.command.latency").description("Time to handle one update")
                    .tag("command", tag).publishPercentileHistogram().register(registry));
            Counter.builder("podbot.updates.handled").description("Telegram updates handled")
                    .tag("command", tag).tag("outcome", outcome).register(registry).increment();
        }
    }

    private void execute(Incoming in, ChatResponse response) {
        TelegramSender sender = transport.sender();
        long chatId = in.chatId();
        ChatRequest request = in.request();
        if (response.deleteUserMessage() && !request.isButton() && request.messageId() != null) {
            try {
                sender.execute(chatId, DeleteMessage.builder().chatId(chatId).messageId(request.messageId()).build(),
                        false);
            } catch (TelegramRejectedException e) {
                Log.infof("Could not delete the user's message in chat %d (%d)", chatId, e.errorCode());
            }
        }
        for (Reply reply : response.replies()) {
            if (reply.editOriginal() && request.isButton() && request.messageId() != null) {
                ReplyWriter.edit(sender, chatId, request.messageId(), reply);
            } else {
                ReplyWriter.send(sender, chatId, reply);
            }
        }
    }

    private void answer(Incoming in, String text) {
        try {
            String t = MessageSplitter.cutPlain(text, 200);
            transport.sender().execute(in.chatId() == 0 ? null : in.chatId(),
                    AnswerCallbackQuery.builder().callbackQueryId(in.callbackQueryId()).text(t).build(), false);
        } catch (RuntimeException e) {
            Log.infof("Could not answer button press in chat %d (%s)", in.chatId(), e.getClass().getSimpleName());
        }
    }

    /** The metric tag: the command name, "button:&lt;prefix&gt;", "text"; unknown names collapse to one tag. */
    String commandTag(ChatRequest r) {
        loadKnown();
        if (r.isButton()) {
            String data = r.callbackData();
            int colon = data.indexOf(':');
            String prefix = colon < 0 ? data : data.substring(0, colon);
            return "button:" + (knownPrefixes.contains(prefix) ? prefix : "other");
        }
        String t = r.text() == null ? "" : r.text().strip();
        if (!t.startsWith("/")) {
            return "text";
        }
        int end = 1;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '@') {
            end++;
        }
        String name = t.substring(1, end).toLowerCase(Locale.ROOT);
        return knownCommands.contains(name) ? name : "unknown";
    }

    private void loadKnown() {
        if (knownCommands != null) {
            return;
        }
        Set<String> cmds = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (CommandHandler h : handlers) {
            h.commands().forEach(c -> cmds.add(c.toLowerCase(Locale.ROOT)));
            prefixes.addAll(h.buttonPrefixes());
        }
        knownPrefixes = Set.copyOf(prefixes);
        knownCommands = Set.copyOf(cmds);
    }

    @PreDestroy
    void shutdown() {
        ChatSerialExecutor w;
        synchronized (this) {
            w = workers;
            workers = null;
        }
        if (w != null) {
            w.shutdown(3000);
        }
    }
}
