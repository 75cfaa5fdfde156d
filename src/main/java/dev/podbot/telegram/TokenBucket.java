package dev.podbot.telegram;

/**
 * A token bucket that hands out time slots: {@link #reserve()} books the next permit and returns how long the
 * caller must wait for it (0 when a token is available now). Thread-safe.
 */
final class TokenBucket {
    private final double nanosPerToken;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, double capacity) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.nanosPerToken = 1_000_000_000d / perSecond;
        this.capacity = Math.max(1, capacity);
        this.tokens = this.capacity;
        this.last = System.nanoTime();
    }

    /** Books one permit; returns the nanoseconds to wait before using it. */
    synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
    }

    /** Nobody may use the bucket for the given time (Telegram asked us to back off). */
    synchronized void pause(long nanos) {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
        last = now;
        // the next reserve() waits (at least) the given time
        tokens = Math.min(tokens, 1) - nanos / nanosPerToken;
    }

    /** True when the bucket is full and idle (it can be forgotten). */
    synchronized boolean idle() {
        long now = System.nanoTime();
        return tokens + (now - last) / nanosPerToken >= capacity;
    }
}
