package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** /login in every form, and /logout, as a Telegram user does them. */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class LoginEndToEndTest extends EndToEndTestBase {

    static final String EMAIL = "noor.e2e@example.org";
    static final String PASSWORD = "Noor-pass-2468";

    @Test
    void oneLineLoginLinksTheAccountAndDeletesThePasswordMessage() throws Exception {
        long chat = newChat();
        podPoint.stubAccount(EMAIL, PASSWORD, "62001");
        int seen = botMessages(chat).size();
        int mid = write(chat, "/login " + EMAIL + " " + PASSWORD);
        Call reply = awaitMessage(chat, seen, containsAll("linked"));
        assertThat(reply.text()).contains("/pods");
        awaitDeleted(chat, mid);
        assertThat(count("select count(*) from chat_account where chat_id = ? and status = 'LINKED'", chat)).isOne();
        assertThat(accounts.credentials(chat).orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isZero();
        podPoint.server().verify(postRequestedFor(urlPathEqualTo(PodPointWireMock.AUTH_PATH + "/verifyPassword")));
        say(chat, "/start", "linked", "/pods");
    }

    @Test
    void guidedLoginAsksForEmailThenPasswordAndDeletesOnlyThePassword() throws Exception {
        long chat = newChat();
        podPoint.stubAccount(EMAIL, PASSWORD, "62002");
        say(chat, "/login", "e-mail");
        int seen = botMessages(chat).size();
        int emailMessage = write(chat, EMAIL);
        Call ask = awaitMessage(chat, seen, containsAll("password"));
        assertThat(ask.text()).doesNotContain(PASSWORD);
        seen = botMessages(chat).size();
        int passwordMessage = write(chat, PASSWORD);
        awaitMessage(chat, seen, containsAll("linked"));
        awaitDeleted(chat, passwordMessage);
        assertThat(deletedIn(chat)).containsExactly(passwordMessage).doesNotContain(emailMessage);
        assertThat(accounts.credentials(chat).orElseThrow().email()).isEqualTo(EMAIL);
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedClearlyAndNothingIsStored() throws Exception {
        long chat = newChat();
        podPoint.stubAccount(EMAIL, PASSWORD, "62003");
        int seen = botMessages(chat).size();
        int mid = write(chat, "/login " + EMAIL + " Not-the-password-1");
        Call reply = awaitMessage(chat, seen, containsAll("didn't accept"));
        assertThat(reply.text()).contains("nothing was saved").doesNotContain("Exception");
        awaitDeleted(chat, mid);
        assertThat(count("select count(*) from chat_account where chat_id = ?", chat)).isZero();
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isZero();
        say(chat, "/pods", "/login");
    }

    @Test
    void twoStepLoginAsksForTheTextedCodeRefusesAWrongOneAndFinishesWithTheRightOne() throws Exception {
        long chat = newChat();
        podPoint.stubSignInError(400, "INVALID_LOGIN_CREDENTIALS");
        podPoint.stubMfaPending(EMAIL, PASSWORD, "pending-e2e-1", "enrol-e2e-1", "+********9876");
        podPoint.stubMfaStart("pending-e2e-1", "sms-session-e2e");
        podPoint.stubMfaFinalize("sms-session-e2e", "246810", "62004");

        int seen = botMessages(chat).size();
        int mid = write(chat, "/login " + EMAIL + " " + PASSWORD);
        Call ask = awaitMessage(chat, seen, containsAll("code"));
        assertThat(ask.text()).contains("+********9876");
        awaitDeleted(chat, mid);
        assertThat(count("select count(*) from chat_account where chat_id = ?", chat)).isZero();
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isOne();

        say(chat, "111111", "didn't accept that code");
        assertThat(count("select count(*) from chat_account where chat_id = ?", chat)).isZero();

        say(chat, "246810", "linked");
        assertThat(count("select count(*) from chat_account where chat_id = ? and status = 'LINKED'", chat)).isOne();
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isZero();
        assertThat(accounts.credentials(chat).orElseThrow().password()).isEqualTo(PASSWORD);
    }

    @Test
    void cancelEndsAGuidedLogin() throws Exception {
        long chat = newChat();
        say(chat, "/login", "e-mail");
        say(chat, EMAIL, "password");
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isOne();
        say(chat, "/cancel", "Cancelled");
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isZero();
        say(chat, PASSWORD, "/help"); // no longer read as a password
        assertThat(count("select count(*) from chat_account where chat_id = ?", chat)).isZero();
        podPoint.server().verify(0, postRequestedFor(urlPathEqualTo(PodPointWireMock.AUTH_PATH + "/verifyPassword")));
    }

    @Test
    void logoutDeletesEveryRowOfTheChat() throws Exception {
        long chat = newChat();
        login(chat, EMAIL, PASSWORD, 62005);
        say(chat, "/login", "e-mail"); // a new login in progress is deleted too
        assertThat(count("select count(*) from login_state where chat_id = ?", chat)).isOne();

        Call bye = say(chat, "/logout", "unlinked");
        assertThat(bye.text()).contains("deleted");
        for (String table : tables()) {
            if (hasChatIdColumn(table)) {
                assertThat(count("select count(*) from " + table + " where chat_id = ?", chat)).as(table).isZero();
            }
        }
        assertThat(count("select count(*) from chat_account where chat_id = ?", chat)).isZero();
        say(chat, "/pods", "/login");
    }

    private boolean hasChatIdColumn(String table) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("select * from " + table + " where 1 = 0")) {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnName(i).equalsIgnoreCase("chat_id")) {
                    return true;
                }
            }
        }
        return false;
    }
}
