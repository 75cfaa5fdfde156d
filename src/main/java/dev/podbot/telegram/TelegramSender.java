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
 * The ONE way out to Telegram for replies and notifications alike, in two {@link Lane}s. Keeps to Telegram's limits
 * (at most {@code globalPerSecond} messages in any second overall, a sliding window shared by both lanes, and
 * {@code perChatPerSecond} per chat, with a small burst for replies); interactive calls go first, bulk calls use what
 * is left. Waits {@code retry_after} on 429 and tries again, retries 5xx and I/O failures with capped exponential
 * backoff (interactive calls for up to {@code interactiveRetryFor}, bulk calls {@code attempts} times), turns 403
 * into {@link ChatUnreachableException} (and tells the account layer) and gives up at once on other 4xx
 * ({@link TelegramRejectedException}).
 */
public final class TelegramSender {

    /** Limits and retry policy, independent of CDI so the sender can be built in plain tests. */
    public record Settings(double globalPerSecond, double perChatPerSecond, int attempts, Duration initialBackoff,
            Duration maxBackoff, Duration maxRetryAfter, int replyBurst, Duration interactiveRetryFor) {

        /** Telegram tolerates a short burst of replies in one chat; 3 within a second is well inside it. */
        public static final int REPLY_BURST = 3;

        public Settings(double globalPerSecond, double perChatPerSecond, int attempts, Duration initialBackoff,
                Duration maxBackoff, Duration maxRetryAfter) {
            this(globalPerSecond, perChatPerSecond, attempts, initialBackoff, maxBackoff, maxRetryAfter, REPLY_BURST,
                    Duration.ofSeconds(60));
        }

        public static Settings from(TelegramConfig c) {
            return new Settings(c.rate().globalPerSecond(), c.rate().perChatPerSecond(), c.retry().attempts(),
                    c.retry().initialBackoff(), c.retry().maxBackoff(), c.retry().maxRetryAfter(),
                    c.rate().replyBurst(), c.retry().interactiveFor());
        }
    }

    private final TelegramClient client;
    private final Settings settings;
    private final LongConsumer onUnreachable;
    private final Counter rateLimited;
    private final OutboundGate global;
    private final Map<Long, TokenBucket> perChat = new ConcurrentHashMap<>();

    public TelegramSender(TelegramClient client, Settings settings, MeterRegistry registry, LongConsumer onUnreachable) {
        this.client = client;
        this.settings = settings;
        this.onUnreachable = onUnreachable;
        this.rateLimited = Counter.builder("podbot.telegram.rate_limited")
                .description("Telegram 429 Too Many Requests answers").register(registry);
        // never more than the limit within any second (a place is held until a second after the call returned)
        this.global = new OutboundGate((int) Math.floor(settings.globalPerSecond()), Duration.ofSeconds(1));
    }

    /**
     * Executes one interactive Bot API call for a chat (a reply to a person), within the limits and with retries.
     *
     * @param chatId   the chat the call is about (null for calls about no chat, e.g. setMyCommands)
     * @param limited  true for calls that put a message into the chat (count against the per-chat limit)
     */
    public <T extends Serializable> T execute(Long chatId, BotApiMethod<T> method, boolean limited) {
        return execute(chatId, method, limited, Lane.INTERACTIVE);
    }

    /** Executes one Bot API call in the given lane, within the limits and with retries. */
    public <T extends Serializable> T execute(Long chatId, BotApiMethod<T> method, boolean limited, Lane lane) {
        return run(chatId, method.getMethod(), limited, lane, c -> c.execute(method));
    }

    /** One multipart call (sendPhoto, sendDocument, editMessageMedia), made afresh for every attempt. */
    @FunctionalInterface
    public interface Upload<T> {
        T send(TelegramClient client) throws TelegramApiException;
    }

    /**
     * Executes one upload into a chat, within the same limits, lanes and retries as every other message. The call
     * is built anew on each attempt, because the file's stream can be read only once.
     */
    public <T> T upload(long chatId, String method, Lane lane, Upload<T> call) {
        return run(chatId, method, true, lane, call);
    }

    private <T> T run(Long chatId, String name, boolean limited, Lane lane, Upload<T> call) {
        int attempts = Math.max(1, settings.attempts());
        long backoff = Math.max(1, settings.initialBackoff().toMillis());
        // a person waits for an interactive call in a chat: retry server trouble for longer than a notification (the
        // outbox retries those later)
        long retryUntil = lane == Lane.INTERACTIVE && chatId != null ? System.nanoTime() + settings.interactiveRetryFor().toNanos()
                : Long.MIN_VALUE;
        for (int attempt = 1;; attempt++) {
            try (OutboundGate.Slot slot = acquire(chatId, limited, lane)) {
                return call.send(client);
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
                    if (chatId != null && limited) {
                        bucket(chatId).pause(TimeUnit.SECONDS.toNanos(after));
                    } else if (limited) {
                        global.pause(TimeUnit.SECONDS.toNanos(after));
                    } else {
                        sleep(TimeUnit.SECONDS.toNanos(after));
                    }
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
                if (giveUp(attempt, attempts, retryUntil, backoff)) {
                    Log.warnf("Telegram %s for chat %s failed with %s after %d attempts", name, chatId, code, attempt);
                    throw new DeliveryFailedException("Telegram " + name + " failed with " + code, null);
                }
            } catch (TelegramApiException e) {
                if (giveUp(attempt, attempts, retryUntil, backoff)) {
                    Log.warnf("Telegram %s for chat %s failed (%s) after %d attempts", name, chatId,
                            rootCauseName(e), attempt);
                    throw new DeliveryFailedException("Telegram " + name + " failed: " + rootCauseName(e), null);
                }
            }
            sleep(TimeUnit.MILLISECONDS.toNanos(backoff));
            backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
        }
    }

    /** Bulk calls stop after {@code attempts}; interactive ones when the next try would come after their deadline. */
    private static boolean giveUp(int attempt, int attempts, long retryUntil, long backoffMillis) {
        if (retryUntil == Long.MIN_VALUE) {
            return attempt >= attempts;
        }
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis) - retryUntil > 0;
    }

    private void notifyUnreachable(long chatId) {
        try {
            onUnreachable.accept(chatId);
        } catch (RuntimeException e) {
            Log.warnf("Could not mark chat %d unreachable (%s)", chatId, e.getClass().getSimpleName());
        }
    }

    /**
     * Messages (limited calls) count against the limits; other calls (answers, deletes, getMe) go at once. Returns
     * the place in the overall window (null for other calls), to be closed when the call returns.
     */
    private OutboundGate.Slot acquire(Long chatId, boolean limited, Lane lane) {
        if (!limited) {
            return null;
        }
        if (chatId != null) {
            TokenBucket b = bucket(chatId);
            // replies may use the chat's small burst; notifications leave it to them
            double keep = lane == Lane.INTERACTIVE ? 0 : Math.max(0, settings.replyBurst() - 1);
            for (long wait = b.tryTake(keep); wait > 0; wait = b.tryTake(keep)) {
                sleep(wait);
            }
        }
        try {
            return global.acquire(lane);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while waiting to send", null);
        }
    }

    private TokenBucket bucket(long chatId) {
        if (perChat.size() > 10_000) {
            perChat.entrySet().removeIf(e -> e.getValue().idle());
        }
        return perChat.computeIfAbsent(chatId,
                id -> new TokenBucket(settings.perChatPerSecond(), Math.max(1, settings.replyBurst())));
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
