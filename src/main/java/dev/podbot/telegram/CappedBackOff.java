package dev.podbot.telegram;

import java.util.concurrent.ThreadLocalRandom;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Backoff for the long-polling loop: 500 ms doubling up to 30 s, with a little jitter; never the library's
 * 15-minute sleep after a long outage.
 */
final class CappedBackOff implements BackOff {
    static final long INITIAL_MILLIS = 500;
    static final long MAX_MILLIS = 30_000;

    private long next = INITIAL_MILLIS;

    @Override
    public synchronized void reset() {
        next = INITIAL_MILLIS;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long current = next;
        next = Math.min(MAX_MILLIS, next * 2);
        long jitter = ThreadLocalRandom.current().nextLong(current / 5 + 1);
        return Math.min(MAX_MILLIS, current + jitter);
    }
}
