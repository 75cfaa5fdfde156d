package dev.podbot.notify;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.firmware;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.podbot.notify.DetectorFixtures.Sim;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.Pod;

class EventDetectorTest {

    static final Pod POD = pod(11, 2211, "Driveway");

    @Test
    void normalFlowPluggedChargingFullUnpluggedCompleted() {
        Sim sim = new Sim(1);
        Charge old = charge(500, 2211, DetectorFixtures.T0.minusSeconds(90_000), DetectorFixtures.T0.minusSeconds(80_000), 7.0, 200);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(old))).isEmpty(); // baseline

        assertThat(sim.poll(POD, conn("ONLINE", "SUSPENDED_EVSE"), List.of(old))).extracting(Notification::kind)
                .containsExactly(EventKind.PLUGGED_IN);
        Instant start = sim.now;
        Charge running = charge(501, 2211, start, null, 1.2, 0);
        assertThat(sim.poll(POD, conn("ONLINE", "CHARGING"), List.of(running, old))).extracting(Notification::kind)
                .containsExactly(EventKind.CHARGING_STARTED);
        assertThat(sim.poll(POD, conn("ONLINE", "CHARGING"), List.of(running, old))).isEmpty();
        assertThat(sim.poll(POD, conn("ONLINE", "SUSPENDED_EV"), List.of(running, old))).extracting(Notification::kind)
                .containsExactly(EventKind.CAR_FULL);
        Charge done = charge(501, 2211, start, sim.now.plusSeconds(200), 12.34, 345);
        List<Notification> last = sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(done, old));
        assertThat(last).extracting(Notification::kind).containsExactly(EventKind.CHARGE_COMPLETED);
        String text = last.get(0).reply().text();
        assertThat(text).contains("Driveway").contains("12.3 kWh").contains("£3.45").contains("Charging 1 h 00 min")
                .contains("Plugged in");
        assertThat(last.get(0).reply().buttons().get(0)).extracting(b -> b.data()).containsExactly("charges:1:new", "notify:show");
        // seen again: nothing more
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(done, old))).isEmpty();
        assertThat(sim.kinds()).containsExactly(EventKind.PLUGGED_IN, EventKind.CHARGING_STARTED, EventKind.CAR_FULL,
                EventKind.CHARGE_COMPLETED);
    }

    @Test
    void baselineNeverAnnouncesOldChargesOrCurrentStates() {
        Sim sim = new Sim(2);
        Charge a = charge(10, 2211, DetectorFixtures.T0.minusSeconds(9000), DetectorFixtures.T0.minusSeconds(8000), 5, 100);
        Charge b = charge(11, 2211, DetectorFixtures.T0.minusSeconds(5000), DetectorFixtures.T0.minusSeconds(4000), 6, 120);
        assertThat(sim.poll(POD, conn("ONLINE", "CHARGING"),
                List.of(b, a))).isEmpty();
        assertThat(sim.state.knownCompleted()).containsExactlyInAnyOrder(10L, 11L);
        assertThat(sim.poll(POD, conn("ONLINE", "CHARGING"), List.of(b, a))).isEmpty();
    }

    @Test
    void firstPollAnnouncesTheChargesThatCompletedAfterTheLinkAndOnlyThose() {
        Sim sim = new Sim(21);
        Instant linked = DetectorFixtures.T0.minusSeconds(60).plusMillis(700);
        sim.state = new AccountState(false, linked, 0, Map.of(), java.util.Set.of());
        Charge before = charge(30, 2211, linked.minusSeconds(9000), linked.minusSeconds(8000), 5, 100);
        Charge justBefore = charge(31, 2211, linked.minusSeconds(3600), linked.minusSeconds(2), 6, 120);
        // Pod Point's times are whole seconds: this one ended in the link's second, after "Linked" was said
        Charge sameSecond = charge(32, 2211, linked.minusSeconds(1800),
                linked.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 7, 140);
        Charge after = charge(33, 2211, linked.minusSeconds(600), linked.plusSeconds(30), 8, 160);

        List<Notification> first = sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(after, sameSecond, justBefore, before));

        assertThat(first).extracting(Notification::kind).containsExactly(EventKind.CHARGE_COMPLETED,
                EventKind.CHARGE_COMPLETED);
        assertThat(first).extracting(Notification::dedupKey).containsExactly("charge:21:33", "charge:21:32");
        assertThat(sim.state.knownCompleted()).containsExactlyInAnyOrder(30L, 31L, 32L, 33L);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(after, sameSecond, justBefore, before))).isEmpty();
    }

    @Test
    void firstPollWithoutALinkTimeAnnouncesNothing() {
        Sim sim = new Sim(22);
        Charge recent = charge(40, 2211, sim.now.minusSeconds(600), sim.now.minusSeconds(1), 8, 160);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(recent))).isEmpty();
        assertThat(sim.state.knownCompleted()).containsExactly(40L);
    }

    @Test
    void chargeIdsGoingBackwardsAreJudgedByMembershipNotOrder() {
        Sim sim = new Sim(3);
        Charge high = charge(900, 2211, DetectorFixtures.T0.minusSeconds(9000), DetectorFixtures.T0.minusSeconds(8000), 5, 100);
        sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(high));
        // Pod Point now lists a newer charge with a LOWER id first
        Charge lower = charge(450, 2211, sim.now, sim.now.plusSeconds(100), 3.3, 99);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(lower, high))).extracting(Notification::kind)
                .containsExactly(EventKind.CHARGE_COMPLETED);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(high, lower))).isEmpty();
    }

    @Test
    void endsAtSetThenClearedIsAnnouncedOnce() {
        Sim sim = new Sim(4);
        sim.poll(POD, conn("ONLINE", "CHARGING"), List.of());
        Instant start = sim.now;
        Charge done = charge(77, 2211, start, start.plusSeconds(600), 4.0, 50);
        Charge reopened = charge(77, 2211, start, null, 4.0, 0);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(done))).hasSize(1);
        assertThat(sim.poll(POD, conn("ONLINE", "CHARGING"), List.of(reopened))).extracting(Notification::kind)
                .containsExactly(EventKind.PLUGGED_IN);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(done))).isEmpty();
        assertThat(sim.kinds()).filteredOn(k -> k == EventKind.CHARGE_COMPLETED).hasSize(1);
    }

    @Test
    void chargeThatEndedBeforeTheBaselineIsNeverAnnouncedEvenIfForgotten() {
        Sim sim = new Sim(5);
        sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of());
        Charge ancient = charge(3, 2211, DetectorFixtures.T0.minusSeconds(99_000), DetectorFixtures.T0.minusSeconds(98_000), 1, 1);
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of(ancient))).isEmpty();
    }

    @Test
    void missingOrNullListsChangeNothing() {
        Sim sim = new Sim(6);
        sim.poll(POD, conn("ONLINE", "CHARGING"), null);
        // no pods, no connectivity, no charges: no events, the pod's state is kept
        assertThat(sim.poll(null, null, null, null)).isEmpty();
        assertThat(sim.state.pods()).containsKey(2211L);
        // connectivity without evses/connectors: unknown, ignored
        assertThat(sim.poll(POD, new dev.podbot.podpoint.model.ConnectivityStatus("PSL", null), null)).isEmpty();
        assertThat(sim.poll(POD, conn("ONLINE", null), Arrays.asList((Charge) null))).isEmpty();
        assertThat(sim.state.pods().get(2211L).chargingState().name()).isEqualTo("CHARGING");
    }

    @Test
    void offlineAndOnlineAreDebouncedOverTwoPolls() {
        Sim sim = new Sim(7);
        sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of());
        assertThat(sim.poll(POD, conn("OFFLINE", "AVAILABLE"), List.of())).isEmpty();
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of())).isEmpty(); // blip: forgotten
        assertThat(sim.poll(POD, conn("OFFLINE", "AVAILABLE"), List.of())).isEmpty();
        assertThat(sim.poll(POD, conn("OFFLINE", "AVAILABLE"), List.of())).extracting(Notification::kind)
                .containsExactly(EventKind.CHARGER_OFFLINE);
        assertThat(sim.poll(POD, conn("OFFLINE", "AVAILABLE"), List.of())).isEmpty();
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of())).isEmpty();
        assertThat(sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of())).extracting(Notification::kind)
                .containsExactly(EventKind.CHARGER_ONLINE);
        assertThat(sim.events.get(0).reply().text()).contains("Driveway").contains("offline");
    }

    @Test
    void firmwareUpdateAnnouncedOncePerVersion() {
        Sim sim = new Sim(8);
        sim.poll(List.of(POD), Map.of(), Map.of(2211L, List.of(firmware("A30P-1.0", false))), List.of());
        assertThat(sim.poll(List.of(POD), Map.of(), Map.of(2211L, List.of(firmware("A30P-1.0", true))), List.of()))
                .extracting(Notification::kind).containsExactly(EventKind.FIRMWARE);
        assertThat(sim.poll(List.of(POD), Map.of(), Map.of(2211L, List.of(firmware("A30P-1.0", true))), List.of())).isEmpty();
        assertThat(sim.poll(List.of(POD), Map.of(), Map.of(), List.of())).isEmpty(); // not checked this time
        assertThat(sim.poll(List.of(POD), Map.of(), Map.of(2211L, List.of(firmware("A30P-2.0", true))), List.of()))
                .extracting(Notification::kind).containsExactly(EventKind.FIRMWARE);
    }

    @Test
    void podStatusesAreUsedWhenConnectivityHasNoState() {
        Pod withStatus = new Pod(11, "Driveway", "PSL-2211", true, null, 2211, null, null, null,
                List.of(new Pod.PodStatus(1, "Available", "available", "Available", "A", 1)), null, null, null);
        Pod charging = new Pod(11, "Driveway", "PSL-2211", true, null, 2211, null, null, null,
                List.of(new Pod.PodStatus(2, "Charging", "charging", "Charging", "A", 1)), null, null, null);
        Sim sim = new Sim(9);
        sim.poll(withStatus, null, List.of());
        assertThat(sim.poll(charging, null, List.of())).extracting(Notification::kind).containsExactly(EventKind.PLUGGED_IN);
    }

    @Test
    void eventKeysAreStableAcrossRedetection() {
        // two detectors starting from the same state produce the same outbox keys (the outbox refuses the second)
        Sim sim = new Sim(10);
        sim.poll(POD, conn("ONLINE", "AVAILABLE"), List.of());
        AccountState before = sim.state;
        var obs = new Observation(List.of(POD), Map.of(2211L, conn("ONLINE", "CHARGING")), Map.of(), List.of(), sim.now);
        var a = sim.detector.detect(10, before, obs);
        var b = sim.detector.detect(10, before, obs);
        assertThat(a.events()).extracting(Notification::dedupKey)
                .containsExactlyElementsOf(b.events().stream().map(Notification::dedupKey).toList());
    }
}
