package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.podbot.telegram.FakeTelegramServer.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The bot as anyone meets it first: the menu, /start, /help, the hints, the allow-list and groups. */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class BotEndToEndTest extends EndToEndTestBase {

    @Test
    void startExplainsHowToBegin() {
        long chat = newChat();
        Call reply = say(chat, "/start", "/login");
        assertThat(reply.text()).contains("Pod Point").contains("/help");
        assertThat(String.valueOf(reply.params().get("parse_mode"))).isEqualToIgnoringCase("html");
        podPoint.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void helpListsEveryCommand() {
        long chat = newChat();
        Call reply = say(chat, "/help", "/pods");
        assertThat(reply.text()).contains("/start", "/help", "/login", "/logout", "/pods", "/charge ", "/charges",
                "/schedule", "/boost", "/mode");
    }

    @Test
    void aCommandAddressedToTheBotByNameWorks() {
        long chat = newChat();
        say(chat, "/help@podpoint_test_bot", "/charges");
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        long chat = newChat();
        Call reply = say(chat, "/nosuchcommand", "/help");
        assertThat(reply.text()).contains("/nosuchcommand");
    }

    @Test
    void freeTextGetsAHint() {
        long chat = newChat();
        say(chat, "hello bot, charge my car please", "/help", "/login");
    }

    @Test
    void aStickerGetsAHint() {
        long chat = newChat();
        int seen = botMessages(chat).size();
        telegram.userSticker(chat);
        Call reply = awaitMessage(chat, seen, containsAll("/help"));
        assertThat(reply.text()).containsIgnoringCase("text");
    }

    @Test
    void aBadArgumentGetsTheUsageLine() throws Exception {
        long chat = newChat();
        login(chat, "usage@example.org", "Usage-pw-1", 81001);
        say(chat, "/charge sideways", "Usage: /charge on|off");
        say(chat, "/boost forever", "Usage: /boost");
        say(chat, "/mode turbo", "Usage: /mode smart|scheduled|always");
        say(chat, "/schedule 25:00 26:00", "Usage: /schedule");
        // values that look right but are out of range say what is wrong, like a window ending before it starts
        say(chat, "/boost 0m", "A boost needs at least 1 minute.", "Usage: /boost");
        say(chat, "/boost 25h", "A boost can last at most 24 hours", "Usage: /boost");
        say(chat, "/schedule 25:00 04:00", "25:00 isn't a time of day", "Usage: /schedule");
        // an unknown command is echoed whole up to 40 characters, never half an emoji
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        Call unknown = say(chat, "/" + "x".repeat(38) + family + "more", "I don't know");
        assertThat(unknown.text()).contains("x".repeat(38) + family + "…");
    }

    @Test
    void commandsNeedALinkedAccountFirst() {
        long chat = newChat();
        say(chat, "/pods", "/login");
        podPoint.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aUserNotOnTheAllowListIsRefusedWithTheirId() {
        long stranger = EndToEndProfile.STRANGER;
        Call reply = say(stranger, "/start", "private");
        assertThat(reply.text()).contains(String.valueOf(stranger)).contains("BOT_ALLOWED_USERS");
        Call login = say(stranger, "/login someone@example.org Secret-pw-1", String.valueOf(stranger));
        assertThat(login.text()).doesNotContain("Linked");
        podPoint.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void loginInAGroupIsRefusedAndThePasswordRemoved() throws Exception {
        long user = newChat();
        long group = -1_000_000_000_000L - user;
        int seen = botMessages(group).size();
        int mid = telegram.userText(group, user, "group", "/login group@example.org Group-pw-1");
        Call reply = awaitMessage(group, seen, containsAll("private chat"));
        assertThat(reply.text()).contains("/login");
        telegram.awaitCall("deleteMessage", c -> c.isFor(group)
                && String.valueOf(mid).equals(String.valueOf(c.params().get("message_id"))), TIMEOUT);
        podPoint.server().verify(0, anyRequestedFor(anyUrl()));
        assertThat(count("select count(*) from chat_account where chat_id = ?", group)).isZero();
        assertThat(count("select count(*) from login_state where chat_id = ?", group)).isZero();
    }

    @Test
    void everyButtonPressIsAnswered() {
        long chat = newChat();
        Call help = say(chat, "/help", "/pods");
        // a button the bot does not know (e.g. from an old version): refused, spinner stopped
        String id = pressOnly(chat, help, "nonsense:1");
        Call answer = awaitAnswer(id);
        assertThat(answer.ok()).isTrue();
        awaitMessage(chat, 1, containsAll("/help"));
        // a charger button without an account: answered with the reason
        String id2 = pressOnly(chat, help, "charge:on:123");
        Call answer2 = awaitAnswer(id2);
        assertThat(String.valueOf(answer2.params().get("text"))).contains("/login");
    }
}
