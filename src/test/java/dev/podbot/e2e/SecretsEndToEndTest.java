package dev.podbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMockResource;
import dev.podbot.telegram.FakeTelegramServer;
import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Secrets at rest and in the logs, after a realistic session through Telegram. */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class SecretsEndToEndTest extends EndToEndTestBase {

    /** The application's log file in tests (quarkus.log.file.path), written through the redacting filter. */
    static final Path LOG = Path.of("target/podbot-test.log");

    @Test
    void theDatabaseHoldsNoPlaintextEmailPasswordOrToken() throws Exception {
        long oneLine = newChat();
        login(oneLine, "plain.one@example.org", "Plain-pw-one-1", 63001);

        long twoStep = newChat();
        podPoint.stubMfaPending("plain.two@example.org", "Plain-pw-two-2", "pending-db-1", "enrol-db-1", "+***55");
        podPoint.stubMfaStart("pending-db-1", "sms-session-db");
        podPoint.stubMfaFinalize("sms-session-db", "135790", "63002");
        say(twoStep, "/login plain.two@example.org Plain-pw-two-2", "code");
        String midLogin = databaseText(); // a 2FA login in progress lives in the database too
        say(twoStep, "135790", "linked");

        long guided = newChat();
        say(guided, "/login", "e-mail");
        say(guided, "plain.three@example.org", "password");

        String db = databaseText();
        assertThat(tables()).anyMatch(t -> t.toLowerCase().contains("chat_account"))
                .anyMatch(t -> t.toLowerCase().contains("login_state"));
        assertThat(db).contains("v1:");
        for (String text : new String[] {db, midLogin}) {
            assertThat(text).doesNotContain("plain.one@example.org", "Plain-pw-one-1", "plain.two@example.org",
                    "Plain-pw-two-2", "plain.three@example.org", "plain.one", "plain.two", "plain.three",
                    "rt-63001-1", "id-63001-1", "rt-63002-mfa", "id-63002-mfa", "pending-db-1", "sms-session-db");
        }
    }

    @Test
    void theLogsNeverShowTheBotTokenAPasswordOrAnEmail() throws Exception {
        long start = Files.exists(LOG) ? Files.size(LOG) : 0;

        long chat = newChat();
        podPoint.stubAccount("logged.user@example.org", "Log-pw-secret-7", "64001");
        say(chat, "/login logged.user@example.org Wrong-pw-secret-8", "didn't accept");
        say(chat, "/login logged.user@example.org Log-pw-secret-7", "linked");
        podPoint.stubPods("64001", PodPointTestData.podsBody(
                PodPointTestData.pod(64001, 464_001, "PSL-664001", "Drive", "[]")));
        podPoint.stubConnectivity("PSL-664001", PodPointTestData.connectivity("PSL-664001", true, "AVAILABLE"));
        Call pods = say(chat, "/pods", "PSL-664001");
        podPoint.stubUnreachable("/api3/v5/users/.*");
        press(chat, pods, "pods:refresh", "didn't answer"); // a typed /pods would answer from the recent reading

        long guided = newChat();
        say(guided, "/login", "e-mail");
        say(guided, "guided.user@example.org", "password");
        say(guided, "Guided-pw-secret-9", "didn't accept");

        long unlucky = newChat();
        telegram.serverErrorNext("sendMessage", unlucky, 1);
        telegram.rateLimitNext("sendMessage", unlucky, 1);
        say(unlucky, "/start", "/login");
        telegram.failNext("deleteMessage", unlucky, 400, "Bad Request: message can't be deleted", null, 1);
        say(unlucky, "/login unlucky.user@example.org Unlucky-pw-secret-0", "didn't accept");

        String marker = "e2e-log-marker-" + UUID.randomUUID();
        Log.info(marker);
        await().atMost(TIMEOUT).until(() -> tail(start).contains(marker));
        String log = tail(start);

        assertThat(log).contains("Chat " + chat); // the bot did log this session
        String token = FakeTelegramServer.DEFAULT_TOKEN;
        assertThat(log).doesNotContain(token, token.substring(token.indexOf(':') + 1),
                "logged.user@example.org", "logged.user", "guided.user", "unlucky.user",
                "Log-pw-secret-7", "Wrong-pw-secret-8", "Guided-pw-secret-9", "Unlucky-pw-secret-0",
                "id-64001-1", "rt-64001-1", PodPointWireMockResource.API_KEY);
    }

    /** What the application logged since the given file offset. */
    static String tail(long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(LOG.toFile(), "r")) {
            long len = f.length();
            long start = from <= len ? from : 0; // the file was rotated: read it all
            byte[] b = new byte[(int) (len - start)];
            f.seek(start);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
