package dev.podbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class IdleTickTest {

    final Instant now = Instant.now();

    @Test
    void looksFirstThenRestsUntilTheEarliestDueTime() {
        IdleTick idle = new IdleTick();
        assertThat(idle.shouldLook(now)).as("the first tick looks").isTrue();
        idle.nextLookAt(now, now.plusSeconds(4));
        assertThat(idle.shouldLook(now.plusSeconds(1))).isFalse();
        assertThat(idle.shouldLook(now.plusMillis(3999))).isFalse();
        assertThat(idle.shouldLook(now.plusSeconds(4))).as("due now").isTrue();
        assertThat(idle.looks()).isEqualTo(2);
    }

    @Test
    void nothingDueStillLooksEveryTenSeconds() {
        IdleTick idle = new IdleTick();
        idle.shouldLook(now);
        idle.nextLookAt(now, null);
        assertThat(idle.restingFor(now)).isEqualTo(IdleTick.AT_LEAST_EVERY);
        assertThat(idle.shouldLook(now.plus(IdleTick.AT_LEAST_EVERY).minusMillis(1))).isFalse();
        assertThat(idle.shouldLook(now.plus(IdleTick.AT_LEAST_EVERY))).isTrue();

        idle.nextLookAt(now, now.plus(Duration.ofHours(8))); // quiet hours end in the morning
        assertThat(idle.restingFor(now)).as("still at least every 10 s").isEqualTo(IdleTick.AT_LEAST_EVERY);
    }

    @Test
    void aWakeUpMakesTheNextTickLookOnce() {
        IdleTick idle = new IdleTick();
        idle.shouldLook(now);
        idle.nextLookAt(now, null);
        idle.wake();
        assertThat(idle.shouldLook(now.plusMillis(10))).isTrue();
        assertThat(idle.shouldLook(now.plusMillis(20))).as("the wake-up was used").isFalse();
    }

    @Test
    void aDueTimeAlreadyPassedOrLookNextTickMeansTheNextTick() {
        IdleTick idle = new IdleTick();
        idle.shouldLook(now);
        idle.nextLookAt(now, now.minusSeconds(30)); // e.g. an account another instance holds
        assertThat(idle.shouldLook(now.plusMillis(1))).isTrue();
        idle.nextLookAt(now, null);
        idle.lookNextTick();
        assertThat(idle.shouldLook(now.plusMillis(2))).isTrue();
    }

    @Test
    void aClockThatWentBackDoesNotLeaveTheTickResting() {
        IdleTick idle = new IdleTick();
        idle.shouldLook(now);
        idle.nextLookAt(now, null); // rests until now + 10 s
        Instant earlier = now.minus(Duration.ofHours(1)); // a test clock reset, a corrected system clock
        assertThat(idle.shouldLook(earlier)).isTrue();
    }
}
