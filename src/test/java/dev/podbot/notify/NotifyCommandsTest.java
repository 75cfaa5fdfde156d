package dev.podbot.notify;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.command.ChatRequest;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandService;
import dev.podbot.podpoint.PodPointSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** /notify and /quiet through the real command router. */
@QuarkusTest
@TestProfile(NotifyTestProfile.class)
class NotifyCommandsTest {

    static final long CHAT = 9501;

    @Inject
    CommandService commands;
    @Inject
    AccountService accounts;
    @Inject
    NotifyPrefsService prefs;
    @Inject
    FakePodPointClient podPoint;
    @Inject
    AccountPoller poller;
    @Inject
    NotifyGate gate;
    @Inject
    PollCoordinator coordinator;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void link() throws Exception {
        gate.pause(Duration.ofSeconds(10));
        coordinator.awaitIdle(Duration.ofSeconds(10));
        FakePodPointClient.Account a = podPoint.account("u" + CHAT);
        a.pods.add(pod(1, 95010, "Drive"));
        a.connectivity.put(95010L, conn("ONLINE", "AVAILABLE"));
        PodPointSession s = new PodPointSession("n@example.com", "pw");
        s.updateTokens("id", "rt", Instant.now().plusSeconds(3600));
        s.userId("u" + CHAT);
        accounts.link(CHAT, CHAT, s);
    }

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
        podPoint.reset();
        gate.resume();
    }

    ChatResponse say(String text) {
        return commands.handle(ChatRequest.text(CHAT, CHAT, ChatRequest.ChatType.PRIVATE, text, 1));
    }

    ChatResponse press(String data) {
        return commands.handle(ChatRequest.button(CHAT, CHAT, ChatRequest.ChatType.PRIVATE, data, 2));
    }

    @Test
    void notifyShowsAndTogglesEachKindAndSwitchedOffKindsAreNotQueued() throws Exception {
        ChatResponse r = say("/notify");
        assertThat(r.replies().get(0).buttons()).flatMap(row -> row).extracting(b -> b.data())
                .contains("notify:toggle:charge", "notify:toggle:offline", "notify:toggle:plugged")
                .doesNotContain("notify:toggle:signin");
        // each switch is shown once, as a button with its state, and labelled the same way everywhere
        assertThat(r.replies().get(0).buttons()).flatMap(row -> row).extracting(b -> b.text())
                .hasSize(9).contains("✅ Charge completed", "✅ Charger offline (urgent)", "✅ Monthly digest");
        for (EventKind k : EventKind.values()) {
            assertThat(r.replies().get(0).text()).doesNotContain(k.label());
        }

        ChatResponse t = press("notify:toggle:charge");
        assertThat(t.replies().get(0).editOriginal()).isTrue();
        assertThat(t.replies().get(0).buttons()).flatMap(row -> row).extracting(b -> b.text())
                .contains("❌ Charge completed");
        assertThat(t.callbackAnswer()).contains("off");
        assertThat(prefs.get(CHAT).wants(EventKind.CHARGE_COMPLETED)).isFalse();

        assertThat(poller.poll(CHAT)).isEqualTo(AccountPoller.Outcome.OK); // baseline
        podPoint.account("u" + CHAT).addNewest(charge(5, 95010, Instant.now().minusSeconds(600), Instant.now(), 3, 60));
        assertThat(poller.poll(CHAT)).isEqualTo(AccountPoller.Outcome.OK);
        assertThat(count("select count(*) from outbox where chat_id = " + CHAT)).isZero();
        assertThat(count("select count(*) from known_charge where chat_id = " + CHAT + " and charge_id = 5")).isEqualTo(1);

        press("notify:toggle:charge");
        assertThat(prefs.get(CHAT).wants(EventKind.CHARGE_COMPLETED)).isTrue();
        assertThat(press("notify:toggle:nonsense").callbackAnswer()).isNotBlank();
        assertThat(say("/help").replies().get(0).text()).contains("/notify").contains("/quiet");
    }

    @Test
    void quietSetsShowsAndClearsAWindowAndExplainsBadInput() {
        assertThat(say("/quiet 22:00 7:00").replies().get(0).text()).contains("22:00").contains("07:00");
        assertThat(prefs.get(CHAT).quiet()).contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
        assertThat(say("/quiet").replies().get(0).text()).contains("22:00–07:00");
        assertThat(say("/quiet 25:00 07:00").replies().get(0).text()).contains("didn't understand").contains("/quiet off");
        assertThat(say("/quiet soon").replies().get(0).text()).contains("didn't understand");
        assertThat(say("/quiet 07:00 07:00").replies().get(0).text()).contains("different");
        assertThat(say("/quiet off").replies().get(0).text()).contains("off");
        assertThat(prefs.get(CHAT).quiet()).isEmpty();
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
