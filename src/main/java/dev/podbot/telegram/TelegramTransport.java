package dev.podbot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.BotConfig;
import dev.podbot.account.AccountService;
import dev.podbot.command.CommandRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts and stops the Telegram side of the bot: checks the token, builds the one HTTP client and the one
 * {@link TelegramSender}, publishes the command menu, then long-polls (default) or registers the webhook (when
 * TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET are set). Without a token it refuses to start, unless demo mode
 * is on. Network trouble at start is retried in the background with a capped backoff.
 */
@ApplicationScoped
public class TelegramTransport {

    static final String STARTER_THREADS = "podbot-telegram-start";
    static final Duration TOKEN_REJECTED_RETRY = Duration.ofMinutes(5);
    static final Duration SENDER_WAIT = Duration.ofSeconds(10);

    @Inject
    TelegramConfig config;

    @Inject
    BotConfig botConfig;

    @Inject
    MeterRegistry registry;

    @Inject
    AccountService accounts;

    @Inject
    UpdateDispatcher dispatcher;

    @Inject
    CommandRouter router;

    @Inject
    UpdateParser parser;

    @Inject
    PollingHeartbeat liveness;

    private volatile boolean running;
    private volatile boolean webhookMode;
    private volatile String token;
    private volatile TelegramApi api;
    private volatile TelegramSender sender;
    private volatile LongPollingRunner poller;
    private volatile ScheduledExecutorService starter;
    private volatile String botUsername;
    private volatile boolean polling;
    private volatile boolean connected;
    private volatile String tokenProblem;
    private volatile String apiUrl;
    private long retryMillis = 1000;
    private boolean commandsPublished;
    private final CountDownLatch built = new CountDownLatch(1);

