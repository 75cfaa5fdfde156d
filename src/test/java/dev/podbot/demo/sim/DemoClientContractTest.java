package dev.podbot.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.podbot.demo.DemoProfile;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The bot's real Pod Point client against the in-process simulator, exactly as demo mode wires them (URLs from
 * {@code DemoConfigSourceFactory}): the simulator speaks the contract the client expects.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoClientContractTest {

    @Inject
    PodPointClient client;

    @Inject
    PodPointSimulator sim;

    PodPointSession session;

    @BeforeEach
    void signIn() {
        sim.running(false);
        sim.applyPendingNow();
        session = client.signIn(PodPointSimulator.LEGACY_EMAIL, PodPointSimulator.DEMO_PASSWORD);
    }

    @AfterEach
    void resume() {
        sim.running(true);
    }

    @Test
    void signInReadsTheAccount() {
        assertThat(session.userId()).isEqualTo(String.valueOf(PodPointSimulator.LEGACY_USER_ID));
        assertThat(session.refreshToken()).isNotBlank();
        assertThatThrownBy(() -> client.signIn(PodPointSimulator.LEGACY_EMAIL, "wrong"))
                .isInstanceOf(SignInRejectedException.class);
        assertThat(client.currentUser(session).toString()).doesNotContain("demo@");

        PodPointSession resumed = client.resume(PodPointSimulator.LEGACY_EMAIL, PodPointSimulator.DEMO_PASSWORD,
                session.refreshToken(), session.userId());
        assertThat(client.allPods(resumed, PodPointClient.POLL_INCLUDES)).hasSize(2);
    }

    @Test
    void podsChargesFirmwareAndConnectivity() {
        List<Pod> pods = client.allPods(session, PodPointClient.FULL_INCLUDES);
        assertThat(pods).extracting(Pod::displayName).containsExactly("Driveway", "Garage");
        Pod garage = client.pod(session, PodPointSimulator.LEGACY_PPID_2).orElseThrow();
        assertThat(garage.unitId()).isEqualTo(534302);
        assertThat(garage.chargeSchedules()).hasSize(7);

        List<Charge> charges = client.allCharges(session);
        assertThat(charges).hasSizeGreaterThanOrEqualTo(8);
        assertThat(charges.stream().filter(Charge::inProgress)).hasSize(2);
        Charge past = charges.stream().filter(c -> !c.inProgress()).findFirst().orElseThrow();
        assertThat(past.costPence()).isPositive();
        assertThat(past.chargingSeconds()).isPositive();
        assertThat(pods.stream().anyMatch(past::belongsTo)).isTrue();
        assertThat(client.charges(session, 1, 3).pagination().itemCount()).isEqualTo(charges.size());

        assertThat(client.firmware(session, garage).get(0).updateAvailable()).isTrue();
        assertThat(client.connectivity(session, garage).online()).isTrue();
        assertThat(client.connectivity(session, garage).chargingState().pluggedIn()).isTrue();
    }

    @Test
    void aCompletedChargeShowsUpInChargesSince() {
        Set<Long> known = new java.util.HashSet<>();
        client.allCharges(session).forEach(c -> known.add(c.id()));
        long id = sim.completeCharge(PodPointSimulator.LEGACY_PPID_2).orElseThrow();
        List<Charge> all = client.allCharges(session);
        Charge done = all.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(done.inProgress()).isFalse();
        assertThat(done.kwh()).isEqualTo(7.2);
        assertThat(done.costPence()).isEqualTo((int) Math.round(7.2 * PodPointSimulator.TARIFF_PENCE_PER_KWH));
        assertThat(done.pluggedInMinutes()).isPositive();
        Pod garage = client.pod(session, PodPointSimulator.LEGACY_PPID_2).orElseThrow();
        assertThat(client.connectivity(session, garage).chargingState()).isEqualTo(ChargingState.AVAILABLE);
        sim.advanceScenario(Duration.ofMinutes(45)); // the car comes back: a new charge starts
        assertThat(client.completedSince(session, java.time.Instant.now().minus(Duration.ofDays(1)))).anyMatch(Charge::inProgress);
    }

    @Test
    void writesTakeEffectAfterTheDelay() {
        Pod driveway = client.pod(session, PodPointSimulator.LEGACY_PPID_1).orElseThrow();
        client.boost(session, driveway, Duration.ofHours(1));
        assertThat(client.chargeMode(session, driveway).kind()).isEqualTo(ChargeMode.Kind.SMART); // not there yet
        await().atMost(Duration.ofSeconds(10)).until(() -> client.chargeMode(session, driveway).kind() == ChargeMode.Kind.BOOST);

        client.manualMode(session, driveway);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.chargeMode(session, driveway).kind() == ChargeMode.Kind.MANUAL);
        client.smartMode(session, driveway);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.chargeMode(session, driveway).kind() == ChargeMode.Kind.SMART);

        client.setChargingAllowed(session, driveway, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.pod(session, PodPointSimulator.LEGACY_PPID_1)
                .orElseThrow().chargeSchedules().stream().allMatch(s -> s.active()));
        sim.advanceScenario(Duration.ofMinutes(20));
        assertThat(client.connectivity(session, driveway).chargingState()).isEqualTo(ChargingState.SUSPENDED_EVSE);
        client.setChargingAllowed(session, driveway, true);
        client.setDailySchedule(session, driveway, LocalTime.of(0, 30), LocalTime.of(4, 30));
        sim.applyPendingNow();
        Pod after = client.pod(session, PodPointSimulator.LEGACY_PPID_1).orElseThrow();
        assertThat(after.chargeSchedules()).hasSize(7).allMatch(s -> s.active() && s.startTime().equals("00:30:00"));
        client.setChargingAllowed(session, driveway, true);
        sim.applyPendingNow();
    }

    @Test
    void theDemoLoginIsAPodHomeAccountControlledThroughPodHomeOnly() {
        PodPointSession home = client.signIn(PodPointSimulator.DEMO_EMAIL, PodPointSimulator.DEMO_PASSWORD);
        assertThat(home.generation()).isEqualTo(dev.podbot.podpoint.ApiGeneration.HOME);
        assertThat(session.generation()).isEqualTo(dev.podbot.podpoint.ApiGeneration.LEGACY);
        Pod driveway = client.pod(home, PodPointSimulator.DEMO_PPID_1).orElseThrow();
        assertThat(driveway.isHome()).isTrue();
        assertThat(ChargeMode.of(driveway, java.time.Instant.now()).kind()).isEqualTo(ChargeMode.Kind.SMART);

        dev.podbot.podpoint.Change c = client.manualMode(home, driveway); // Always on needs Smart off first
        assertThat(c.alsoChanged()).anyMatch(l -> l.contains("Smart charging was switched off"));
        sim.applyPendingNow();
        assertThat(client.chargeMode(home, client.pod(home, PodPointSimulator.DEMO_PPID_1).orElseThrow()).kind())
                .isEqualTo(ChargeMode.Kind.MANUAL);
        assertThat(client.stopBoost(home, driveway).applied()).isFalse(); // Always on is not a boost

        client.scheduledMode(home, driveway);
        sim.applyPendingNow();
        assertThat(ChargeMode.of(client.pod(home, PodPointSimulator.DEMO_PPID_1).orElseThrow(), java.time.Instant.now())
                .kind()).isEqualTo(ChargeMode.Kind.SCHEDULED);
        client.setDailySchedule(home, driveway, java.time.LocalTime.of(0, 30), java.time.LocalTime.of(5, 30));
        sim.applyPendingNow();
        assertThat(client.pod(home, PodPointSimulator.DEMO_PPID_1).orElseThrow().chargeSchedules())
                .hasSize(7).allMatch(x -> x.startTime().equals("00:30:00") && x.active());
        client.smartMode(home, driveway);
        assertThat(ChargeMode.of(client.pod(home, PodPointSimulator.DEMO_PPID_1).orElseThrow(), java.time.Instant.now())
                .kind()).isEqualTo(ChargeMode.Kind.SMART);

        long id = sim.completeCharge(PodPointSimulator.DEMO_PPID_2).orElseThrow();
        assertThat(id).isPositive();
        List<Charge> recent = client.completedSince(home, java.time.Instant.now().minus(Duration.ofHours(1)));
        assertThat(recent).anyMatch(x -> PodPointSimulator.DEMO_PPID_2.equals(x.ppid()) && x.kwh() == 7.2);
        assertThat(client.charges(home, 1, 5).charges()).hasSize(5)
                .isSortedAccordingTo(java.util.Comparator.comparing((Charge x) -> x.startsAt()).reversed());
    }
}
