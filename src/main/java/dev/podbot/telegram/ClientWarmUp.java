package dev.podbot.telegram;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;

import okhttp3.OkHttpClient;

/**
 * The Telegram client's set-up, begun before Quarkus starts ({@code dev.podbot.Main}) on a daemon thread: an OkHttp
 * client with the platform's TLS settings (its classes, and the JDK's trust store read once) and Jackson's readers
 * for the answers to getMe and deleteWebhook, the calls made before long polling begins. {@link TelegramApi} builds
 * its client from {@link #base()}, so the trust store is not read a second time. Without {@link #start()} (tests, dev
 * mode) {@link #base()} is a plain new client. Never logs: it runs before logging is set up.
 */
public final class ClientWarmUp {

    private static volatile CompletableFuture<OkHttpClient> warming;

    private ClientWarmUp() {
    }

    /** Begins the set-up on its own daemon thread (once). */
    public static synchronized void start() {
        if (warming != null) {
            return;
        }
        CompletableFuture<OkHttpClient> f = new CompletableFuture<>();
        warming = f;
        Thread t = new Thread(() -> {
            try {
                OkHttpClient client = new OkHttpClient();
                new GetMe().deserializeResponse(
                        "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"x\",\"username\":\"x\"}}");
                new DeleteWebhook().deserializeResponse("{\"ok\":true,\"result\":true}");
                f.complete(client);
            } catch (Exception | LinkageError e) {
                f.complete(null); // only a head start: the client is built the usual way
            }
        }, "podbot-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The client to build Telegram's from: the warmed one when {@link #start()} ran, else a new one. */
    static OkHttpClient base() {
        CompletableFuture<OkHttpClient> f = warming;
        if (f != null) {
            try {
                OkHttpClient client = f.get(10, TimeUnit.SECONDS);
                if (client != null) {
                    return client;
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return new OkHttpClient();
    }
}
