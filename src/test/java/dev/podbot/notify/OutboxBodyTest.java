package dev.podbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.podbot.account.ChatAccount;
import dev.podbot.account.AccountService;
import dev.podbot.command.Reply;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.telegram.BotApiRules;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A notification text longer than the outbox column is shortened where HTML may be cut, never mid-entity or mid-tag. */
@QuarkusTest
@TestProfile(NotifyTestProfile.class)
class OutboxBodyTest {

    static final long CHAT = 7101;

    @Inject
    OutboxRepository outbox;
    @Inject
    AccountService accounts;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteById(CHAT));
    }

    @Test
    void aLongBodyIsShortenedToValidHtml() throws Exception {
        PodPointSession session = new PodPointSession("d@example.com", "pw");
        session.updateTokens("id", "rt", Instant.now().plusSeconds(3600));
        accounts.link(CHAT, CHAT, session);
        // "&amp;" straddles character 4096 and the <b> is still open there: a plain cut breaks both
        String body = "<b>" + "x".repeat(4090) + "&amp;&amp; more</b>";
        Notification n = new Notification(EventKind.CHARGE_COMPLETED, "long:" + CHAT, Reply.of(body));
        boolean queued = Tx.run(() -> outbox.enqueue(CHAT, n, NotifyPrefs.defaults(), Instant.now(), ZoneId.of("UTC")));
        assertThat(queued).isTrue();
        String stored;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select body from outbox where chat_id = " + CHAT)) {
            rs.next();
            stored = rs.getString(1);
        }
        assertThat(stored.length()).isLessThanOrEqualTo(4096);
        assertThat(BotApiRules.html(stored)).as("Telegram's parser accepts it").isNull();
        assertThat(stored).startsWith("<b>xxx").endsWith("…");
    }
}
