package dev.podbot.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The notification clock for tests. It starts from the real now and only moves forward, so no test depends on the
 * date it runs on. {@code -Dpodbot.test.clock-offset=P366D} starts it a year ahead instead (CI runs the
 * notification tests that way too, see .ci/run), which proves the same.
 */
@Alternative
@ApplicationScoped
public class TestClock extends NotifyClock {

    /** Where every test starts: the real now, shifted by {@code podbot.test.clock-offset} (an ISO duration). */
    static final Duration START_OFFSET = Duration.parse(System.getProperty("podbot.test.clock-offset", "PT0S"));

    private volatile Clock clock = start();

    private static Clock start() {
        return Clock.offset(Clock.systemUTC(), START_OFFSET);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Moves forward to {@code at}; refuses to move back, because the app's state was computed from the now. */
    public void advanceTo(Instant at) {
        Instant now = now();
        if (at.isBefore(now)) {
            throw new IllegalArgumentException("Test clocks only move forward: " + at + " is before " + now);
        }
        clock = Clock.offset(clock, Duration.between(now, at));
    }

    /** Moves forward to the next time the wall clock in {@code zone} shows {@code time}, and returns that instant. */
    public Instant advanceToNext(LocalTime time, ZoneId zone) {
        ZonedDateTime now = now().atZone(zone);
        ZonedDateTime next = now.toLocalDate().atTime(time).atZone(zone);
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        advanceTo(next.toInstant());
        return next.toInstant();
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("Test clocks only move forward: " + d);
        }
        clock = Clock.offset(clock, d);
    }

    /** Back to the start (the real now plus the start offset), for the next test; its accounts start afresh. */
    public void reset() {
        clock = start();
    }
}
