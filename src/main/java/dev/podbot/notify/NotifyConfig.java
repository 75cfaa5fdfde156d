package dev.podbot.notify;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Notification settings ({@code notify.*}, environment variables {@code NOTIFY_*}). Poll interval and concurrency are in BotConfig. */
@ConfigMapping(prefix = "notify")
public interface NotifyConfig {

    /** NOTIFY_ENABLED: poll accounts and send notifications. */
    @WithDefault("true")
    boolean enabled();

    /** NOTIFY_TICK: how often due accounts and due notifications are looked for. */
    @WithDefault("1s")
    Duration tick();

    /** NOTIFY_TIMEZONE: zone for quiet hours and for times in messages when the pod has none. */
    @WithDefault("Europe/London")
    ZoneId timezone();

    /** NOTIFY_FIRMWARE_EVERY: firmware is checked on the first poll and every Nth poll after. */
    @WithDefault("12")
    int firmwareEvery();

    /** NOTIFY_INSTANCE_ID: this instance's name in claimed_by columns; the host name when unset. */
    Optional<String> instanceId();

    /** NOTIFY_CLAIM_TIMEOUT: after this, an account claimed by a crashed instance may be polled by another. */
    @WithDefault("5m")
    Duration claimTimeout();

    /** NOTIFY_MAX_BACKOFF: the longest pause of an account after repeated Pod Point failures. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** NOTIFY_SEND_BATCH: outbox rows claimed per sender tick. */
    @WithDefault("200")
    int sendBatch();

    /** NOTIFY_SEND_THREADS: chats delivered to in parallel (the transport enforces Telegram's rate limits). */
    @WithDefault("8")
    int sendThreads();

    /**
     * NOTIFY_STALL_TIMEOUT: /q/health/live goes DOWN when one account's poll or one notification's send has run
     * this long (Pod Point calls time out after PODPOINT_TIMEOUT with retries; Telegram calls after 75 s with
     * retries): the work is stuck, and a restart cures it.
     */
    @WithDefault("10m")
    Duration stallTimeout();

    /**
     * NOTIFY_DIGEST: send the monthly digest on the 1st (each chat can also switch it off in /notify). Off, no digest
     * is queued by this instance.
     */
    @WithDefault("true")
    boolean digest();

    /** NOTIFY_MAX_ATTEMPTS: failed deliveries before a row is given up (FAILED). */
    @WithDefault("10")
    int maxAttempts();
}
