package dev.podbot.ops;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs a probe at most once per time-to-live and hands out the last result in between, so that frequent
 * orchestrator probes do not turn into a flood of calls to Telegram or Pod Point. Thread-safe: concurrent callers
 * wait for a single refresh instead of probing in parallel.
 */
final class CachedProbe {

    private final Supplier<HealthCheckResponse> probe;
    private final long ttlNanos;
    private HealthCheckResponse last;
    private long lastAt;

    CachedProbe(Duration ttl, Supplier<HealthCheckResponse> probe) {
        this.probe = probe;
        this.ttlNanos = Math.max(0, ttl.toNanos());
    }

    synchronized HealthCheckResponse get() {
        long now = System.nanoTime();
        if (last == null || now - lastAt >= ttlNanos) {
            last = probe.get();
            lastAt = System.nanoTime();
        }
        return last;
    }
}
