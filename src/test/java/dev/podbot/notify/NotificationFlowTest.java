package dev.podbot.notify;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.command.ChatTransport.ChatUnreachableException;
import dev.podbot.command.ChatTransport.DeliveryFailedException;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.PodPointUnavailableException;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.model.Charge;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The whole notification path in the running app: the scheduler polls (1 s interval) the in-memory Pod Point,
 * events go through the outbox, the sender delivers through the recording transport.
 */
@QuarkusTest
@TestProfile(NotifyTestProfile.class)
class NotificationFlowTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AccountService accounts;
    @Inject
    FakePodPointClient podPoint;
    @Inject
    RecordingTransport transport;
    @Inject
    TestClock clock;
    @Inject
    OutboxSender sender;
    @Inject
    PollCoordinator coordinator;
    @Inject
    AccountPoller poller;
    @Inject
    NotifyPrefsService prefs;
    @Inject
    NotifyGate gate;
    @Inject
    AgroalDataSource ds;
    @Inject
    MeterRegistry registry;
    @Inject
    PollStateRepository store;
    @Inject
    NotifyInstance instance;
    @Inject
    NotifyWake wake;

    @BeforeEach
    void start() {
        podPoint.reset();
        transport.reset();
        clock.reset();
        gate.resume();
    }

    @AfterEach
    void clean() throws InterruptedException {
        pause();
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
        gate.resume();
    }

    void pause() throws InterruptedException {
        assertThat(gate.pause(WAIT)).isTrue();
        assertThat(coordinator.awaitIdle(WAIT)).isTrue();
    }

    ChatAccount account(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.find(chat).orElseThrow());
    }

    FakePodPointClient.Account link(long chat) {
        return podPoint.linkWithOnePod(accounts, chat);
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String one(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    void awaitBaseline(long chat) {
        await().atMost(WAIT).until(() -> count("select count(*) from poll_state where first_poll_done = true and chat_id = " + chat) == 1);
    }

    /** A charge that completed just now on the app's clock (which a full build also runs a year ahead). */
    Charge completedNow(long id, long chat) {
        Instant end = clock.now();
        return charge(id, chat * 100, end.minusSeconds(7200), end, 10.46, 314);
    }

    /** Links the chat and polls its baseline; then the user blocks the bot and a charge completes: its row is held. */
    FakePodPointClient.Account blockedWithAChargeHeld(long chat, long chargeId) {
        FakePodPointClient.Account a = link(chat);
        awaitBaseline(chat);
        transport.before(c -> {
            if (c == chat) {
                throw new ChatUnreachableException("403 blocked");
            }
        });
        a.addNewest(completedNow(chargeId, chat));
        await().atMost(WAIT).until(() -> !account(chat).chatActive);
        return a;
    }

    /** Links the chat, polls its baseline, pauses the ticks, then polls three completed charges: three PENDING rows. */
    void threeCompletedChargesPending(long chat, long firstChargeId) throws Exception {
        FakePodPointClient.Account a = link(chat);
        awaitBaseline(chat);
        pause();
        for (long id = firstChargeId; id < firstChargeId + 3; id++) {
            a.addNewest(completedNow(id, chat));
        }
        assertThat(poller.poll(chat)).isEqualTo(AccountPoller.Outcome.OK);
        assertThat(count("select count(*) from outbox where chat_id = " + chat + " and status = 'PENDING'"))
                .isEqualTo(3);
    }

    @Test
    void ticksLookForNewAccountsOnlyAfterALinkNotEverySecond() throws Exception {
        FakePodPointClient.Account a = link(7101);
        awaitBaseline(7101);
        long scans = coordinator.accountScans();
        int polls = a.podCalls.get();
        await().atMost(WAIT).until(() -> a.podCalls.get() >= polls + 3); // three more ticks, 1 s poll interval
        assertThat(coordinator.accountScans()).isEqualTo(scans);

        link(7102); // the link is announced: the next tick adds its poll state, and the account is polled
        awaitBaseline(7102);
        assertThat(coordinator.accountScans()).isEqualTo(scans + 1);
    }

    @Test
    void baselineIsSilentThenACompletedChargeIsAnnouncedExactlyOnce() throws Exception {
        FakePodPointClient.Account a = link(7001);
        a.addNewest(charge(1, 700100, clock.now().minusSeconds(90_000), clock.now().minusSeconds(86_000), 5, 100));
        awaitBaseline(7001);
        int polls = a.podCalls.get();
        await().atMost(WAIT).until(() -> a.podCalls.get() >= polls + 2);
        assertThat(transport.to(7001)).isEmpty();

        a.addNewest(completedNow(2, 7001));
        await().atMost(WAIT).until(() -> transport.to(7001).size() == 1);
        String text = transport.to(7001).get(0).reply().text();
        assertThat(text).contains("Charge complete").contains("Pod 7001").contains("10.5 kWh").contains("£3.14")
                .contains("2 h 00 min");
        int after = a.podCalls.get();
        await().atMost(WAIT).until(() -> a.podCalls.get() >= after + 3);
        assertThat(transport.to(7001)).hasSize(1);
        assertThat(count("select count(*) from outbox where chat_id = 7001 and status = 'SENT'")).isEqualTo(1);
        assertThat(registry.counter("podbot.poll.accounts", "outcome", "ok").count()).isPositive();
        assertThat(registry.find("podbot.poll.cycle").timer().count()).isPositive();
    }

    @Test
    void aChargeThatCompletesBetweenTheLinkAndTheFirstPollIsAnnouncedButNoneFromBefore() throws Exception {
        pause(); // no tick between the link and the charges below: the first poll sees them all at once
        FakePodPointClient.Account a = link(7010);
        Instant linked = clock.now();
        a.addNewest(charge(101, 701000, linked.minusSeconds(90_000), linked.minusSeconds(86_000), 5, 100));
        a.addNewest(charge(102, 701000, linked.minusSeconds(7200), linked.minusSeconds(5), 6, 120));
        a.addNewest(completedNow(103, 7010)); // after "Linked" was said, before the first poll
        gate.resume();
        awaitBaseline(7010);
        await().atMost(WAIT).until(() -> transport.to(7010).size() == 1);
        int polls = a.podCalls.get();
        await().atMost(WAIT).until(() -> a.podCalls.get() >= polls + 2);
        assertThat(transport.to(7010)).singleElement().satisfies(d -> assertThat(d.reply().text())
                .contains("Charge complete").contains("10.5 kWh"));
        assertThat(count("select count(*) from outbox where chat_id = 7010")).isEqualTo(1);
    }

    @Test
    void aRestingSendTickIsWokenByTheCommittedNotificationNotAfterItsTenSeconds() throws Exception {
        FakePodPointClient.Account a = link(7020);
        awaitBaseline(7020);
        // nothing to send: after its next look the send tick rests for up to 10 s
        await().atMost(WAIT).until(() -> wake.outbox().restingFor(clock.now()).compareTo(Duration.ofSeconds(6)) > 0);
        long looks = wake.outbox().looks();
        a.addNewest(completedNow(201, 7020)); // the next poll (every second here) queues it and wakes the tick
        await().atMost(Duration.ofSeconds(4)).until(() -> transport.to(7020).size() == 1);
        assertThat(transport.to(7020).get(0).reply().text()).contains("Charge complete");
        assertThat(wake.outbox().looks() - looks).as("looked when woken, not every second").isBetween(1L, 3L);
    }

    @Test
    void aChatThatIsReachableAgainGetsItsHeldNotificationsAtOnce() throws Exception {
        blockedWithAChargeHeld(7021, 211);
        transport.before(c -> { });
        await().atMost(WAIT).until(() -> wake.outbox().restingFor(clock.now()).compareTo(Duration.ofSeconds(6)) > 0);
        accounts.markChatActive(7021); // the user writes again
        await().atMost(Duration.ofSeconds(4)).until(() -> transport.to(7021).size() == 1);
    }

    @Test
    void chargeCompletedWhileTheBotWasDownIsAnnouncedOnceAfterRestart() throws Exception {
        FakePodPointClient.Account a = link(7002);
        awaitBaseline(7002);
        pause(); // the bot is down
        accounts.forgetSession(7002); // sessions do not survive a restart
        a.addNewest(completedNow(20, 7002));
        a.connectivity.put(700200L, conn("ONLINE", "CHARGING"));
        Thread.sleep(1500);
        assertThat(transport.to(7002)).isEmpty();
        gate.resume(); // back up: state comes from the database
        await().atMost(WAIT).until(() -> transport.to(7002).stream().anyMatch(d -> d.reply().text().contains("Charge complete")));
        int polls = a.podCalls.get();
        await().atMost(WAIT).until(() -> a.podCalls.get() >= polls + 3);
        assertThat(transport.to(7002)).filteredOn(d -> d.reply().text().contains("Charge complete")).hasSize(1);
        assertThat(transport.to(7002)).filteredOn(d -> d.reply().text().contains("plugged in")).hasSize(1);
    }

    @Test
    void crashBetweenSendAndMarkNeverRepeatsTheMessage() throws Exception {
        FakePodPointClient.Account a = link(7003);
        awaitBaseline(7003);
        pause();
        a.addNewest(completedNow(30, 7003));
        assertThat(poller.poll(7003)).isEqualTo(AccountPoller.Outcome.OK);
        assertThat(count("select count(*) from outbox where chat_id = 7003 and status = 'PENDING'")).isEqualTo(1);

        // the message goes out, then the process "dies" before marking it sent
        transport.after(c -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> sender.sendDue("instance-1")).isInstanceOf(SimulatedCrash.class);
        assertThat(transport.to(7003)).hasSize(1);
        assertThat(one("select status from outbox where chat_id = 7003")).isEqualTo("SENDING");

        // a new sender (after the restart) and a re-detection of the same charge
        transport.after(c -> { });
        for (int i = 0; i < 3; i++) {
            sender.sendDue("instance-2");
        }
        assertThat(poller.poll(7003)).isEqualTo(AccountPoller.Outcome.OK);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from known_charge where chat_id = 7003"); // even if the state were lost
        }
        assertThat(poller.poll(7003)).isEqualTo(AccountPoller.Outcome.OK);
        sender.sendDue("instance-2");
        assertThat(transport.to(7003)).hasSize(1);
        assertThat(count("select count(*) from outbox where chat_id = 7003")).isEqualTo(1);
    }

    @Test
    void aCrashMidBatchStrandsOnlyTheRowInFlight() throws Exception {
        threeCompletedChargesPending(7011, 110);

        // the process dies during the first send of the batch
        transport.before(c -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> sender.sendDue("test-a")).isInstanceOf(SimulatedCrash.class);
        assertThat(count("select count(*) from outbox where chat_id = 7011 and status = 'SENDING'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where chat_id = 7011 and status = 'PENDING'"))
                .as("rows not yet taken stay pending").isEqualTo(2);

        // after the restart the other two go out, the one in flight is never repeated
        transport.before(c -> { });
        sender.sendDue("test-a");
        sender.sendDue("test-a");
        assertThat(transport.to(7011)).hasSize(2);
        assertThat(count("select count(*) from outbox where chat_id = 7011 and status = 'SENT'")).isEqualTo(2);
    }

    @Test
    void aCrashDuringTheSecondSendLeavesTheFirstMarkedSentAndOnlyTheSecondInFlight() throws Exception {
        threeCompletedChargesPending(7015, 150);

        // the first message goes out; the process dies while the second is being sent
        java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
        transport.before(c -> {
            if (c == 7015 && sends.incrementAndGet() == 2) {
                throw new SimulatedCrash();
            }
        });
        assertThatThrownBy(() -> sender.sendDue("test-a")).isInstanceOf(SimulatedCrash.class);
        // the first row is marked SENT; only the one in flight is left SENDING, the rest stay PENDING
        assertThat(count("select count(*) from outbox where chat_id = 7015 and status = 'SENT'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where chat_id = 7015 and status = 'SENDING'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where chat_id = 7015 and status = 'PENDING'")).isEqualTo(1);

        transport.before(c -> { });
        sender.sendDue("test-a");
        assertThat(transport.to(7015)).hasSize(2);
        assertThat(count("select count(*) from outbox where chat_id = 7015 and status = 'SENT'")).isEqualTo(2);
    }

    @Test
    void anInstanceThatCannotDeliverLeavesTheRowsAlone() throws Exception {
        FakePodPointClient.Account a = link(7012);
        awaitBaseline(7012);
        pause();
        a.addNewest(completedNow(120, 7012));
        poller.poll(7012);
        transport.ready(false); // e.g. TELEGRAM_ENABLED=false, or Telegram not connected yet after start-up
        assertThat(sender.sendDue("test-a")).isZero();
        assertThat(one("select status from outbox where chat_id = 7012")).isEqualTo("PENDING");
        assertThat(count("select attempts from outbox where chat_id = 7012")).as("no attempt counted").isZero();
        assertThat(one("select claimed_by from outbox where chat_id = 7012")).isNull();
        transport.ready(true);
        assertThat(sender.sendDue("test-a")).isEqualTo(1);
        assertThat(transport.to(7012)).hasSize(1);
    }

    @Test
    void anAccountClaimedWhenTheInstanceWasKilledIsPolledAtOnceAfterTheRestart() throws Exception {
        FakePodPointClient.Account a = link(7013);
        awaitBaseline(7013);
        pause();
        // the instance claimed the account for a poll, then was killed before it finished
        clock.advance(Duration.ofSeconds(2));
        Instant now = clock.now();
        assertThat(Tx.run(() -> store.claimDueAccounts(instance.id(), now, 10, Duration.ofSeconds(1),
                Duration.ofMinutes(5)))).contains(7013L);
        a.addNewest(completedNow(130, 7013));
        // the restarted instance (same name) gives its claims back at start-up
        assertThat(coordinator.releaseOwnClaims()).isEqualTo(1);
        gate.resume();
        await().atMost(WAIT).until(() -> transport.to(7013).size() == 1);
        assertThat(transport.to(7013).get(0).reply().text()).contains("Charge complete");
    }

    @Test
    void livenessGoesDownWhileASendIsStuckAndUpWhenItEnds() throws Exception {
        FakePodPointClient.Account a = link(7014);
        awaitBaseline(7014);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        transport.before(c -> {
            try {
                release.await(); // a send that hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        a.addNewest(completedNow(140, 7014));
        await().atMost(WAIT).untilAsserted(() -> io.restassured.RestAssured.given().get("/q/health/live").then()
                .statusCode(503));
        assertThat(io.restassured.RestAssured.given().get("/q/health/live").body().asString())
                .contains("a send is stuck");
        release.countDown();
        await().atMost(WAIT).untilAsserted(() -> io.restassured.RestAssured.given().get("/q/health/live").then()
                .statusCode(200));
        await().atMost(WAIT).until(() -> transport.to(7014).size() == 1);
    }

    @Test
    void transientFailureIsRetriedWithBackoffAndDeliveredOnce() throws Exception {
        FakePodPointClient.Account a = link(7004);
        awaitBaseline(7004);
        pause();
        a.addNewest(completedNow(40, 7004));
        poller.poll(7004);
        transport.before(c -> {
            throw new DeliveryFailedException("telegram 502", null);
        });
        sender.sendDue("i");
        assertThat(transport.to(7004)).isEmpty();
        assertThat(one("select status from outbox where chat_id = 7004")).isEqualTo("PENDING");
        assertThat(count("select attempts from outbox where chat_id = 7004")).isEqualTo(1);
        transport.before(c -> { });
        sender.sendDue("i");
        assertThat(transport.to(7004)).as("held by the backoff").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        sender.sendDue("i");
        sender.sendDue("i");
        assertThat(transport.to(7004)).hasSize(1);
        assertThat(registry.counter("podbot.notifications.failed", "reason", "retry").count()).isPositive();
    }

    @Test
    void blockedChatKeepsItsMessagesAndStopsPollingUntilTheUserWritesAgain() throws Exception {
        FakePodPointClient.Account a = blockedWithAChargeHeld(7005, 50);
        assertThat(one("select status from outbox where chat_id = 7005")).isEqualTo("PENDING");
        coordinator.awaitIdle(WAIT);
        int polls = a.podCalls.get();
        Thread.sleep(2500);
        assertThat(a.podCalls.get()).as("no polling while blocked").isLessThanOrEqualTo(polls + 1);
        transport.before(c -> { });
        accounts.markChatActive(7005);
        await().atMost(WAIT).until(() -> transport.to(7005).size() == 1);
        await().atMost(WAIT).until(() -> a.podCalls.get() > polls + 1);
    }

    @Test
    void quietHoursHoldNonUrgentMessagesUntilTheyEnd() throws Exception {
        FakePodPointClient.Account a = link(7006);
        awaitBaseline(7006);
        ZoneId london = ZoneId.of("Europe/London");
        clock.advanceToNext(LocalTime.of(23, 30), london); // forward from the real now, whatever the date
        prefs.setQuiet(7006, Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))));
        a.addNewest(completedNow(60, 7006));
        await().atMost(WAIT).until(() -> count("select count(*) from outbox where chat_id = 7006") == 1);
        Thread.sleep(1000);
        assertThat(transport.to(7006)).as("held during quiet hours").isEmpty();
        Instant deliverAfter = Instant.parse(one("select deliver_after from outbox where chat_id = 7006")
                .replace(' ', 'T').replaceAll("\\+00(:00)?$", "Z").replaceAll("Z$", "Z"));
        assertThat(deliverAfter.atZone(london).toLocalTime()).isEqualTo(LocalTime.of(7, 0));

        // urgent: sign-in problem comes straight away
        a.failure = new SignInRejectedException(400, "INVALID_PASSWORD");
        await().atMost(WAIT).until(() -> transport.to(7006).size() == 1);
        assertThat(transport.to(7006).get(0).reply().text()).contains("/login");

        clock.advanceToNext(LocalTime.of(7, 1), london);
        await().atMost(WAIT).until(() -> transport.to(7006).size() == 2);
        assertThat(transport.to(7006).get(1).reply().text()).contains("Charge complete");
    }

    @Test
    void rejectedSignInIsToldOnceAndPausesPolling() throws Exception {
        FakePodPointClient.Account a = link(7007);
        awaitBaseline(7007);
        a.failure = new SignInRejectedException(400, "INVALID_PASSWORD");
        await().atMost(WAIT).until(() -> transport.to(7007).size() == 1);
        assertThat(account(7007).status).isEqualTo(ChatAccount.Status.AUTH_FAILED);
        Thread.sleep(2000);
        assertThat(transport.to(7007)).hasSize(1);
        assertThat(transport.to(7007).get(0).reply().text()).contains("/login again");
    }

    @Test
    void oneFailingAccountBacksOffAloneWhileOthersKeepBeingPolled() throws Exception {
        FakePodPointClient.Account bad = link(7008);
        FakePodPointClient.Account good = link(7009);
        awaitBaseline(7008);
        awaitBaseline(7009);
        bad.failure = new PodPointUnavailableException("timeout", null);
        int goodStart = good.podCalls.get();
        // six more polls of the good account (one a second: at least 5 s) rather than a fixed wait: the bad one, backed
        // off 1 s, 2 s, 4 s, 8 s after its failures, has failed 3 or 4 times by then (5 only after 15 s)
        await().atMost(WAIT).until(() -> good.podCalls.get() - goodStart >= 6);
        // allPods is the first call, so podCalls counts every attempt of the bad account too
        long failures = count("select failures from poll_state where chat_id = 7008");
        assertThat(failures).isBetween(2L, 4L); // instead of one a second
        assertThat(count("select failures from poll_state where chat_id = 7009")).isZero();
        good.addNewest(completedNow(90, 7009));
        await().atMost(WAIT).until(() -> transport.to(7009).size() == 1);
        bad.failure = null;
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select failures from poll_state where chat_id = 7008") == 0);
    }

    @Test
    void logoutDeletesEverythingAboutTheChat() throws Exception {
        FakePodPointClient.Account a = link(7010);
        awaitBaseline(7010);
        a.addNewest(completedNow(100, 7010));
        prefs.setQuiet(7010, Optional.of(new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 0))));
        await().atMost(WAIT).until(() -> count("select count(*) from outbox where chat_id = 7010") == 1);
        pause();
        accounts.unlink(7010);
        for (String t : new String[] {"poll_state", "pod_state", "known_charge", "outbox", "notify_prefs"}) {
            assertThat(count("select count(*) from " + t + " where chat_id = 7010")).as(t).isZero();
        }
    }

    static class SimulatedCrash extends Error {
    }
}
