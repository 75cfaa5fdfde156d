package dev.podbot.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The notification clock, shiftable by tests (quiet hours, retry backoff). */
@Alternative
@ApplicationScoped
public class TestClock extends NotifyClock {

    private volatile Clock clock = Clock.systemUTC();

    @Override
    public Clock clock() {
        return clock;
    }

    public void set(java.time.Instant at) {
        clock = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), at));
    }

    public void advance(Duration d) {
        clock = Clock.offset(clock, d);
    }

    public void reset() {
        clock = Clock.system(ZoneOffset.UTC);
    }
}
