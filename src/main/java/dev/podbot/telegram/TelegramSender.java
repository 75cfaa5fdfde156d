package dev.podbot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import dev.podbot.command.ChatTransport.ChatUnreachableException;
import dev.podbot.command.ChatTransport.DeliveryFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * The ONE way out to Telegram for replies and notifications alike. Keeps to Telegram's limits with token buckets
 * (overall and per chat), waits {@code retry_after} on 429 and tries again, retries 5xx and I/O failures with
 * capped exponential backoff, turns 403 into {@link ChatUnreachableException} (and tells the account layer) and
 * gives up at once on other 4xx ({@link TelegramRejectedException}).
 */
public final class TelegramSender {

    /** Limits and retry policy, independent of CDI so the sender can be built in plain tests. */
    public record Settings(double globalPerSecond, double perChatPerSecond, int attempts, Duration initialBackoff,
            Duration maxBackoff, Duration maxRetryAfter) {

        public static Settings from(TelegramConfig c) {
            return new Settings(c.rate().globalPerSecond(), c.rate().perChatPerSecond(), c.retry().attempts(),
                    c.retry().initialBackoff(), c.retry().maxBackoff(), c.retry().maxRetryAfter());
        }
    }

    private final TelegramClient client;
    private final Settings settings;
    private final LongConsumer onUnreachable;
    private final Counter rateLimited;
    private final TokenBucket global;
    private final SlidingWindow perSecond;
    private final Map<Long, TokenBucket> perChat = new ConcurrentHashMap<>();

    public TelegramSender(TelegramClient client, Settings settings, MeterRegistry registry, LongConsumer onUnreachable) {
        this.client = client;
        this.settings = settings;
        this.onUnreachable = onUnreachable;
        this.rateLimited = Counter.builder("podbot.telegram.rate_limited")
                .description("Telegram 429 Too Many Requests answers").register(registry);
        // no burst allowance: messages are spaced evenly, so no one-second window ever holds more than the limit
        this.global = new TokenBucket(settings.globalPerSecond(), 1);
        // and never more than the limit within any second (plus 50 ms for network and scheduling jitter)
        this.perSecond = new SlidingWindow((int) Math.floor(settings.globalPerSecond()), Duration.ofMillis(1050));
    }

    /**
     * Executes one Bot API call for a chat, within the limits and with retries.
     *
     * @param chatId   the chat the call is about (null for calls about no chat, e.g. setMyCommands)
     * @param limited  true for calls that put a message into the chat (count against the per-chat limit)
     */
    public <T extends Serializable> T execute(Long chatId, BotApiMethod<T> method, boolean limited) {
        String name = method.getMethod();
        int attempts = Math.max(1, settings.attempts());
        long backoff = Math.max(1, settings.initialBackoff().toMillis());
        for (int attempt = 1;; attempt++) {
            acquire(chatId, limited);
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    rateLimited.increment();
                    int after = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                            ? Math.max(1, e.getParameters().getRetryAfter()) : 1;
                    if (attempt >= attempts || after > settings.maxRetryAfter().toSeconds()) {
                        Log.warnf("Telegram %s for chat %s: rate limited (retry after %d s), giving up for now",
                                name, chatId, after);
                        throw new DeliveryFailedException("Telegram rate limit: retry after " + after + " s", null);
                    }
                    Log.infof("Telegram %s for chat %s: rate limited, retrying in %d s", name, chatId, after);
                    // the next acquire() waits out the pause; other sends to the same chat wait too
                    (chatId != null && limited ? bucket(chatId) : global).pause(TimeUnit.SECONDS.toNanos(after));
                    continue;
                }
                if (code != null && code == 403) {
                    Log.infof("Telegram %s for chat %s: forbidden (bot blocked or chat gone)", name, chatId);
                    if (chatId != null) {
                        notifyUnreachable(chatId);
                    }
                    throw new ChatUnreachableException("Telegram chat " + chatId + " is unreachable (403)");
                }
                if (code == null && e.getCause() == null || code != null && code < 500) {
                    throw new TelegramRejectedException(name, code == null ? 0 : code, e.getApiResponse());
                }
                if (attempt >= attempts) {
                    Log.warnf("Telegram %s for chat %s failed with %s after %d attempts", name, chatId, code, attempt);
                    throw new DeliveryFailedException("Telegram " + name + " failed with " + code, null);
                }
            } catch (TelegramApiException e) {
                if (attempt >= attempts) {
                    Log.warnf("Telegram %s for chat %s failed (%s) after %d attempts", name, chatId,
                            rootCauseName(e), attempt);
                    throw new DeliveryFailedException("Telegram " + name + " failed: " + rootCauseName(e), null);
                }
            }
            sleep(TimeUnit.MILLISECONDS.toNanos(backoff));
            backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
        }
    }

    private void notifyUnreachable(long chatId) {
        try {
            onUnreachable.accept(chatId);
        } catch (RuntimeException e) {
            Log.warnf("Could not mark chat %d unreachable (%s)", chatId, e.getClass().getSimpleName());
        }
    }

    private void acquire(Long chatId, boolean limited) {
        if (chatId != null && limited) {
            sleep(bucket(chatId).reserve());
        }
        sleep(global.reserve());
        for (long wait = perSecond.tryAdmit(System.nanoTime()); wait > 0; wait = perSecond.tryAdmit(System.nanoTime())) {
            sleep(wait);
        }
    }

    private TokenBucket bucket(long chatId) {
        if (perChat.size() > 10_000) {
            perChat.entrySet().removeIf(e -> e.getValue().idle());
        }
        return perChat.computeIfAbsent(chatId, id -> new TokenBucket(settings.perChatPerSecond(), 1));
    }

    private static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while waiting to send", null);
        }
    }

    static String rootCauseName(Throwable e) {
        return rootCause(e).getClass().getSimpleName();
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
