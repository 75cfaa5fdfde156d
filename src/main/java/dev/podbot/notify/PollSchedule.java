package dev.podbot.notify;

import java.time.Duration;
import java.time.Instant;

/** Spreading accounts over the poll interval, and per-account backoff. */
public final class PollSchedule {
    private PollSchedule() {
    }

    /** The account's fixed offset within the interval, from a hash of its chat id. */
    static long offsetMillis(long chatId, long intervalMillis) {
        long h = chatId * 0x9E3779B97F4A7C15L;
        h ^= (h >>> 32);
        return Math.floorMod(h, Math.max(1, intervalMillis));
    }

    /** The first time after {@code now} that is the account's slot: now &lt; result &lt;= now + interval. */
    public static Instant nextSlot(long chatId, Instant now, Duration interval) {
        long i = Math.max(1, interval.toMillis());
        long n = now.toEpochMilli();
        long k = Math.floorMod(n - offsetMillis(chatId, i), i);
        return Instant.ofEpochMilli(n - k + i);
    }

    /** interval × 2^(failures-1), at least 1 s, at most {@code max}. */
    public static Duration backoff(int failures, Duration interval, Duration max) {
        long base = Math.max(1_000, interval.toMillis());
        int shift = Math.min(Math.max(0, failures - 1), 20);
        long ms = base << shift;
        return Duration.ofMillis(Math.min(ms, Math.max(base, max.toMillis())));
    }
}
