package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The overall limit shared by replies and notifications, decided at explicit instants. */
class OutboundGateTest {

    static final long MS = 1_000_000L;

    @Test
    void interactiveCallsUseTheWholeWindowAtOnce() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1000));
        for (int i = 0; i < 30; i++) {
            assertThat(g.tryAcquire(Lane.INTERACTIVE, i * MS)).isZero();
        }
        assertThat(g.tryAcquire(Lane.INTERACTIVE, 30 * MS)).isEqualTo(970 * MS);
    }

    @Test
    void bulkCallsAreEvenlyPacedAtTheWindowRate() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1050));
        assertThat(g.tryAcquire(Lane.BULK, 0)).isZero();
        assertThat(g.tryAcquire(Lane.BULK, 0)).isEqualTo(35 * MS);
        assertThat(g.tryAcquire(Lane.BULK, 35 * MS)).isZero();
        assertThat(g.tryAcquire(Lane.BULK, 40 * MS)).isEqualTo(30 * MS);
    }

    @Test
    void bulkStepsAsideWhileAReplyWaits() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1050));
        g.interactiveWaiting(1);
        assertThat(g.tryAcquire(Lane.BULK, 0)).isPositive();
        assertThat(g.tryAcquire(Lane.INTERACTIVE, 0)).isZero();
        g.interactiveWaiting(0);
        assertThat(g.tryAcquire(Lane.BULK, 1 * MS)).isZero();
    }

    @Test
    void aReplyDuringAFanOutWaitsAtMostOneBulkSlot() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1050));
        long now = 0;
        for (int sent = 0; sent < 100; ) { // a steady fan-out fills the window
            long wait = g.tryAcquire(Lane.BULK, now);
            if (wait == 0) {
                sent++;
            } else {
                now += wait;
            }
        }
        long asked = now;
        g.interactiveWaiting(1);
        long wait;
        while ((wait = g.tryAcquire(Lane.INTERACTIVE, now)) > 0) {
            assertThat(g.tryAcquire(Lane.BULK, now)).isPositive(); // the fan-out may not take the place meanwhile
            now += wait;
        }
        assertThat(now - asked).isLessThanOrEqualTo(36 * MS);
    }

    @Test
    void neverMoreThanTheLimitInAnyWindowWithBothLanes() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1050));
        List<Long> admitted = new ArrayList<>();
        java.util.Random r = new java.util.Random(11);
        long now = 0;
        while (admitted.size() < 600) {
            Lane lane = r.nextInt(4) == 0 ? Lane.INTERACTIVE : Lane.BULK;
            long wait = g.tryAcquire(lane, now);
            if (wait == 0) {
                admitted.add(now);
            }
            now += wait == 0 ? r.nextInt(15) * MS : Math.min(wait, r.nextInt(40) * MS + 1);
        }
        for (int i = 0, j = 0; i < admitted.size(); i++) {
            while (admitted.get(i) - admitted.get(j) >= 1050 * MS) {
                j++;
            }
            assertThat(i - j + 1).isLessThanOrEqualTo(30);
        }
    }

    @Test
    void aPauseHoldsBothLanes() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1050));
        long now = System.nanoTime();
        g.pause(500 * MS);
        assertThat(g.tryAcquire(Lane.INTERACTIVE, now)).isGreaterThan(400 * MS);
        assertThat(g.tryAcquire(Lane.BULK, now)).isGreaterThan(400 * MS);
    }
}
