package dev.podbot.notify;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the notification work: DOWN when one account's poll or one notification's send has been running
 * for longer than {@code NOTIFY_STALL_TIMEOUT} (every call inside has its own timeout, so such work is stuck, and a
 * restart cures it; the outbox loses nothing by a restart). Pod Point or Telegram being down keeps it UP: those
 * calls fail and are retried later, they do not hang.
 */
@Liveness
@ApplicationScoped
public class NotifyLiveness implements HealthCheck {

    static final String NAME = "notifications";

    @Inject
    NotifyConfig config;

    @Inject
    PollCoordinator coordinator;

    @Inject
    OutboxSender sender;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named(NAME);
        if (!config.enabled()) {
            return r.up().withData("state", "disabled").build();
        }
        Duration poll = coordinator.longestPollInFlight();
        Duration send = sender.longestSendInFlight();
        r.withData("longest-poll-seconds", poll.toSeconds()).withData("longest-send-seconds", send.toSeconds());
        Duration limit = config.stallTimeout();
        if (poll.compareTo(limit) > 0) {
            return r.down().withData("state", "a poll is stuck").build();
        }
        if (send.compareTo(limit) > 0) {
            return r.down().withData("state", "a send is stuck").build();
        }
        return r.up().withData("state", "working").build();
    }
}
