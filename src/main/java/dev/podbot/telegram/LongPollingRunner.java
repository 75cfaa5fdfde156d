package dev.podbot.telegram;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import io.quarkus.logging.Log;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Long polling through TelegramBots 10.2.0 with everything it runs on owned here: a named daemon poller thread,
 * an OkHttp client whose calls can be cancelled, a capped backoff. {@link #close()} leaves no thread behind, so a
 * dev-mode reload never runs two pollers (409 Conflict).
 *
 * <p>Every getUpdates answer is read update by update ({@link EachUpdateGetUpdates}, {@link UpdateParser}), so one
 * update the library cannot read is skipped instead of stopping the bot; every call that ends with a readable
 * answer or an HTTP/network error counts as progress for {@link PollingLiveness}.
 */
final class LongPollingRunner implements AutoCloseable {

    static final String POLLER_THREADS = "podbot-telegram-poller";
    static final String BOT_SESSION_LOGGER = "org.telegram.telegrambots.longpolling.BotSession";
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

    private final TelegramApi api;
    private final String token;
    private final Consumer<List<Update>> consumer;
    private final ScheduledExecutorService executor;
    private final ExecutorService httpExecutor;
    private final OkHttpClient http;
    private final TelegramBotsLongPollingApplication app;

    private final UpdateParser parser;
    private final Runnable onProgress;

    LongPollingRunner(TelegramApi api, String token, Consumer<List<Update>> consumer, UpdateParser parser,
            Runnable onProgress) {
        this.api = api;
        this.token = token;
        this.consumer = consumer;
        this.parser = parser;
        this.onProgress = onProgress;
        this.executor = Executors.newSingleThreadScheduledExecutor(new dev.podbot.DaemonThreads(POLLER_THREADS));
        this.httpExecutor = new ThreadPoolExecutor(0, 4, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new dev.podbot.DaemonThreads(POLLER_THREADS + "-http"));
        this.http = api.http().newBuilder().dispatcher(new Dispatcher(httpExecutor))
                .addInterceptor(this::signalProgress).build();
        this.app = new TelegramBotsLongPollingApplication(api::mapper, () -> http, () -> executor,
                CappedBackOff::new);
    }

    /** Deletes any webhook and starts polling; throws when Telegram cannot be reached or refuses. */
    void start() throws TelegramApiException {
        app.registerBot(token, api::url, EachUpdateGetUpdates.generator(new DefaultGetUpdatesGenerator(ALLOWED_UPDATES),
                parser, onProgress), updates -> {
            try {
                consumer.accept(updates);
            } catch (RuntimeException e) {
                Log.errorf("Could not queue %d updates (%s)", updates.size(), e.getClass().getSimpleName());
            }
        });
    }

    /**
     * getUpdates calls that end without an answer to read (Telegram unreachable, an HTTP error) count as progress:
     * the poller is alive and backs off. A readable answer counts when {@link EachUpdateGetUpdates} has read it.
     */
    private Response signalProgress(Interceptor.Chain chain) throws IOException {
        String path = chain.request().url().encodedPath().toLowerCase(Locale.ROOT);
        if (!path.endsWith("/getupdates")) {
            return chain.proceed(chain.request());
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            onProgress.run();
            throw e;
        }
        if (!response.isSuccessful() || response.body() == null) {
            onProgress.run();
        }
        return response;
    }

    boolean isRunning() {
        return app.isRunning();
    }

    @Override
    public void close() {
        try {
            app.close();
        } catch (Exception e) {
            Log.debugf("Closing long polling: %s", e.getClass().getSimpleName());
        }
        // cancelling the in-flight getUpdates makes the library log an ERROR: expected here, so keep it quiet
        java.util.logging.Logger sessionLog = java.util.logging.Logger.getLogger(BOT_SESSION_LOGGER);
        java.util.logging.Level previous = sessionLog.getLevel();
        sessionLog.setLevel(java.util.logging.Level.OFF);
        try {
            http.dispatcher().cancelAll();
            executor.shutdownNow();
            httpExecutor.shutdownNow();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                Log.warn("The Telegram poller thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessionLog.setLevel(previous);
        }
    }
}
