package dev.podbot.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.podbot.demo.sim.PodPointSimulator.Account;
import dev.podbot.demo.sim.SimPod.SimCharge;

/** Issue 14: the simulator's charges start when the car is plugged in, in clock time, never back-dated. */
class SimulatorTimesTest {

    @Test
    void aChargeStartsWhenTheCarIsPluggedInAndNeverBeforeTheLastOneEnded() {
        MutableClock clock = new MutableClock(Instant.now());
        PodPointSimulator sim = PodPointSimulator.demo(clock, Duration.ofSeconds(40), Duration.ZERO);
        Account a = sim.account(PodPointSimulator.DEMO_EMAIL, PodPointSimulator.DEMO_PASSWORD).orElseThrow();
        for (int i = 0; i < 20; i++) { // about three and a half demo cycles
            clock.advance(Duration.ofSeconds(7));
            sim.tick();
        }
        int newCharges = 0;
        for (SimPod p : a.pods) {
            Instant lastEnd = null;
            for (int i = a.charges.size() - 1; i >= 0; i--) { // oldest first
                SimCharge c = a.charges.get(i);
                if (c.unitId != p.unitId) {
                    continue;
                }
                Instant start = c.endsAt == null ? sim.startsAt(p, c) : c.startsAt;
                assertThat(start).as("charge %d starts in clock time", c.id).isBeforeOrEqualTo(clock.instant());
                if (lastEnd != null) {
                    assertThat(start).as("a charge on %s starts after the previous one ended", p.name)
                            .isAfterOrEqualTo(lastEnd);
                    newCharges++;
                }
                lastEnd = c.endsAt;
            }
        }
        assertThat(newCharges).as("the simulation ran through new charges").isGreaterThan(4);
    }
}
