package dev.podbot.notify;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.podpoint.InjectPodPointWireMock;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.PodPointUnavailableException;
import dev.podbot.podpoint.PodPointWireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the notification tests through the real Pod Point client share: the WireMock Pod Point, the test clock, the
 * recording transport, one chat, and helpers that count polls and deliveries. Subclasses carry
 * {@code @QuarkusTest @TestProfile(NotifyWireMockProfile.class) @WithTestResource(PodPointWireMockResource.class)}.
 */
abstract class WireMockNotificationTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    @InjectPodPointWireMock
    PodPointWireMock wm;
    @Inject
    TestClock clock;
    @Inject
    PodPointClient client;
    @Inject
    AccountService accounts;
    @Inject
    RecordingTransport transport;
    @Inject
    AgroalDataSource ds;

    /** The chat this test links and watches. */
    abstract long chat();

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
        transport.reset();
        wm.reset();
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long polls() throws Exception {
        return count("select coalesce(max(poll_count), 0) from poll_state where chat_id = " + chat());
    }

    void awaitPolls(int more) throws Exception {
        long p = polls();
        await().atMost(WAIT).until(() -> polls() >= p + more);
    }

    long deliveries(String contains) {
        return transport.to(chat()).stream().filter(d -> d.reply().text().contains(contains)).count();
    }

    /** The first HTTP call of a cold JVM on a busy machine can pass the 1 s test timeout: try again then. */
    PodPointSession signIn(String email, String password) {
        for (int i = 0; ; i++) {
            try {
                return client.signIn(email, password);
            } catch (PodPointUnavailableException e) {
                if (i == 3) {
                    throw e;
                }
            }
        }
    }
}
