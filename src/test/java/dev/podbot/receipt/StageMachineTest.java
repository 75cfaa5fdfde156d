package dev.podbot.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.command.Button;
import dev.podbot.notify.TestClock;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargeSchedule;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Pod;

/** The stages of a change receipt, step by step on a test clock (never the date the test runs on). */
class StageMachineTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Starts where the test clock does (the real now, or a year ahead in CI), then moves only by the steps below. */
    final Frozen clock = new Frozen(new TestClock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    /** The test clock's now, held still between steps, so every expected time is exact. */
    static final class Frozen {
        private Instant now;

        Frozen(Instant start) {
            now = start;
        }

        Instant now() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void advanceTo(Instant t) {
            assertThat(t).isAfterOrEqualTo(now);
            now = t;
        }
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** A Pod Home charger in Basic mode with this override and live state. */
    static Pod home(ChargeOverride override, String connection, String chargingState, Instant lastSeen) {
        ConnectivityStatus live = ConnectivityStatus.ofHome("PSL-1", connection, 5, chargingState,
                lastSeen == null ? null : utc(lastSeen));
        return new Pod(7, null, "PSL-1", true, null, 7, "Europe/London", lastSeen == null ? null : utc(lastSeen), null,
                List.of(), List.of(), week("00:30:00", "05:30:00", true), override, "home", Boolean.FALSE, live);
    }

    /** A legacy charger with these schedules, last contact and charging state. */
    static Reading legacy(List<ChargeSchedule> schedules, Instant lastContact, String online, String chargingState) {
        Pod pod = new Pod(8, "Garage", "PSL-2", true, null, 8, "Europe/London", utc(lastContact), null, List.of(),
                List.of(), schedules, null);
        ConnectivityStatus live = new ConnectivityStatus("PSL-2", List.of(new ConnectivityStatus.Evse(1,
                new ConnectivityStatus.ConnectivityState("POW", online, -60, utc(lastContact), 3),
                List.of(new ConnectivityStatus.Connector(1, "A", chargingState)), "arch3")));
        return new Reading(pod, live);
    }

    static List<ChargeSchedule> week(String start, String end, boolean active) {
        List<ChargeSchedule> out = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            out.add(new ChargeSchedule("u" + d, d, start, d, end, new ChargeSchedule.Status(active)));
        }
        return out;
    }

    static ChargeOverride boost(Instant requested, Instant received, Instant end) {
        return new ChargeOverride("PSL-1", utc(requested), received == null ? null : utc(received), utc(end));
    }

    Progress step(Target t, Progress p, Reading r, Duration later) {
        clock.advance(later);
        return StageMachine.advance(t, p, r, clock.now(), ZONE, TIMEOUT);
    }

    static String text(Progress p) {
        return ReceiptTexts.render("⚡ Boosting <b>Garage</b>", p, ZONE, TIMEOUT);
    }

    // ---------------------------------------------------------------------------------------------- stages

    @Test
    void podHomeBoostIsConfirmedByReceivedAtThenInEffectWhenChargingStarts() {
        Instant sent = clock.now();
        Instant until = sent.plus(Duration.ofHours(1));
        Target t = Target.boost(until);
        Progress p = Progress.sent(sent, null);
        assertThat(text(p)).contains("📨 Sent to Pod Point at", "usually picks up a change within a few minutes");

        // Pod Point lists the override, the charger has not acknowledged it yet
        p = reread(t, p, home(boost(sent, null, until), "Online", "SuspendedEVSE", sent), Duration.ofSeconds(15));
        p = reread(t, p, home(boost(sent, null, until), "Online", "SuspendedEVSE", sent), Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.SENT);

        // 2 minutes after sending: receivedAt is set; the car is plugged in but charging has not started yet
        p = reread(t, p, home(boost(sent, sent.plusSeconds(100), until), "Online", "SuspendedEVSE", sent),
                Duration.ofSeconds(90));
        assertThat(p.stage()).isEqualTo(Stage.CONFIRMED);
        assertThat(p.confirmedAt()).isEqualTo(sent.plus(Duration.ofMinutes(2)));
        assertThat(text(p)).contains("✅ Charger confirmed at " + ReceiptTexts.at(p.confirmedAt(), ZONE)
                + " (2 min after sending)").contains("Waiting for charging");

        p = reread(t, p, home(boost(sent, sent.plusSeconds(100), until), "Online", "Charging", sent),
                Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.IN_EFFECT);
        assertThat(p.effect()).isEqualTo(Effect.CHARGING);
        assertThat(text(p)).contains("⚡ In effect: charging started at " + ReceiptTexts.at(p.effectAt(), ZONE));
        assertThat(StageMachine.nextCheck(p, clock.now(), TIMEOUT)).as("final: no more reads").isNull();
    }

    Progress reread(Target t, Progress p, Pod pod, Duration later) {
        return step(t, p, new Reading(pod, pod.live()), later);
    }

    @Test
    void anOlderAcknowledgedBoostNeverPassesForTheNewOne() {
        Instant sent = clock.now();
        Target t = Target.boost(sent.plus(Duration.ofHours(2)));
        Pod older = home(boost(sent.minusSeconds(600), sent.minusSeconds(590), sent.plus(Duration.ofMinutes(50))),
                "Online", "Charging", sent);
        Progress p = reread(t, Progress.sent(sent, null), older, Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.SENT);
    }

    @Test
    void aLegacyScheduleIsConfirmedOnlyOnceTheChargerCheckedInAfterTheChange() {
        Instant sent = clock.now();
        Instant checkIn = sent.minusSeconds(30);
        Target t = Target.window(false, LocalTime.of(1, 0), LocalTime.of(4, 0));
        Progress p = Progress.sent(sent, utc(checkIn));
        List<ChargeSchedule> saved = week("01:00:00", "04:00:00", true);

        // Pod Point's cloud already shows the new window, but the charger has not checked in since
        p = step(t, p, legacy(saved, checkIn, "ONLINE", "AVAILABLE"), Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.SENT);
        // it checked in: confirmed, and with no car plugged in it applies at the next plug-in
        p = step(t, p, legacy(saved, sent.plusSeconds(40), "ONLINE", "AVAILABLE"), Duration.ofSeconds(45));
        assertThat(p.stage()).isEqualTo(Stage.APPLIES_ON_PLUG_IN);
        assertThat(text(p)).contains("(1 min after sending)", "No car is plugged in: it takes effect when you plug in");
    }

    @Test
    void aScheduleThatDoesNotMatchIsNotConfirmed() {
        Instant sent = clock.now();
        Target t = Target.window(false, LocalTime.of(1, 0), LocalTime.of(4, 0));
        Progress p = step(t, Progress.sent(sent, null), legacy(week("00:30:00", "05:30:00", true),
                sent.plusSeconds(5), "ONLINE", "AVAILABLE"), Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.SENT);
    }

    @Test
    void chargingOffTakesEffectWhenChargingStops() {
        Instant sent = clock.now();
        Target t = Target.chargingAllowed(true, false);
        Pod blockedButCharging = new Pod(7, null, "PSL-1", true, null, 7, "Europe/London", utc(sent.plusSeconds(20)),
                null, List.of(), List.of(), week("00:00:00", "00:00:01", true), null, "home", Boolean.FALSE,
                ConnectivityStatus.ofHome("PSL-1", "Online", 5, "Charging", utc(sent.plusSeconds(20))));
        Progress p = reread(t, Progress.sent(sent, utc(sent.minusSeconds(60))), blockedButCharging,
                Duration.ofSeconds(30));
        assertThat(p.stage()).isEqualTo(Stage.CONFIRMED);
        Pod stopped = new Pod(7, null, "PSL-1", true, null, 7, "Europe/London", utc(sent.plusSeconds(50)),
                null, List.of(), List.of(), week("00:00:00", "00:00:01", true), null, "home", Boolean.FALSE,
                ConnectivityStatus.ofHome("PSL-1", "Online", 5, "SuspendedEVSE", utc(sent.plusSeconds(50))));
        p = reread(t, p, stopped, Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.IN_EFFECT);
        assertThat(text(p)).contains("⏸ In effect: charging stopped at");
    }

    @Test
    void smartChargingIsConfirmedButItsEffectIsPodPointsPlan() {
        Instant sent = clock.now();
        Pod smart = new Pod(7, null, "PSL-1", true, null, 7, "Europe/London", utc(sent.plusSeconds(20)), null,
                List.of(), List.of(), List.of(), null, "home", Boolean.TRUE,
                ConnectivityStatus.ofHome("PSL-1", "Online", 5, "SuspendedEVSE", utc(sent.plusSeconds(20))));
        Progress p = reread(Target.smart(true), Progress.sent(sent, utc(sent.minusSeconds(5))), smart,
                Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.CONFIRMED_ONLY);
        assertThat(text(p)).contains("✅ Charger confirmed").doesNotContain("In effect");
    }

    @Test
    void anOfflineChargerIsShownAndTheWatchTimesOutWithCheckAgain() {
        Instant sent = clock.now();
        Instant lastSeen = sent.minus(Duration.ofHours(2));
        Target t = Target.scheduled(false);
        Progress p = Progress.sent(sent, utc(lastSeen));
        // the cloud already shows Smart mode, but the charger is offline: that is no confirmation
        Reading offline = legacy(week("00:30:00", "05:30:00", true), lastSeen, "OFFLINE", "AVAILABLE");
        p = step(t, p, offline, Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.SENT);
        assertThat(p.offline()).isTrue();
        assertThat(text(p)).contains("📡 The charger is offline (last seen " + ReceiptTexts.at(lastSeen, ZONE) + ")",
                "gets the change when it is back online");

        Instant deadline = StageMachine.deadline(p, TIMEOUT);
        clock.advanceTo(deadline);
        p = StageMachine.advance(t, p, offline, clock.now(), ZONE, TIMEOUT);
        assertThat(p.stage()).isEqualTo(Stage.TIMED_OUT);
        assertThat(p.endedAt()).isEqualTo(deadline);
        assertThat(text(p)).contains("⚠️ No confirmation from the charger within 10m", "Check that the charger is online",
                "/pods", "📡 The charger is offline");
        List<List<Button>> buttons = ReceiptTexts.buttons(List.of(), p, 42);
        assertThat(buttons).hasSize(1);
        assertThat(buttons.get(0).get(0).data()).isEqualTo("receipt:again:42");
    }

    @Test
    void neverConfirmedTimesOutAfterReadingEvery15sThenEvery60s() {
        Instant sent = clock.now();
        Target t = Target.manual(false);
        Progress p = Progress.sent(sent, null);
        Reading nothing = legacy(List.of(), sent.plusSeconds(1), "ONLINE", "SUSPENDED_EVSE");
        List<Long> gaps = new ArrayList<>();
        Instant at = clock.now();
        while (!p.stage().isFinal()) {
            Instant next = StageMachine.nextCheck(p, clock.now(), TIMEOUT);
            gaps.add(Duration.between(at, next).toSeconds());
            at = next;
            clock.advanceTo(next);
            p = StageMachine.advance(t, p, nothing, clock.now(), ZONE, TIMEOUT);
        }
        assertThat(p.stage()).isEqualTo(Stage.TIMED_OUT);
        assertThat(gaps.subList(0, 8)).containsOnly(15L);
        assertThat(gaps.subList(8, gaps.size())).containsOnly(60L);
        assertThat(gaps.stream().mapToLong(Long::longValue).sum()).isEqualTo(TIMEOUT.toSeconds());
        assertThat(p.checks()).isEqualTo(gaps.size()).isEqualTo(16);
    }

    @Test
    void aFailedReadWaitsAndTheDeadlineStillHolds() {
        Instant sent = clock.now();
        Target t = Target.boost(null);
        Progress p = step(t, Progress.sent(sent, null), null, Duration.ofSeconds(15));
        assertThat(p).isEqualTo(Progress.sent(sent, null));
        clock.advanceTo(StageMachine.deadline(p, TIMEOUT));
        assertThat(StageMachine.advance(t, p, null, clock.now(), ZONE, TIMEOUT).stage()).isEqualTo(Stage.TIMED_OUT);
    }

    @Test
    void aConfirmationSeenAtTheDeadlineStillCounts() {
        Instant sent = clock.now();
        Instant until = sent.plus(Duration.ofHours(1));
        clock.advanceTo(sent.plus(TIMEOUT));
        Pod confirmed = home(boost(sent, sent.plusSeconds(1), until), "Online", "Charging", sent);
        Progress p = StageMachine.advance(Target.boost(until), Progress.sent(sent, null),
                new Reading(confirmed, confirmed.live()), clock.now(), ZONE, TIMEOUT);
        assertThat(p.stage()).isEqualTo(Stage.IN_EFFECT);
    }

    @Test
    void supersededIsFinalAndSaysSo() {
        Instant sent = clock.now();
        clock.advance(Duration.ofSeconds(40));
        Progress p = Progress.sent(sent, null).superseded(clock.now());
        assertThat(p.stage().isFinal()).isTrue();
        assertThat(text(p)).contains("↪️ Superseded at " + ReceiptTexts.at(clock.now(), ZONE));
        Reading confirming = new Reading(home(boost(sent, sent, sent.plusSeconds(3600)), "Online", "Charging", sent),
                null);
        assertThat(step(Target.boost(null), p, confirming, Duration.ofSeconds(15))).as("watching stopped").isEqualTo(p);
        assertThat(ReceiptTexts.buttons(List.of(), p, 1)).isEmpty();
    }

    @Test
    void aChargerNoLongerOnTheAccountEndsTheWatch() {
        Progress p = step(Target.boost(null), Progress.sent(clock.now(), null), Reading.gone(), Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.GONE);
        assertThat(text(p)).contains("can't see this charger");
    }

    @Test
    void aRestartInTheMiddleResumesFromTheStoredRow() {
        Instant sent = clock.now();
        Instant until = sent.plus(Duration.ofMinutes(45));
        Target t = Target.boost(until);
        Progress p = step(t, Progress.sent(sent, utc(sent.minusSeconds(3))),
                new Reading(home(boost(sent, null, until), "Online", "SuspendedEVSE", sent), null),
                Duration.ofSeconds(15));

        // what the watcher stores, and what a new instance reads back after a restart
        ReceiptWatch row = new ReceiptWatch();
        row.target = t.encode();
        row.progress(p);
        Target t2 = Target.decode(row.target);
        Progress p2 = row.progress();
        assertThat(t2).isEqualTo(t);
        assertThat(p2).isEqualTo(p);

        // the app was down for 3 minutes; the first read after the start confirms it
        p2 = reread(t2, p2, home(boost(sent, sent.plusSeconds(60), until), "Online", "Charging", sent),
                Duration.ofSeconds(165));
        assertThat(p2.stage()).isEqualTo(Stage.IN_EFFECT);
        assertThat(p2.sentAt()).isEqualTo(sent);
        assertThat(text(p2)).contains("(3 min after sending)");
    }

    @Test
    void checkAgainStartsANewRoundAndKeepsTheSendingTime() {
        Instant sent = clock.now();
        Target t = Target.manual(true);
        clock.advance(TIMEOUT);
        Progress timedOut = StageMachine.advance(t, Progress.sent(sent, null), null, clock.now(), ZONE, TIMEOUT);
        assertThat(timedOut.stage()).isEqualTo(Stage.TIMED_OUT);
        clock.advance(Duration.ofMinutes(5));
        Progress again = timedOut.again(clock.now());
        assertThat(again.stage()).isEqualTo(Stage.SENT);
        assertThat(StageMachine.nextCheck(again, clock.now(), TIMEOUT)).isEqualTo(clock.now().plusSeconds(15));
        ChargeOverride always = new ChargeOverride("PSL-1", utc(sent), utc(clock.now()), null);
        Progress p = reread(t, again, home(always, "Online", "Available", sent), Duration.ofSeconds(15));
        assertThat(p.stage()).isEqualTo(Stage.APPLIES_ON_PLUG_IN);
        assertThat(p.sentAt()).isEqualTo(sent);
        assertThat(text(p)).contains("(15 min after sending)");
    }

    @Test
    void targetsSurviveStorage() {
        for (Target t : List.of(Target.boost(Instant.ofEpochSecond(1_800_000_000L)), Target.boost(null),
                Target.chargingAllowed(true, true), Target.chargingAllowed(false, false),
                Target.window(true, LocalTime.of(0, 30), LocalTime.of(5, 30)), Target.smart(true), Target.scheduled(false),
                Target.boostStopped(false), Target.manual(true))) {
            assertThat(Target.decode(t.encode())).isEqualTo(t);
            assertThat(t.encode().length()).isLessThanOrEqualTo(200);
        }
        assertThat(Target.decode("nonsense")).isEqualTo(new Target(null, null, null, null, null));
    }
}
