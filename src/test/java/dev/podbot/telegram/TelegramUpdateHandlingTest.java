package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.podbot.account.ChatAccount;
import dev.podbot.account.CredentialCipher;
import dev.podbot.command.ChatTransport.ChatUnreachableException;
import dev.podbot.command.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Update handling end to end: fake Bot API → TelegramBots long polling → dispatcher → scripted commands → fake. */
@QuarkusTest
@TestProfile(TelegramTestProfiles.Scripted.class)
class TelegramUpdateHandlingTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @InjectFakeTelegram
    FakeTelegramServer fake;

    @Inject
    ScriptedCommands commands;

    @Inject
    TelegramChatTransport chatTransport;

    @Inject
    MeterRegistry registry;

    @Inject
    CredentialCipher cipher;

    @Test
    void commandMenuIsBuiltFromTheHandlersUsageLines() {
        FakeTelegramServer.Call menu = fake.awaitCall("setMyCommands", c -> true, WAIT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cmds = (List<Map<String, Object>>) menu.params().get("commands");
        assertEquals(List.of("echo", "slow", "menu"), cmds.stream().map(c -> c.get("command")).toList());
        assertEquals("repeat the text", cmds.get(0).get("description"));
    }

    @Test
    void oneChatsUpdatesAreHandledInOrder() {
        fake.userText(1001, "/slow 600 first");
        fake.userText(1001, "/echo second");
        fake.userText(1001, "/echo third");
        List<FakeTelegramServer.Call> replies = fake.awaitCalls("sendMessage", c -> c.isFor(1001), 3, WAIT);
        assertEquals(List.of("slow: first", "echo: second", "echo: third"),
                replies.stream().map(FakeTelegramServer.Call::text).toList());
        assertEquals(List.of("slow 600 first", "echo second", "echo third"), commands.handled(1001));
    }

    @Test
    void aFailingHandlerDoesNotStopTheLoop() {
        fake.userText(1002, "/boom");
        fake.userText(1002, "/echo still alive");
        List<FakeTelegramServer.Call> replies = fake.awaitCalls("sendMessage", c -> c.isFor(1002), 2, WAIT);
        assertTrue(replies.get(0).text().startsWith("Sorry"), "a friendly reply, no stack trace");
        assertEquals("echo: still alive", replies.get(1).text());
        Awaitility.await().atMost(WAIT).until(() -> registry.find("podbot.updates.handled")
                .tags("command", "boom", "outcome", "error").counter() != null);
        assertTrue(registry.find("podbot.updates.handled").tags("command", "echo", "outcome", "ok").counter()
                .count() >= 1);
        assertTrue(registry.find("podbot.command.latency").tag("command", "echo").timer().count() >= 1);
    }

    @Test
    void buttonPressEditsTheMessageAndIsAlwaysAnswered() {
        fake.userText(1003, "/menu");
        FakeTelegramServer.Call menu = fake.awaitCall("sendMessage", c -> c.isFor(1003), WAIT);
        assertTrue(menu.params().containsKey("reply_markup"));
        int botMessage = fake.lastBotMessageId(1003);

        String cq = fake.pressButton(1003, botMessage, "page:2");
        FakeTelegramServer.Call answer = fake.awaitCall("answerCallbackQuery",
                c -> cq.equals(c.params().get("callback_query_id")), WAIT);
        assertEquals("Page 2", answer.params().get("text"));
        FakeTelegramServer.Call edit = fake.awaitCall("editMessageText", c -> c.isFor(1003), WAIT);
        assertEquals(String.valueOf(botMessage), String.valueOf(edit.params().get("message_id")));
        assertEquals("Page 2", edit.text());

        String crash = fake.pressButton(1003, botMessage, "crash:now");
        fake.awaitCall("answerCallbackQuery", c -> crash.equals(c.params().get("callback_query_id")), WAIT);
        assertTrue(registry.find("podbot.updates.handled").tags("command", "button:page", "outcome", "ok")
                .counter().count() >= 1);
    }

    @Test
    void deletesTheUsersMessageWhenAsked() {
        int mid = fake.userText(1004, "/secret hunter2");
        FakeTelegramServer.Call del = fake.awaitCall("deleteMessage", c -> c.isFor(1004), WAIT);
        assertEquals(String.valueOf(mid), String.valueOf(del.params().get("message_id")));
        fake.awaitCall("sendMessage", c -> c.isFor(1004), WAIT);
    }

    @Test
    void stickersGetAHintAndDuplicatesAreDropped() {
        fake.userSticker(1005);
        assertEquals("Send me a command, e.g. /echo",
                fake.awaitCall("sendMessage", c -> c.isFor(1005), WAIT).text());
        ObjectNode dup = fake.textUpdate(1006, "/echo once");
        fake.enqueueRaw(dup);
        fake.enqueueRaw(dup.deepCopy());
        fake.awaitCall("sendMessage", c -> c.isFor(1006), WAIT);
        fake.userText(1006, "/echo after");
        fake.awaitCall("sendMessage", c -> c.isFor(1006) && "echo: after".equals(c.text()), WAIT);
        assertEquals(List.of("echo once", "echo after"), commands.handled(1006));
    }

    @Test
    void blockingTheBotMarksTheChatUnreachableAndWritingAgainReactivatesIt() {
        long chat = 1007;
        createAccount(chat);
        try {
            fake.userBlocksBot(chat);
            Awaitility.await().atMost(WAIT).until(() -> !chatActive(chat));
            fake.userText(chat, "/echo back");
            Awaitility.await().atMost(WAIT).until(() -> chatActive(chat));
        } finally {
            deleteAccount(chat);
        }
    }

    @Test
    void forbiddenDeliveryThrowsUnreachableAndMarksTheChat() {
        long chat = 1008;
        createAccount(chat);
        try {
            fake.blockedNext("sendMessage", chat);
            assertThrows(ChatUnreachableException.class, () -> chatTransport.deliver(chat, Reply.of("Charge done")));
            assertFalse(chatActive(chat));
        } finally {
            deleteAccount(chat);
        }
    }

    @Test
    void rateLimitedDeliveryWaitsAndIsCounted() {
        double before = registry.counter("podbot.telegram.rate_limited").count();
        fake.rateLimitNext("sendMessage", 1009L, 1);
        long t0 = System.nanoTime();
        chatTransport.deliver(1009, Reply.of("Plugged in"));
        assertTrue(System.nanoTime() - t0 >= 950_000_000L);
        assertEquals("Plugged in", fake.messagesTo(1009).get(0).text());
        assertEquals(before + 1, registry.counter("podbot.telegram.rate_limited").count());
    }

    @Test
    void theBotTokenNeverReachesTheLogs() throws IOException {
        String token = fake.token();
        // Telegram errors on both paths: polling (the library logs them) and sending (we log them)
        fake.failNext("getUpdates", null, 502, "Bad Gateway", null, 2);
        fake.serverErrorNext("sendMessage", 1010L, 10);
        assertThrows(RuntimeException.class, () -> chatTransport.deliver(1010, Reply.of("x")));
        // and a careless log line with the token and a URL holding it
        Log.errorf(new IllegalStateException("GET http://127.0.0.1/bot" + token + "/getMe failed"),
                "token-leak-probe %s", "https://api.telegram.org/bot" + token + "/sendMessage");
        Path log = Path.of("target", "podbot-test.log");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(log)
                && Files.readString(log, StandardCharsets.UTF_8).contains("token-leak-probe")
                && Files.readString(log, StandardCharsets.UTF_8).contains("GetUpdates"));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(text.contains(token), "the bot token is in the log");
        assertFalse(text.contains(token.substring(token.indexOf(':') + 1)), "the token's secret part is in the log");
        assertTrue(text.contains("/bot***/getMe"), "the probe is logged, masked");
    }

    @Test
    void aCommandReplySurvivesATelegramServerErrorBurstOfFiveSeconds() {
        // before: a reply was tried 4 times over about 3.5 s, then lost
        fake.serverErrorFor("sendMessage", Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        fake.userText(1090, "/echo through the outage");
        FakeTelegramServer.Call reply = fake.awaitCall("sendMessage", c -> c.isFor(1090) && c.ok(),
                Duration.ofSeconds(40));
        assertEquals("echo: through the outage", reply.text());
        assertTrue(reply.atNanos() - t0 >= Duration.ofSeconds(5).toNanos(), "delivered after the burst");
        assertTrue(fake.calls("sendMessage").stream().filter(c -> c.isFor(1090)).filter(c -> c.status() == 502)
                .count() >= 4, "retried through the burst");
    }

    void createAccount(long chat) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChatAccount a = new ChatAccount();
            a.chatId = chat;
            a.telegramUserId = chat;
            a.emailEnc = cipher.encrypt("driver@example.com", ChatAccount.aad("email", chat));
            a.passwordEnc = cipher.encrypt("pw", ChatAccount.aad("password", chat));
            a.status = ChatAccount.Status.LINKED;
            a.chatActive = true;
            a.linkedAt = Instant.now();
            a.updatedAt = Instant.now();
            a.persist();
        });
    }

    boolean chatActive(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChatAccount a = ChatAccount.findById(chat);
            return a != null && a.chatActive;
        });
    }

    void deleteAccount(long chat) {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteById(chat));
    }
}
