package dev.podbot.telegram;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * At most {@code limit} events in any window of the given length, counted when they actually happen. The token
 * bucket spaces sends evenly; this guard catches what thread scheduling bunches together (a send that woke late
 * followed by one on time), so no second ever holds more than Telegram's limit. Thread-safe.
 */
final class SlidingWindow {
    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    SlidingWindow(int limit, Duration window) {
        this.limit = Math.max(1, limit);
        this.windowNanos = window.toNanos();
    }

    /** Records an event at {@code now} and returns 0 when the window has room; otherwise how long to wait. */
    synchronized long tryAdmit(long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.pollFirst();
        }
        if (times.size() < limit) {
            times.addLast(now);
            return 0;
        }
        return Math.max(1, windowNanos - (now - times.peekFirst()));
    }
}
