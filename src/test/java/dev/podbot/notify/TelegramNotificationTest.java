package dev.podbot.notify;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.telegram.FakeTelegramResource;
import dev.podbot.telegram.FakeTelegramServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Notifications through the real Telegram transport (rate limits, retries) into the fake Bot API server. */
@QuarkusTest
@TestProfile(NotifyTelegramProfile.class)
class TelegramNotificationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestClock clock;
    @Inject
    AccountService accounts;
    @Inject
    FakePodPointClient podPoint;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void clean() {
        assertThat(FakeTelegramResource.server().violations()).as("requests the real Bot API would refuse").isEmpty();
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
        podPoint.reset();
    }

    FakePodPointClient.Account link(long chat) {
        FakePodPointClient.Account a = podPoint.account("u" + chat);
        a.pods.add(pod(chat, chat * 10, "Carport"));
        a.connectivity.put(chat * 10, conn("ONLINE", "AVAILABLE"));
        PodPointSession s = new PodPointSession("t" + chat + "@example.com", "pw");
        s.updateTokens("id", "rt", Instant.now().plusSeconds(3600));
        s.userId("u" + chat);
        accounts.link(chat, chat, s);
        return a;
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void chargeCompletedArrivesAsOneHtmlMessageWithButtonsAndA403PausesTheChat() throws Exception {
        FakeTelegramServer tg = FakeTelegramResource.server();
        FakePodPointClient.Account a = link(6101);
        await().atMost(WAIT).until(() -> count("select count(*) from poll_state where first_poll_done = true and chat_id = 6101") == 1);
        a.addNewest(charge(61, 61010, clock.now().minusSeconds(3600), clock.now(), 8.26, 248));
        FakeTelegramServer.Call call = tg.awaitCall("sendMessage",
                c -> c.isFor(6101) && c.text() != null && c.text().contains("Charge complete"), WAIT);
        assertThat(call.text()).contains("8.3 kWh").contains("£2.48").contains("Carport");
        assertThat(String.valueOf(call.params().get("parse_mode"))).isEqualToIgnoringCase("HTML");
        assertThat(String.valueOf(call.params().get("reply_markup"))).contains("charges:1:new");
        Thread.sleep(2500);
        assertThat(tg.messagesTo(6101)).filteredOn(c -> c.text().contains("Charge complete")).hasSize(1);

        // the user blocked the bot: Telegram answers 403, the chat is paused and the message kept
        FakePodPointClient.Account b = link(6102);
        await().atMost(WAIT).until(() -> count("select count(*) from poll_state where first_poll_done = true and chat_id = 6102") == 1);
        tg.blockedNext("sendMessage", 6102L);
        b.addNewest(charge(62, 61020, clock.now().minusSeconds(600), clock.now(), 2, 60));
        await().atMost(WAIT).until(() -> !QuarkusTransaction.requiringNew().call(() -> accounts.find(6102).orElseThrow().chatActive));
        // the sender marks the chat on the 403 itself, then the send tick puts the row back in its own transaction:
        // wait for that, not for a lucky moment (CI on PostgreSQL looked in between once)
        await().atMost(WAIT).until(() -> count("select count(*) from outbox where chat_id = 6102 and status = 'PENDING'") == 1);
        assertThat(count("select count(*) from outbox where chat_id = 6102")).isEqualTo(1);
    }
}
