package dev.podbot.telegram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.podbot.command.ChatTransport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged wiring: real TelegramBots long polling against the fake, with the project's command layer. */
@QuarkusTest
@TestProfile(TelegramTestProfiles.Polling.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelegramLongPollingTest {

    @InjectFakeTelegram
    FakeTelegramServer fake;

    @Inject
    TelegramTransport transport;

    @Inject
    TelegramChatTransport chatTransport;

    @Test
    @Order(1)
    void startsWithWebhookDeletedAndCommandMenuSet() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> fake.getUpdatesCalls() > 0);
        assertFalse(fake.calls("deletewebhook").isEmpty(), "deleteWebhook before polling");
        FakeTelegramServer.Call menu = fake.awaitCall("setMyCommands", c -> true, Duration.ofSeconds(5));
        @SuppressWarnings("unchecked")
        Map<String, Object> scope = (Map<String, Object>) menu.params().get("scope");
        assertEquals("all_private_chats", scope.get("type"));
        assertFalse(((List<?>) menu.params().get("commands")).isEmpty());
        assertTrue(transport.isPolling());
    }

    @Test
    @Order(2)
    void startGetsAReplyThroughTheRealLibrary() {
        fake.userText(4242, "/start");
        FakeTelegramServer.Call reply = fake.awaitCall("sendMessage", c -> c.isFor(4242), Duration.ofSeconds(15));
        assertFalse(reply.text().isBlank());
        assertTrue("html".equalsIgnoreCase(String.valueOf(reply.params().get("parse_mode"))));
    }

    @Test
    @Order(2)
    void theCommandMenuIsInTheOrderOfHelp() {
        FakeTelegramServer.Call menu = fake.awaitCall("setMyCommands", c -> true, Duration.ofSeconds(15));
        @SuppressWarnings("unchecked")
        List<String> inMenu = ((List<Map<String, Object>>) menu.params().get("commands")).stream()
                .map(c -> String.valueOf(c.get("command"))).toList();
        fake.userText(4343, "/help");
        String help = fake.awaitCall("sendMessage", c -> c.isFor(4343), Duration.ofSeconds(15)).text();
        List<String> inHelp = help.lines().filter(l -> l.startsWith("/"))
                .map(l -> l.substring(1).split("[\\s@]", 2)[0]).distinct().filter(inMenu::contains).toList();
        assertEquals(inHelp, inMenu);
        assertTrue(inMenu.size() > 5, inMenu.toString());
    }

    @Test
    @Order(3)
    void webhookEndpointIsNotFoundWhileLongPolling() {
        given().header(TelegramWebhookResource.SECRET_HEADER, "anything").contentType("application/json")
                .body("{\"update_id\":1}").post("/telegram/webhook").then().statusCode(404);
    }

    @Test
    @Order(4)
    void notificationsGoThroughTheSameTransport() {
        assertTrue(chatTransport.handles(777));
        chatTransport.deliver(777, dev.podbot.command.Reply.of("Charge complete: <b>9.8 kWh</b>"));
        assertEquals("Charge complete: <b>9.8 kWh</b>", fake.messagesTo(777).get(0).text());
    }

    @Test
    @Order(99)
    void stopLeavesNoTelegramThreadsBehind() {
        transport.stop();
        assertFalse(transport.isRunning());
        assertFalse(chatTransport.handles(777));
        Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).noneMatch(t -> t.getName().startsWith("podbot-telegram")));
        int polls = fake.getUpdatesCalls();
        Awaitility.await().during(Duration.ofMillis(1600)).atMost(Duration.ofSeconds(3))
                .until(() -> fake.getUpdatesCalls() == polls);
        try {
            chatTransport.deliver(777, dev.podbot.command.Reply.of("late"));
            throw new AssertionError("delivered after stop");
        } catch (ChatTransport.DeliveryFailedException expected) {
            // not running any more
        }
    }
}
