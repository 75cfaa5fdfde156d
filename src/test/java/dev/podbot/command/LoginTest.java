package dev.podbot.command;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.podbot.account.ChatAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.podpoint.PodPointWireMockResource;
import io.quarkus.test.junit.QuarkusTest;

/** /login in all its forms, through the real Pod Point client against WireMock; /logout; secrets at rest and in logs. */
@QuarkusTest
@WithTestResource(value = PodPointWireMockResource.class, initArgs = @ResourceArg(name = "bot.allowed-users", value = PodPointWireMockResource.ALLOWED_USERS))
class LoginTest extends CommandTestBase {

    static final long CHAT = 7010;
    static final String EMAIL = "rosa.lind@example.org";
    static final String PASSWORD = "Tr1cky pass-word!";

    @Inject
    DataSource dataSource;

    @Inject
    LoginStore store;

    @Test
    void oneLineLoginLinksAndDeletesThePasswordMessage() {
        pp.stubAccount(EMAIL, PASSWORD, "4321");
        ChatResponse r = say(CHAT, "/login " + EMAIL + " " + PASSWORD);
        assertThat(text(r)).contains("Linked").contains("/pods");
        assertThat(r.deleteUserMessage()).isTrue();
        assertThat(accounts.credentials(CHAT).orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(account(CHAT).orElseThrow().status).isEqualTo(ChatAccount.Status.LINKED);
        assertThat(loginRows()).isZero();
    }

    @Test
    void guidedLoginDeletesOnlyThePasswordMessage() {
        pp.stubAccount(EMAIL, PASSWORD, "4321");
        assertThat(say(CHAT, "/login").deleteUserMessage()).isFalse();
        assertThat(say(CHAT, EMAIL).deleteUserMessage()).isFalse();
        ChatResponse r = say(CHAT, PASSWORD);
        assertThat(r.deleteUserMessage()).isTrue();
        assertThat(text(r)).contains("Linked");
        assertThat(accounts.credentials(CHAT).orElseThrow().email()).isEqualTo(EMAIL);
        assertThat(loginRows()).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsSaved() {
        pp.stubAccount(EMAIL, PASSWORD, "4321");
        ChatResponse r = say(CHAT, "/login " + EMAIL + " not-the-password");
        assertThat(text(r)).contains("didn't accept").contains("nothing was saved");
        assertThat(r.deleteUserMessage()).isTrue();
        assertThat(account(CHAT)).isEmpty();

        say(CHAT, "/login " + EMAIL);
        ChatResponse guided = say(CHAT, "still-wrong");
        assertThat(guided.deleteUserMessage()).isTrue();
        assertThat(text(guided)).contains("didn't accept");
        assertThat(account(CHAT)).isEmpty();
        assertThat(loginRows()).isZero();
    }

    @Test
    void twoFactorLoginAsksForTheTextedCodeAndAllowsRetries() {
        pp.stubMfaAccount(EMAIL, PASSWORD, "4321", "654321");
        ChatResponse r = say(CHAT, "/login " + EMAIL + " " + PASSWORD);
        assertThat(r.deleteUserMessage()).isTrue();
        assertThat(text(r)).contains("+********4321").contains("code");
        wm.verify(postRequestedFor(urlPathEqualTo(PodPointWireMock.MFA_PATH + "/accounts/mfaSignIn:start")));
        assertThat(account(CHAT)).isEmpty();
        assertThat(loginRows()).isOne();

        assertThat(text(say(CHAT, "abc"))).contains("digits");
        assertThat(text(say(CHAT, "111111"))).contains("didn't accept that code");
        assertThat(account(CHAT)).isEmpty();

        ChatResponse done = say(CHAT, "654 321");
        assertThat(text(done)).contains("Linked");
        assertThat(accounts.credentials(CHAT).orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(loginRows()).isZero();
    }

    @Test
    void cancelEndsATwoFactorLogin() {
        pp.stubMfaAccount(EMAIL, PASSWORD, "4321", "654321");
        say(CHAT, "/login " + EMAIL + " " + PASSWORD);
        assertThat(text(say(CHAT, "/cancel"))).contains("Cancelled");
        assertThat(loginRows()).isZero();
        assertThat(text(say(CHAT, "654321"))).contains("/help");
        assertThat(account(CHAT)).isEmpty();
    }

    @Test
    void anExpiredConversationIsForgottenAndPurged() {
        say(CHAT, "/login");
        say(CHAT, EMAIL);
        QuarkusTransaction.requiringNew().run(() -> LoginState.update("expiresAt = ?1 where chatId = ?2",
                Instant.now().minusSeconds(1), CHAT));
        assertThat(text(say(CHAT, PASSWORD))).contains("/help");
        say(CHAT, "/login");
        QuarkusTransaction.requiringNew().run(() -> LoginState.update("expiresAt = ?1", Instant.now().minusSeconds(1)));
        assertThat(store.purgeExpired()).isOne();
        assertThat(loginRows()).isZero();
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theConversationLivesInTheDatabaseEncrypted() throws Exception {
        pp.stubMfaAccount(EMAIL, PASSWORD, "4321", "654321");
        say(CHAT, "/login " + EMAIL + " " + PASSWORD);
        // the pending state is read back from the table (as after a restart), not from memory
        LoginStore.Pending p = store.find(CHAT).orElseThrow();
        assertThat(p.stage()).isEqualTo(LoginState.Stage.CODE);
        assertThat(p.email()).isEqualTo(EMAIL);
        assertThat(p.challenge().sessionInfo()).isEqualTo("sms-session-4321");
        assertThat(p.toString()).doesNotContain(EMAIL).doesNotContain(PASSWORD);
        assertThat(databaseText()).doesNotContain(EMAIL).doesNotContain(PASSWORD).doesNotContain("pending-cred-77")
                .doesNotContain("sms-session-4321");
    }

    @Test
    void noTableHoldsAPlaintextEmailOrPassword() throws Exception {
        login(CHAT, EMAIL, PASSWORD, 4321);
        pp.stubMfaAccount("second@example.org", "Second-pw-9", "4322", "123456");
        say(7011, "/login second@example.org Second-pw-9");
        String db = databaseText();
        assertThat(db).contains("v1:");
        assertThat(db).doesNotContain(EMAIL).doesNotContain(PASSWORD).doesNotContain("second@example.org")
                .doesNotContain("Second-pw-9").doesNotContain("rt-4321-1");
    }

    @Test
    void passwordsAndEmailsNeverReachTheLogs() {
        try (LogCapture logs = new LogCapture()) {
            pp.stubAccount(EMAIL, PASSWORD, "4321");
            say(CHAT, "/login " + EMAIL + " wrong-" + PASSWORD);
            say(CHAT, "/login " + EMAIL + " " + PASSWORD);
            say(7012, "/login");
            say(7012, EMAIL);
            say(7012, "guided-" + PASSWORD);
            pp.stubMfaAccount("mfa@example.org", "Mfa-pw-1", "4323", "777777");
            say(7013, "/login mfa@example.org Mfa-pw-1");
            say(7013, "000000");
            say(7013, "777777");
            assertThat(logs.size()).isPositive();
            assertThat(logs.all()).doesNotContain(PASSWORD).doesNotContain(EMAIL).doesNotContain("rosa.lind")
                    .doesNotContain("mfa@example.org").doesNotContain("Mfa-pw-1").doesNotContain("id-4323-mfa")
                    .doesNotContain("rt-4321-1");
        }
        assertThat(account(7013)).isPresent();
    }

    @Test
    void logoutDeletesTheAccountAndAnyLoginInProgress() throws Exception {
        login(CHAT, EMAIL, PASSWORD, 4321);
        say(CHAT, "/login");
        assertThat(loginRows()).isOne();
        ChatResponse r = say(CHAT, "/logout");
        assertThat(text(r)).contains("unlinked").contains("deleted");
        assertThat(account(CHAT)).isEmpty();
        assertThat(loginRows()).isZero();
        assertThat(databaseText()).doesNotContain("v1:");
        assertThat(text(say(CHAT, "/pods"))).contains("/login");
    }

    @Test
    void podPointDownDuringLoginIsSaidPlainly() {
        pp.stubUnreachable(PodPointWireMock.AUTH_PATH + "/.*");
        ChatResponse r = say(CHAT, "/login " + EMAIL + " " + PASSWORD);
        assertThat(text(r)).contains("didn't answer").doesNotContain("Exception");
        assertThat(r.deleteUserMessage()).isTrue();
        assertThat(account(CHAT)).isEmpty();
        wm.verify(postRequestedFor(urlPathEqualTo(PodPointWireMock.AUTH_PATH + "/verifyPassword")));
    }

    private long loginRows() {
        return QuarkusTransaction.requiringNew().call(() -> LoginState.count());
    }

    /** Every value of every table, as text. */
    private String databaseText() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("information_schema")
                            && !schema.toLowerCase().startsWith("pg_")) {
                        String q = md.getIdentifierQuoteString().trim();
                        tables.add((schema == null ? "" : q + schema + q + ".") + q + rs.getString("TABLE_NAME") + q);
                    }
                }
            }
            assertThat(tables.stream().map(String::toLowerCase)).anyMatch(t -> t.contains("chat_account"))
                    .anyMatch(t -> t.contains("login_state"));
            for (String t : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + t)) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
