package dev.podbot.telegram;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of long polling: DOWN when the poller has made no progress for longer than
 * {@code telegram.polling-stall-timeout} (default 150 s: Telegram's read timeout of 75 s, the longest backoff of
 * 30 s and a margin). Progress is a getUpdates call that ended with an answer the bot could read, or with an HTTP
 * or network error (Telegram's trouble, which a restart would not cure). A poller stuck on an answer it cannot
 * read, or a poller thread that hangs, is what a restart cures. UP while long polling is not running (webhook
 * mode, transport off, still connecting).
 */
@Liveness
@ApplicationScoped
public class PollingLiveness implements HealthCheck {

    static final String NAME = "telegram-polling";

    @Inject
    TelegramTransport transport;

    @Inject
    TelegramConfig config;

    @Inject
    PollingHeartbeat heartbeat;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named(NAME);
        if (!transport.isPolling()) {
            return r.up().withData("state", "not polling").build();
        }
        Duration since = heartbeat.sinceProgress();
        Duration limit = config.pollingStallTimeout();
        r.withData("seconds-since-progress", since.toSeconds());
        if (since.compareTo(limit) > 0) {
            return r.down().withData("state", "stalled").build();
        }
        return r.up().withData("state", "polling").build();
    }
}
