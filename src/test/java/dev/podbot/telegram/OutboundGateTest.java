package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The overall limit shared by replies and notifications, decided at explicit instants. */
class OutboundGateTest {

    static final long MS = 1_000_000L;

    /** Admits a call at {@code now} if the gate allows; it returns (is done) {@code tookMs} later. */
    static long call(OutboundGate g, Lane lane, long now, long tookMs) {
        OutboundGate.Slot slot = g.new Slot();
        long wait = g.tryAcquire(lane, now, slot);
        if (wait == 0) {
            g.done(slot, now + tookMs * MS);
        }
        return wait;
    }

    @Test
    void interactiveCallsUseTheWholeWindowAtOnce() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1000));
        for (int i = 0; i < 30; i++) {
            assertThat(call(g, Lane.INTERACTIVE, i * MS, 2)).isZero();
        }
        // the first place frees one window after the first call returned (at 2 ms)
        assertThat(call(g, Lane.INTERACTIVE, 30 * MS, 2)).isEqualTo(972 * MS);
    }

    @Test
    void aPlaceIsHeldWhileItsCallIsInFlight() {
        OutboundGate g = new OutboundGate(2, Duration.ofMillis(1000));
        assertThat(g.tryAcquire(Lane.INTERACTIVE, 0, g.new Slot())).isZero(); // never returns
        assertThat(call(g, Lane.INTERACTIVE, 0, 300)).isZero();
        assertThat(call(g, Lane.INTERACTIVE, 2000 * MS, 1)).isZero(); // the returned one has expired
        assertThat(call(g, Lane.INTERACTIVE, 5000 * MS, 1)).isZero();
        // the call in flight still holds its place: with the one just made, the window is full
        assertThat(call(g, Lane.INTERACTIVE, 5000 * MS, 1)).isPositive();
    }

    @Test
    void bulkCallsAreEvenlyPacedAtTheWindowRate() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1050));
        assertThat(call(g, Lane.BULK, 0, 1)).isZero();
        assertThat(call(g, Lane.BULK, 0, 1)).isEqualTo(35 * MS);
        assertThat(call(g, Lane.BULK, 35 * MS, 1)).isZero();
        assertThat(call(g, Lane.BULK, 40 * MS, 1)).isEqualTo(30 * MS);
    }

    @Test
    void bulkStepsAsideWhileAReplyWaits() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1000));
        g.interactiveWaiting(1);
        assertThat(call(g, Lane.BULK, 0, 1)).isPositive();
        assertThat(call(g, Lane.INTERACTIVE, 0, 1)).isZero();
        g.interactiveWaiting(0);
        assertThat(call(g, Lane.BULK, 1 * MS, 1)).isZero();
    }

    @Test
    void aReplyDuringAFanOutWaitsAtMostOneBulkPlace() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1000));
        long now = 0;
        for (int sent = 0; sent < 100;) { // a steady fan-out fills the window
            long wait = call(g, Lane.BULK, now, 2);
            if (wait == 0) {
                sent++;
            } else {
                now += wait;
            }
        }
        long asked = now;
        g.interactiveWaiting(1);
        long wait;
        while ((wait = call(g, Lane.INTERACTIVE, now, 2)) > 0) {
            assertThat(call(g, Lane.BULK, now, 2)).isPositive(); // the fan-out may not take the place meanwhile
            now += wait;
        }
        assertThat(now - asked).isLessThanOrEqualTo(36 * MS);
    }

    @Test
    void telegramNeverReceivesMoreThanTheLimitInAnySecondHoweverLateCallsArrive() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1000));
        List<Long> received = new ArrayList<>();
        Random r = new Random(11);
        long now = 0;
        while (received.size() < 1000) {
            Lane lane = r.nextInt(3) == 0 ? Lane.INTERACTIVE : Lane.BULK;
            OutboundGate.Slot slot = g.new Slot();
            long wait = g.tryAcquire(lane, now, slot);
            if (wait == 0) {
                // a loaded machine or network: the call reaches Telegram up to 300 ms later, returns after that
                long arrives = now + r.nextInt(300) * MS;
                received.add(arrives);
                g.done(slot, arrives + r.nextInt(30) * MS);
                now += r.nextInt(10) * MS;
            } else {
                now += Math.min(wait, r.nextInt(40) * MS + 1);
            }
        }
        received.sort(Long::compare);
        for (int i = 0, j = 0; i < received.size(); i++) {
            while (received.get(i) - received.get(j) >= 1000 * MS) {
                j++;
            }
            assertThat(i - j + 1).isLessThanOrEqualTo(30);
        }
    }

    @Test
    void aPauseHoldsBothLanes() {
        OutboundGate g = new OutboundGate(30, Duration.ofMillis(1000));
        long now = System.nanoTime();
        g.pause(500 * MS);
        assertThat(call(g, Lane.INTERACTIVE, now, 1)).isGreaterThan(400 * MS);
        assertThat(call(g, Lane.BULK, now, 1)).isGreaterThan(400 * MS);
    }
}