    /**
     * Early among the start-up observers (after the configuration check and the database's durability setting):
     * Telegram is reached on the starter thread while the rest of the app finishes starting.
     */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        if (!config.enabled()) {
            Log.info("Telegram transport is switched off (telegram.enabled=false)");
            return;
        }
        String t = config.botToken().map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (t == null) {
            if (botConfig.demo()) {
                Log.info("Demo mode without TELEGRAM_BOT_TOKEN: the Telegram transport is not started");
                return;
            }
            Log.error("Cannot start: " + BotToken.MISSING);
            throw new TelegramStartupException(BotToken.MISSING);
        }
        TelegramUrl url;
        try {
            url = config.telegramUrl();
        } catch (IllegalArgumentException e) {
            Log.error("Cannot start: " + e.getMessage());
            throw new TelegramStartupException(e.getMessage());
        }
        RedactingLogFilter.addSecret(t);
        config.webhookSecret().ifPresent(RedactingLogFilter::addSecret);
        token = t;
        apiUrl = url.getSchema() + "://" + url.getHost() + ":" + url.getPort();
        webhookMode = config.webhookMode();
        starter = Executors.newSingleThreadScheduledExecutor(new dev.podbot.DaemonThreads(STARTER_THREADS));
        running = true;
        Log.infof("Telegram transport starting (%s, API %s://%s:%d)", webhookMode ? "webhook" : "long polling",
                url.getSchema(), url.getHost(), url.getPort());
        // the HTTP client (TLS set-up: ~0.2 s of CPU) is built on the starter thread, while the rest of the app starts
        starter.execute(() -> build(t, url));
        starter.execute(this::connect);
    }

    private void build(String t, TelegramUrl url) {
        try {
            TelegramApi a = new TelegramApi(t, url);
            api = a;
            sender = new TelegramSender(a.client(), TelegramSender.Settings.from(config), registry,
                    this::markUnreachable);
        } catch (RuntimeException e) {
            Log.errorf("Could not set up the Telegram client (%s)", e.getClass().getSimpleName());
        } finally {
            built.countDown();
        }
    }

    private void connect() {
        if (!running || api == null) {
            return;
        }
        try {
            if (botUsername == null) {
                // straight to the client: start-up has its own retries and messages (wrong token, no network)
                User me = api.client().execute(new GetMe());
                botUsername = me.getUserName();
                tokenProblem = null;
                Log.infof("Connected to Telegram as @%s", botUsername);
            }
            if (webhookMode) {
                api.client().execute(SetWebhook.builder().url(config.webhookUrl().orElseThrow())
                        .secretToken(config.webhookSecret().orElseThrow())
                        .allowedUpdates(LongPollingRunner.ALLOWED_UPDATES).build());
                Log.info("Telegram webhook registered");
                connected = true;
                publishCommandsOnce();
            } else {
                LongPollingRunner r = new LongPollingRunner(api, token, dispatcher::accept, parser,
                        liveness::progressed);
                try {
                    r.start();
                } catch (TelegramApiException | RuntimeException e) {
                    r.close();
                    throw e;
                }
                synchronized (this) {
                    if (!running) {
                        r.close();
                        return;
                    }
                    poller = r;
                }
                liveness.started();
                polling = true;
                connected = true;
                Log.info("Telegram long polling started");
                // the menu after the first getUpdates: one round trip less before the bot can answer
                publishCommandsOnce();
                JsonWarmUp.run(parser, api.mapper());
            }
        } catch (Exception e) {
            if (!running) {
                return;
            }
            if (tokenRejected(e)) {
                // a wrong token stays wrong: say so once, plainly, and only look again now and then
                if (tokenProblem == null) {
                    tokenProblem = BotToken.REJECTED.formatted(describe(e));
                    Log.errorf("%s. Trying again every %d minutes.", tokenProblem, TOKEN_REJECTED_RETRY.toMinutes());
                }
                retryLater(TOKEN_REJECTED_RETRY.toMillis());
                return;
            }
            if (TelegramSender.rootCause(e) instanceof IOException) {
                Log.warnf("Telegram cannot be reached at %s (%s): check this machine's network, DNS or proxy, and"
                        + " TELEGRAM_API_URL; retrying in %d s", apiUrl, describe(e), retryMillis / 1000);
            } else {
                Log.warnf("Could not connect to Telegram (%s); retrying in %d s", describe(e), retryMillis / 1000);
            }
            retryLater(retryMillis);
            retryMillis = Math.min(retryMillis * 2, 60_000);
        }
    }

    private void retryLater(long millis) {
        ScheduledExecutorService s = starter;
        if (s != null && !s.isShutdown()) {
            s.schedule(this::connect, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** 401 and 404 from the Bot API mean the token itself is wrong (404: no bot has it). */
    private static boolean tokenRejected(Exception e) {
        Integer code = null;
        if (e instanceof org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException r) {
            code = r.getErrorCode();
        } else if (e instanceof TelegramRejectedException r) {
            code = r.errorCode();
        }
        return code != null && (code == 401 || code == 404);
    }

    /** Why Telegram refused the token at start, or null while it has not. */
    public String tokenProblem() {
        return tokenProblem;
    }

    private void publishCommandsOnce() {
        if (!commandsPublished) {
            commandsPublished = true;
            publishCommands();
        }
    }

    private void publishCommands() {
        // the same lines in the same order as /help
        List<BotCommand> commands = BotCommands.fromUsage(router.usageLines());
        try {
            sender.execute(null, SetMyCommands.builder().commands(commands)
                    .scope(new BotCommandScopeAllPrivateChats()).build(), false);
            Log.infof("Telegram command menu set (%d commands)", commands.size());
        } catch (RuntimeException e) {
            Log.warnf("Could not set the Telegram command menu (%s)", describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException r
                && r.getErrorCode() != null) {
            return "HTTP " + r.getErrorCode();
        }
        if (e instanceof TelegramRejectedException r) {
            return "HTTP " + r.errorCode();
        }
        return TelegramSender.rootCauseName(e);
    }

    private void markUnreachable(long chatId) {
        accounts.markChatUnreachable(chatId);
    }

    /** True while the transport runs (it reaches Telegram chats). */
    public boolean isRunning() {
        return running;
    }

    /** True once Telegram answered and updates flow (long polling started, or the webhook registered). */
    public boolean isConnected() {
        return running && connected;
    }

    /** True when updates come through the webhook endpoint. */
    public boolean isWebhookMode() {
        return running && webhookMode;
    }

    /** True once long polling has started. */
    public boolean isPolling() {
        return running && polling;
    }

    /** The one outbound sender. */
    public TelegramSender sender() {
        TelegramSender s = sender;
        if (s == null && running) {
            try {
                // the starter thread builds it within moments of the start
                built.await(SENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s = sender;
        }
        if (s == null || !running) {
            throw new IllegalStateException("the Telegram transport is not running");
        }
        return s;
    }

    ObjectMapper mapper() {
        return api != null ? api.mapper() : TelegramApi.objectMapper();
    }

    String botUsername() {
        return botUsername;
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        polling = false;
        connected = false;
        LongPollingRunner p = poller;
        poller = null;
        if (p != null) {
            p.close();
        }
        ScheduledExecutorService s = starter;
        starter = null;
        if (s != null) {
            s.shutdownNow();
        }
        dispatcher.shutdown();
        TelegramApi a = api;
        if (a != null) {
            a.close();
        }
        Log.info("Telegram transport stopped");
    }

    /** Startup refused: a one-line reason, no stack trace. */
    public static final class TelegramStartupException extends RuntimeException {
        public TelegramStartupException(String message) {
            super(message, null, false, false);
        }
    }
}
