package dev.podbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.telegram.telegrambots.meta.TelegramUrl;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Telegram transport settings ({@code telegram.*}, environment variables {@code TELEGRAM_*}). */
@ConfigMapping(prefix = "telegram")
public interface TelegramConfig {

    /** TELEGRAM_ENABLED: switch the whole transport off (tests of other areas, demo-only runs). */
    @WithDefault("true")
    boolean enabled();

    /** TELEGRAM_BOT_TOKEN: the token BotFather gave you. Required unless demo mode is on. */
    Optional<String> botToken();

    /** TELEGRAM_API_URL: Bot API base URL (scheme, host and port; no path). */
    @WithDefault("https://api.telegram.org")
    String apiUrl();

    /** TELEGRAM_WEBHOOK_URL: public HTTPS URL of POST /telegram/webhook. With the secret, turns on webhook mode. */
    Optional<String> webhookUrl();

    /** TELEGRAM_WEBHOOK_SECRET: shared secret Telegram sends in X-Telegram-Bot-Api-Secret-Token. */
    Optional<String> webhookSecret();

    /** Outbound rate limits. */
    Rate rate();

    /** Outbound retries. */
    Retry retry();

    /** TELEGRAM_WORKERS: threads that handle updates (one chat's updates always run in order). */
    @WithDefault("16")
    int workers();

    /**
     * TELEGRAM_POLLING_STALL_TIMEOUT: /q/health/live goes DOWN when long polling made no progress for this long
     * (a getUpdates call lasts up to 75 s, the longest backoff is 30 s).
     */
    @WithDefault("150s")
    Duration pollingStallTimeout();

    interface Rate {
        /** TELEGRAM_RATE_GLOBAL_PER_SECOND: messages per second over all chats. */
        @WithDefault("30")
        double globalPerSecond();

        /** TELEGRAM_RATE_PER_CHAT_PER_SECOND: messages per second to one chat. */
        @WithDefault("1")
        double perChatPerSecond();

        /** TELEGRAM_RATE_REPLY_BURST: replies one chat may get at once before the per-chat rate applies. */
        @WithDefault("3")
        int replyBurst();
    }

    interface Retry {
        /** Attempts per outbound call (first try included) on 429, 5xx and I/O errors. */
        @WithDefault("4")
        int attempts();

        /** First pause before retrying a 5xx/I/O failure; doubles each time. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest pause between retries. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Longest retry_after (429) the sender waits for; beyond it the send fails for now. */
        @WithDefault("60s")
        Duration maxRetryAfter();

        /** How long a reply to a person is retried on 5xx and I/O errors (notifications: {@code attempts}). */
        @WithDefault("60s")
        Duration interactiveFor();
    }

    /** True when both the webhook URL and its secret are set. */
    default boolean webhookMode() {
        return webhookUrl().filter(s -> !s.isBlank()).isPresent()
                && webhookSecret().filter(s -> !s.isBlank()).isPresent();
    }

    default TelegramUrl telegramUrl() {
        return parseUrl(apiUrl());
    }

    /** Scheme, host and port of a Bot API base URL (TelegramBots supports no path prefix). */
    static TelegramUrl parseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://api.telegram.org");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return TelegramUrl.builder().schema(scheme).host(uri.getHost()).port(port).testServer(false).build();
    }
}
