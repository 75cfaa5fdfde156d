package dev.podbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The few accounts due in one tick start spread over the tick, not all at its start. */
class PollSpacingTest {

    @Test
    void accountsDueTogetherStartEvenlyOverTheTickTheFirstAtOnce() {
        Duration tick = Duration.ofSeconds(1);
        assertThat(PollCoordinator.spacing(tick, 0)).isZero();
        assertThat(PollCoordinator.spacing(tick, 1)).isZero();
        assertThat(PollCoordinator.spacing(tick, 2)).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(PollCoordinator.spacing(tick, 4)).isEqualTo(Duration.ofMillis(250).toNanos());
        // the last of n starts (n-1)/n of the way through: before the next tick
        assertThat(PollCoordinator.spacing(tick, 32) * 31).isLessThan(tick.toNanos());
    }

    @Test
    void aLongTickSpreadsOverOneSecondAtMostSoAPauseOrShutdownNeverWaitsLong() {
        assertThat(PollCoordinator.spacing(Duration.ofMinutes(1), 2)).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(PollCoordinator.spacing(Duration.ofMillis(200), 2)).isEqualTo(Duration.ofMillis(100).toNanos());
    }
}
