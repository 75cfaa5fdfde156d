package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.notify.PollCoordinator;
import dev.podbot.notify.TestClock;
import dev.podbot.receipt.ReceiptWatcher;
import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Change receipts end to end (issue 13): commands typed in Telegram (fake Bot API), Pod Point in WireMock holding
 * the charger's confirmation back, the test clock moving the watch on. The reply is edited in place through its
 * stages, keeps its buttons, times out with "Check again", and a newer change supersedes it.
 */
@QuarkusTest
@TestProfile(ReceiptsProfile.class)
class ReceiptsEndToEndTest extends EndToEndTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = PodPointWireMock.API;

    @Inject
    TestClock clock;

    @Inject
    PollCoordinator polls;

    @Inject
    ReceiptWatcher watcher;

    record Charger(long chat, long user, long unit, String ppid) {
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A linked Pod Home account with one charger in Basic mode, a car plugged in and paused, no override. */
    Charger home() {
        long chat = newChat();
        long user = 60_000 + chat % 1000;
        Charger c = new Charger(chat, user, 600_000 + user, "PSL-" + (700_000 + user));
        podPoint.stubHomeCharger(c.ppid(), c.unit(), "INACTIVE", "SuspendedEVSE", "[]");
        login(chat, "receipt" + user + "@example.net", "Receipt-pw-" + user, user);
        return c;
    }

    /** A linked legacy account with one charger (overnight schedule active, online, no car). */
    Charger legacy() {
        long chat = newChat();
        long user = 61_000 + chat % 1000;
        Charger c = new Charger(chat, user, 610_000 + user, "PSL-" + (710_000 + user));
        login(chat, "legacy" + user + "@example.net", "Legacy-pw-" + user, user);
        legacyPods(c, PodPointTestData.overnightSchedules(true), "null", "2026-11-20T09:00:00Z");
        podPoint.stubConnectivity(c.ppid(), PodPointTestData.connectivity(c.ppid(), true, "AVAILABLE")
                .replace("2026-11-20T19:04:11Z", "2026-11-20T08:00:00Z"));
        podPoint.stubWritesSucceed(c.unit(), c.ppid());
        return c;
    }

    void legacyPods(Charger c, String schedules, String override, String lastContact) {
        String pod = PodPointTestData.pod(1, "Driveway", c.ppid(), c.unit(), "Available", schedules, override)
                .replace("2026-11-20T09:00:00Z", lastContact);
        podPoint.stubPods(String.valueOf(c.user()), PodPointTestData.podsBody(pod));
    }

    void homeOverrides(Charger c, String json) {
        podPoint.stubAny(get(urlPathEqualTo(PodPointWireMock.homeOverrides(c.ppid()))), 200, json);
    }

    /** The body of the bot's last POST of a Pod Home override. */
    JsonNode postedOverride(Charger c) throws Exception {
        var posts = podPoint.server().findAll(postRequestedFor(urlPathEqualTo(PodPointWireMock.homeOverrides(c.ppid()))));
        return JSON.readTree(posts.get(posts.size() - 1).getBodyAsString());
    }

    int reads(String path) {
        return podPoint.server().findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    /** Moves the clock on and waits until the watcher has read Pod Point again for this path. */
    void tickAndRead(Duration d, String path) {
        int before = reads(path);
        clock.advance(d);
        await().atMost(TIMEOUT).until(() -> reads(path) > before);
    }

    /** Waits for an edit of bot message {@code messageId} whose text has every fragment. */
    Call awaitEdit(long chat, int messageId, String... fragments) {
        return telegram.awaitCall("editMessageText", c -> c.ok() && c.isFor(chat) && c.messageId() == messageId
                && c.text() != null && containsAll(fragments).test(c.text()), TIMEOUT);
    }

    List<Call> editsOf(long chat, int messageId) {
        return telegram.calls("editMessageText").stream().filter(c -> c.ok() && c.isFor(chat)
                && c.messageId() == messageId).toList();
    }

    long receiptId(long chat) throws Exception {
        return longs("select max(id) from receipt_watch where chat_id = ?", chat).get(0);
    }

    void awaitDone(long id) {
        await().atMost(TIMEOUT).until(() -> longs("select count(*) from receipt_watch where id = ? and done = true",
                id).get(0) == 1);
    }

    // ------------------------------------------------------------------------------------------------ Pod Home

    @Test
    void podHomeBoostIsConfirmedAfterADelayAndTheMessageFollowsItKeepingItsButton() throws Exception {
        Charger c = home();
        Call sent = say(c.chat(), "/boost 1h", "Boosting", "Sent to Pod Point at", "within a few minutes");
        int mid = messageId(sent);
        assertThat(buttons(sent)).containsExactly("boost:stop:" + c.unit());
        long id = receiptId(c.chat());

        // Pod Point lists the override, but the charger has not picked it up (no receivedAt): nothing to edit
        JsonNode posted = postedOverride(c);
        String entry = "{\"id\":\"o1\",\"requestedAt\":\"" + posted.path("requestedAt").asText() + "\",\"endAt\":\""
                + posted.path("endAt").asText() + "\"";
        homeOverrides(c, "[" + entry + "}]");
        tickAndRead(Duration.ofSeconds(15), PodPointWireMock.homeOverrides(c.ppid()));
        tickAndRead(Duration.ofSeconds(15), PodPointWireMock.homeOverrides(c.ppid()));
        assertThat(editsOf(c.chat(), mid)).isEmpty();

        // two minutes after sending, the charger acknowledges it; the car is still paused
        homeOverrides(c, "[" + entry + ",\"receivedAt\":\"" + Instant.now() + "\"}]");
        clock.advance(Duration.ofSeconds(90));
        Call confirmed = awaitEdit(c.chat(), mid, "Boosting", "✅ Charger confirmed at", "(2 min after sending)",
                "Waiting for charging");
        assertThat(buttons(confirmed)).as("the message keeps its button").containsExactly("boost:stop:" + c.unit());

        // then energy flows: in effect, and watching stops (past the first 2 minutes, it reads every 60 s)
        podPoint.stubHomeLive(c.ppid(), "Online", "Charging");
        clock.advance(Duration.ofSeconds(60));
        Call inEffect = awaitEdit(c.chat(), mid, "✅ Charger confirmed at", "⚡ In effect: charging started at");
        assertThat(buttons(inEffect)).containsExactly("boost:stop:" + c.unit());
        awaitDone(id);
        assertThat(telegram.calls("sendMessage").stream().filter(x -> x.isFor(c.chat()) && x.atNanos() > sent.atNanos()))
                .as("every stage edited the one message, no new one").isEmpty();
    }

    @Test
    void podHomeNeverConfirmingTimesOutThenCheckAgainFollowsItAgain() throws Exception {
        Charger c = home();
        Call sent = say(c.chat(), "/mode always", "Always on", "Sent to Pod Point at");
        int mid = messageId(sent);
        long id = receiptId(c.chat());
        homeOverrides(c, "[{\"id\":\"a1\",\"requestedAt\":\"" + Instant.now() + "\"}]");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        Call timedOut = awaitEdit(c.chat(), mid, "No confirmation from the charger within 10m",
                "Check that the charger is online", "/pods", "Check again");
        assertThat(buttons(timedOut)).containsExactly("receipt:again:" + id);
        awaitDone(id);

        // the charger was offline; it is back and has the change: "Check again" follows it to the end
        homeOverrides(c, "[{\"id\":\"a1\",\"requestedAt\":\"" + Instant.now() + "\",\"receivedAt\":\"" + Instant.now()
                + "\"}]");
        // nothing left to follow: the watcher rests (up to 10 s); "Check again" wakes it, no clock moved
        await().atMost(TIMEOUT).until(() -> watcher.restingFor().compareTo(Duration.ofSeconds(6)) > 0);
        int readsBefore = reads(PodPointWireMock.homeOverrides(c.ppid()));
        String q = pressOnly(c.chat(), timedOut, "receipt:again:" + id);
        assertThat(String.valueOf(awaitAnswer(q).params().get("text"))).contains("Checking again");
        await().atMost(Duration.ofSeconds(4))
                .until(() -> reads(PodPointWireMock.homeOverrides(c.ppid())) > readsBefore);
        Call again = awaitEdit(c.chat(), mid, "📨 Sent to Pod Point at", "usually picks up a change");
        assertThat(buttons(again)).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        awaitEdit(c.chat(), mid, "Always on", "✅ Charger confirmed at", "(10 min after sending)",
                "Waiting for charging");
    }

    @Test
    void aReceiptClaimedByAnInstanceThatDiedIsResumedFromTheDatabase() throws Exception {
        Charger c = home();
        Call sent = say(c.chat(), "/boost 2h", "Boosting", "Sent to Pod Point at");
        int mid = messageId(sent);
        long id = receiptId(c.chat());
        // an instance took the receipt and was killed mid-check: its claim is all that is left of it
        try (var conn = dataSource.getConnection(); var st = conn.prepareStatement(
                "update receipt_watch set claimed_by = 'killed-instance', claimed_until = ? where id = ?")) {
            st.setTimestamp(1, java.sql.Timestamp.from(clock.now().plus(Duration.ofMinutes(2))));
            st.setLong(2, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        JsonNode posted = postedOverride(c);
        homeOverrides(c, "[{\"id\":\"o2\",\"requestedAt\":\"" + posted.path("requestedAt").asText()
                + "\",\"endAt\":\"" + posted.path("endAt").asText() + "\",\"receivedAt\":\"" + Instant.now() + "\"}]");
        clock.advance(Duration.ofSeconds(30));
        assertThat(watcher.submitDue()).as("still claimed by the dead instance").doesNotContain(c.chat());
        assertThat(editsOf(c.chat(), mid)).isEmpty();

        // its claim runs out: this instance resumes the receipt where the row says it is
        clock.advance(Duration.ofMinutes(2));
        awaitEdit(c.chat(), mid, "Boosting", "✅ Charger confirmed at", "(3 min after sending)");
    }

    // ------------------------------------------------------------------------------------------------ legacy

    @Test
    void legacyScheduleIsConfirmedOnceTheChargerCheckedInWithTheNewWindow() throws Exception {
        Charger c = legacy();
        Call sent = say(c.chat(), "/schedule 01:00 04:00", "every day from 01:00 to 04:00", "Sent to Pod Point at");
        int mid = messageId(sent);
        String pods = API + "/users/" + c.user() + "/pods";

        // Pod Point's cloud has the new window at once, but the charger has not checked in since
        legacyPods(c, PodPointTestData.daily("01:00:00", "04:00:00", true), "null", "2026-11-20T09:00:00Z");
        tickAndRead(Duration.ofSeconds(15), pods);
        assertThat(editsOf(c.chat(), mid)).isEmpty();

        // it checks in: confirmed; no car is plugged in, so it applies at the next plug-in
        legacyPods(c, PodPointTestData.daily("01:00:00", "04:00:00", true), "null", "2026-11-20T09:05:00Z");
        clock.advance(Duration.ofSeconds(15));
        awaitEdit(c.chat(), mid, "every day from 01:00 to 04:00", "✅ Charger confirmed at", "s after sending",
                "No car is plugged in");
        awaitDone(receiptId(c.chat()));
    }

    @Test
    void legacyNeverConfirmingIsSupersededByANewerChangeWhichTimesOutKeepingItsButtons() throws Exception {
        Charger c = legacy();
        Call manual = say(c.chat(), "/mode manual", "Manual mode", "Sent to Pod Point at");
        long first = receiptId(c.chat());
        // Pod Point shows the override, the charger never acknowledges it (received_at stays null)
        legacyPods(c, PodPointTestData.overnightSchedules(true), PodPointTestData.override(c.ppid(),
                "2026-11-20T09:00:00Z", null, null), "2026-11-20T09:00:00Z");

        Call boost = say(c.chat(), "/boost 30m", "Boosting", "Sent to Pod Point at");
        assertThat(buttons(boost)).containsExactly("boost:stop:" + c.unit());
        long second = receiptId(c.chat());
        Call superseded = awaitEdit(c.chat(), messageId(manual), "Manual mode", "↪️ Superseded at");
        assertThat(superseded.text()).doesNotContain("Charger confirmed");
        awaitDone(first);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        Call timedOut = awaitEdit(c.chat(), messageId(boost), "Boosting", "No confirmation from the charger",
                "Check again");
        assertThat(buttons(timedOut)).containsExactly("boost:stop:" + c.unit(), "receipt:again:" + second);

        // "Check again" on the superseded one changes nothing
        String q = pressOnly(c.chat(), superseded, "receipt:again:" + first);
        assertThat(String.valueOf(awaitAnswer(q).params().get("text"))).contains("newer change");
    }

    // ------------------------------------------------------------------------------------------------ cost

    /** Pod Point requests about one legacy account (its user, its charger's PPID or unit). */
    long callsAbout(Charger c) {
        return podPoint.server().getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
                .filter(u -> u.contains("/users/" + c.user() + "/") || u.contains(c.ppid()) || u.contains("/units/"
                        + c.unit() + "/")).count();
    }

    /** Polls of a legacy account so far (good or failed: each starts by reading its pods). */
    long pollCount(Charger c) {
        return reads(API + "/users/" + c.user() + "/pods");
    }

    /** When the account is polled next: its slot, or the end of its backoff after a failed poll. */
    Instant nextPoll(long chat) throws Exception {
        try (var conn = dataSource.getConnection(); var st = conn.prepareStatement(
                "select next_poll_at, backoff_until from poll_state where chat_id = ?")) {
            st.setLong(1, chat);
            try (var rs = st.executeQuery()) {
                rs.next();
                Instant slot = rs.getTimestamp(1).toInstant();
                java.sql.Timestamp backoff = rs.getTimestamp(2);
                return backoff != null && backoff.toInstant().isAfter(slot) ? backoff.toInstant() : slot;
            }
        }
    }

    @Test
    void anAccountWithNothingInFlightCostsNoPodPointCallWhileAnotherOneIsWatched() throws Exception {
        Charger idle = legacy();
        Charger busy = home();
        // its first poll (this test stubs no charges: the poll fails and backs off, which calls Pod Point all the same)
        await().atMost(TIMEOUT).until(() -> longs("select count(*) from poll_state where chat_id = ? and "
                + "(first_poll_done = true or failures > 0)", idle.chat()).get(0) == 1);
        // keep the idle account's next regular poll out of the minute measured below
        Instant nextPoll = nextPoll(idle.chat());
        if (Duration.between(clock.now(), nextPoll).compareTo(Duration.ofSeconds(120)) < 0) {
            long before = pollCount(idle);
            clock.advanceTo(nextPoll.plusSeconds(1));
            await().atMost(TIMEOUT).until(() -> pollCount(idle) > before);
        }
        assertThat(polls.awaitIdle(TIMEOUT)).isTrue();
        long idlePolls = pollCount(idle);
        long idleCalls = callsAbout(idle);

        Call sent = say(busy.chat(), "/boost 1h", "Boosting", "Sent to Pod Point at");
        long id = receiptId(busy.chat());
        for (int i = 0; i < 4; i++) {
            long before = longs("select checks from receipt_watch where id = ?", id).get(0);
            clock.advance(Duration.ofSeconds(15));
            await().atMost(TIMEOUT).until(() -> longs("select checks from receipt_watch where id = ?", id).get(0) > before);
        }
        assertThat(watcher.awaitIdle(TIMEOUT)).isTrue();
        assertThat(polls.awaitIdle(TIMEOUT)).isTrue();
        long checks = longs("select checks from receipt_watch where id = ?", id).get(0);
        assertThat(checks).as("the busy account was read on every step").isGreaterThanOrEqualTo(4);
        assertThat(pollCount(idle)).as("no regular poll of the idle account in this minute").isEqualTo(idlePolls);
        assertThat(callsAbout(idle)).as("Pod Point calls about the account with nothing in flight").isEqualTo(idleCalls);
        System.out.printf("RECEIPTS cost: %d receipt reads of one account in 60 s of clock; 0 extra Pod Point calls "
                + "for the account with nothing in flight (%d calls over its %d poll(s) before, none since)%n",
                checks, idleCalls, idlePolls);
        assertThat(sent.text()).contains("Boosting");
    }
}
