package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** When Pod Point or Telegram misbehave: what the user sees, what the bot retries, what it stores. */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class FailuresEndToEndTest extends EndToEndTestBase {

    static final String USERS = PodPointWireMock.API + "/users/.*";

    long linkedChat(String name) {
        long chat = newChat();
        long user = 80_000 + chat % 1000;
        login(chat, name + user + "@example.com", "Pw-" + name + "-" + user, user);
        podPoint.stubPods(String.valueOf(user), PodPointTestData.podsBody(
                PodPointTestData.pod(user, 420_000 + user, "PSL-" + (520_000 + user), "Drive", "[]")));
        return chat;
    }

    // ------------------------------------------------------------------------------------------------ Pod Point

    @Test
    void podPointUnreachableIsSaidPlainly() {
        long chat = linkedChat("down");
        podPoint.stubUnreachable(USERS);
        Call reply = say(chat, "/pods", "Pod Point didn't answer");
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at dev.");
        say(chat, "/charges", "Pod Point didn't answer");
    }

    @Test
    void podPointServerErrorsAreSaidPlainly() {
        long chat = linkedChat("fivexx");
        podPoint.stubAnyPath(USERS, 503, "{\"message\":\"Service Unavailable\"}");
        Call reply = say(chat, "/pods", "Pod Point had a problem (HTTP 503)");
        assertThat(reply.text()).contains("try again").doesNotContain("Exception");
        // a read is retried before the user is told
        assertThat(podPoint.server().findAll(getRequestedFor(urlPathMatching(USERS)))).hasSizeGreaterThan(1);
    }

    @Test
    void aFailedWriteIsReportedAndNeverResent() {
        long chat = newChat();
        long user = 80_000 + chat % 1000;
        long unit = 420_000 + user;
        login(chat, "writes" + user + "@example.com", "Pw-writes-" + user, user);
        podPoint.stubPods(String.valueOf(user), PodPointTestData.podsBody(
                PodPointTestData.pod(user, unit, "PSL-" + (520_000 + user), "Drive", "[]")));
        String schedules = PodPointWireMock.API + "/units/" + unit + "/charge-schedules";
        podPoint.stubPutSchedules(unit, 503);
        say(chat, "/charge off", "HTTP 503");
        podPoint.server().verify(1, putRequestedFor(urlPathEqualTo(schedules)));

        podPoint.stubPutSchedules(unit, 422);
        Call refused = say(chat, "/charge on", "Pod Point refused that (HTTP 422)");
        assertThat(refused.text()).doesNotContain("Exception");
    }

    @Test
    void aSavedPasswordPodPointNoLongerAcceptsAsksForLoginAgain() throws Exception {
        long chat = linkedChat("changed");
        accounts.forgetSession(chat); // as after a restart: the session must be resumed from what is stored
        podPoint.stubPasswordChanged();
        podPoint.stubAnyPath(USERS, 401, "{\"message\":\"Unauthenticated.\"}");
        say(chat, "/pods", "/login again");
        await().atMost(TIMEOUT).until(() ->
                count("select count(*) from chat_account where chat_id = ? and status = 'AUTH_FAILED'", chat) == 1);
        say(chat, "/charges", "/login");
    }

    // ------------------------------------------------------------------------------------------------ Telegram

    @Test
    void aRateLimitedReplyIsSentAgainAfterRetryAfter() {
        long chat = newChat();
        telegram.rateLimitNext("sendMessage", chat, 1);
        say(chat, "/help", "/pods");
        List<Call> sends = telegram.calls("sendMessage").stream().filter(c -> c.isFor(chat)).toList();
        assertThat(sends).extracting(Call::status).containsExactly(429, 200);
        long waitedMillis = (sends.get(1).atNanos() - sends.get(0).atNanos()) / 1_000_000;
        assertThat(waitedMillis).as("waited retry_after").isGreaterThanOrEqualTo(900);
    }

    @Test
    void telegramServerErrorsAreRetried() {
        long chat = newChat();
        telegram.serverErrorNext("sendMessage", chat, 2);
        say(chat, "/start", "/login");
        List<Call> sends = telegram.calls("sendMessage").stream().filter(c -> c.isFor(chat)).toList();
        assertThat(sends).extracting(Call::status).containsExactly(502, 502, 200);
    }

    @Test
    void aChatThatBlockedTheBotIsMarkedInactiveAndActiveAgainWhenTheUserReturns() throws Exception {
        long chat = linkedChat("blocked");
        telegram.blockedNext("sendMessage", chat);
        int seen = botMessages(chat).size();
        write(chat, "/help");
        telegram.awaitCall("sendMessage", c -> c.isFor(chat) && c.status() == 403, TIMEOUT);
        await().atMost(TIMEOUT).until(() ->
                count("select count(*) from chat_account where chat_id = ? and chat_active = false", chat) == 1);
        assertThat(botMessages(chat)).hasSize(seen);

        say(chat, "/start", "/pods");
        assertThat(count("select count(*) from chat_account where chat_id = ? and chat_active = true", chat)).isOne();
    }

    @Test
    void aUserWhoBlocksTheBotHasTheirChatMarkedInactive() throws Exception {
        long chat = linkedChat("kicked");
        telegram.userBlocksBot(chat);
        await().atMost(TIMEOUT).until(() ->
                count("select count(*) from chat_account where chat_id = ? and chat_active = false", chat) == 1);
        say(chat, "/help", "/pods"); // unblocked and writing again
        assertThat(count("select count(*) from chat_account where chat_id = ? and chat_active = true", chat)).isOne();
    }
}
