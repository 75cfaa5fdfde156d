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

    /**
     * Takes one token if that leaves at least {@code keep} tokens; books nothing otherwise. Returns 0 when taken,
     * else the nanoseconds until it could be. {@code keep > 0} leaves a burst for callers that take with 0.
     */
    synchronized long tryTake(double keep) {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
        last = now;
        double needed = 1 + Math.min(keep, capacity - 1);
        if (tokens >= needed) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((needed - tokens) * nanosPerToken));
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
