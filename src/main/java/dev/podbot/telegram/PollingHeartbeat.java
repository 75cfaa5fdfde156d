package dev.podbot.telegram;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/** When long polling last made progress (see {@link PollingLiveness}). */
@ApplicationScoped
public class PollingHeartbeat {

    private volatile long lastProgressNanos = System.nanoTime();

    /** Long polling (re)started: the clock starts now. */
    void started() {
        lastProgressNanos = System.nanoTime();
    }

    /** A getUpdates call ended in a way that moves the bot forward. */
    void progressed() {
        lastProgressNanos = System.nanoTime();
    }

    Duration sinceProgress() {
        return Duration.ofNanos(System.nanoTime() - lastProgressNanos);
    }
}
