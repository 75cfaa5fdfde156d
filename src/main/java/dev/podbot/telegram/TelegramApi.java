package dev.podbot.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP side of the Bot API that we own: one OkHttp client (named daemon dispatcher threads, no logging
 * interceptor: every URL holds the token), one ObjectMapper that ignores unknown fields, one
 * {@link TelegramClient} for sending. {@link #close()} releases all of it.
 */
public final class TelegramApi implements AutoCloseable {

    static final String HTTP_THREADS = "podbot-telegram-http";

    private final ObjectMapper mapper;
    private final ExecutorService dispatcherExecutor;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final TelegramUrl url;

    public TelegramApi(String token, TelegramUrl url) {
        this.url = url;
        this.mapper = objectMapper();
        this.dispatcherExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new dev.podbot.DaemonThreads(HTTP_THREADS));
        Dispatcher dispatcher = new Dispatcher(dispatcherExecutor);
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(32);
        // from the client set up before start-up (its TLS settings), when there is one
        this.http = ClientWarmUp.base().newBuilder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(8, 60, TimeUnit.SECONDS))
                .connectTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                // getUpdates long-polls for up to 50 s
                .readTimeout(75, TimeUnit.SECONDS)
                .build();
        this.client = new SameThreadTelegramClient(mapper, http, token, url);
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public OkHttpClient http() {
        return http;
    }

    public TelegramClient client() {
        return client;
    }

    public TelegramUrl url() {
        return url;
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        dispatcherExecutor.shutdownNow();
        http.connectionPool().evictAll();
    }
}
