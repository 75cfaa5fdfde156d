package dev.podbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background ticks: each on its grid (phase, period), on its own thread, never two runs of one at once. */
class BackgroundTicksTest {

    final BackgroundTicks ticks = new BackgroundTicks();

    @AfterEach
    void stop() {
        ticks.stop();
    }

    @Test
    void theNextRunIsTheNextPointOfTheTicksGridAfterNow() {
        long first = 1_000;
        long period = 100;
        assertThat(BackgroundTicks.nextRun(first, period, 0)).isEqualTo(1_000); // not started yet: its phase
        assertThat(BackgroundTicks.nextRun(first, period, 1_000)).isEqualTo(1_100); // ran just now: next period
        assertThat(BackgroundTicks.nextRun(first, period, 1_001)).isEqualTo(1_100);
        assertThat(BackgroundTicks.nextRun(first, period, 1_099)).isEqualTo(1_100);
        // a run that overran 3.5 periods skips the runs it missed and keeps its place on the grid
        assertThat(BackgroundTicks.nextRun(first, period, 1_450)).isEqualTo(1_500);
    }

    @Test
    void ticksAreSpreadOverThePeriodNoneAtItsStart() {
        assertThat(Set.of(BackgroundTicks.SEND_PHASE, BackgroundTicks.POLL_PHASE, BackgroundTicks.RECEIPT_PHASE))
                .hasSize(3).allSatisfy(phase -> assertThat(phase).isStrictlyBetween(0.0, 1.0));
        assertThatThrownBy(() -> ticks.every("x", Duration.ofSeconds(1), 1.0, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ticks.every("x", Duration.ofSeconds(1), -0.1, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTickNeverHoldsUpAnotherAndEachRunsOnItsOwnThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger longRuns = new AtomicInteger();
        AtomicInteger shortRuns = new AtomicInteger();
        ticks.every("long", Duration.ofMillis(10), 0.0, () -> {
            threads.add("long:" + Thread.currentThread().getName());
            longRuns.incrementAndGet();
            await().until(() -> release.getCount() == 0);
        });
        ticks.every("short", Duration.ofMillis(10), 0.5, () -> {
            threads.add("short:" + Thread.currentThread().getName());
            shortRuns.incrementAndGet();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> shortRuns.get() >= 5);
        assertThat(longRuns).hasValue(1); // still in its first run, not started again next to itself
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> longRuns.get() >= 3);
        assertThat(threads).allSatisfy(t -> assertThat(t).contains("podbot-tick-"));
        assertThat(ticks.names()).containsExactly("long", "short");
    }

    @Test
    void aTickThatFailsRunsAgainAtItsNextTime() {
        AtomicInteger runs = new AtomicInteger();
        ticks.every("failing", Duration.ofMillis(10), 0.0, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database away");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
    }

    @Test
    void noTickRunsAfterStop() {
        AtomicInteger runs = new AtomicInteger();
        ticks.every("counting", Duration.ofMillis(10), 0.0, runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        ticks.stop();
        int afterStop = runs.get() + 1; // at most the run that was under way
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() <= afterStop);
    }
}
