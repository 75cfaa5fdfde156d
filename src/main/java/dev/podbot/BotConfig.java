package dev.podbot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bot's own settings ({@code bot.*}, environment variables {@code BOT_*}). */
@ConfigMapping(prefix = "bot")
public interface BotConfig {

    /** BOT_ENCRYPTION_KEY: Base64 of 32 random bytes. Required unless demo mode is on. */
    Optional<String> encryptionKey();

    /** BOT_OLD_ENCRYPTION_KEYS: comma-separated older keys, still accepted for decryption. */
    Optional<List<String>> oldEncryptionKeys();

    /** BOT_ALLOWED_USERS: Telegram user ids that may use the bot; empty means anyone. */
    Optional<List<Long>> allowedUsers();

    /** BOT_POLL_INTERVAL: how often each linked account is polled for notifications. */
    @WithDefault("300s")
    Duration pollInterval();

    /** BOT_POLL_CONCURRENCY: how many accounts are polled at the same time, at most. */
    @WithDefault("8")
    int pollConcurrency();

    /**
     * BOT_CONFIRM_TIMEOUT: how long the reply to a change (/charge, /schedule, /boost, /mode) waits for the charger
     * to confirm it before it says that no confirmation came.
     */
    @WithDefault("10m")
    Duration confirmTimeout();

    /** BOT_DEMO: simulated Pod Point account and local web chat. */
    @WithDefault("false")
    boolean demo();

    default boolean isAllowed(long userId) {
        return allowedUsers().map(l -> l.isEmpty() || l.contains(userId)).orElse(true);
    }
}
