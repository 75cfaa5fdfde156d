package dev.podbot.telegram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Webhook mode: setWebhook at start, updates accepted only with the right secret header, no long polling. */
@QuarkusTest
@TestProfile(TelegramTestProfiles.Webhook.class)
class TelegramWebhookTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @InjectFakeTelegram
    FakeTelegramServer fake;

    @Inject
    ScriptedCommands commands;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void registersTheWebhookWithSecretAndAllowedUpdates() {
        fake.awaitCall("setWebhook", c -> true, WAIT);
        assertEquals("https://bot.example.org/telegram/webhook", fake.webhook().get("url"));
        assertEquals(FakeTelegramResource.WEBHOOK_SECRET, fake.webhook().get("secret_token"));
        String allowed = String.valueOf(fake.webhook().get("allowed_updates"));
        assertTrue(allowed.contains("message") && allowed.contains("callback_query")
                && allowed.contains("my_chat_member"), allowed);
        assertEquals(0, fake.getUpdatesCalls(), "no long polling in webhook mode");
    }

    @Test
    void updateWithTheRightSecretIsHandled() {
        ObjectNode update = fake.textUpdate(2001, "/echo via webhook");
        given().header(TelegramWebhookResource.SECRET_HEADER, FakeTelegramResource.WEBHOOK_SECRET)
                .contentType("application/json").body(update.toString())
                .post("/telegram/webhook").then().statusCode(200);
        assertEquals("echo: via webhook", fake.awaitCall("sendMessage", c -> c.isFor(2001), WAIT).text());
        // Telegram redelivers when unsure: the same update_id is handled once
        given().header(TelegramWebhookResource.SECRET_HEADER, FakeTelegramResource.WEBHOOK_SECRET)
                .contentType("application/json").body(update.toString())
                .post("/telegram/webhook").then().statusCode(200);
        fake.userText(2001, "ignored"); // queued for getUpdates, which nobody calls
        assertEquals(List.of("echo via webhook"), commands.handled(2001));
    }

    @Test
    void anUnreadableUpdateIsSkippedWith200SoTelegramMovesOn() {
        given().header(TelegramWebhookResource.SECRET_HEADER, FakeTelegramResource.WEBHOOK_SECRET)
                .contentType("application/json").body("not json")
                .post("/telegram/webhook").then().statusCode(200);
        ObjectNode broken = fake.textUpdate(2003, "/echo broken");
        ((ObjectNode) broken.get("message").get("chat")).remove("type");
        given().header(TelegramWebhookResource.SECRET_HEADER, FakeTelegramResource.WEBHOOK_SECRET)
                .contentType("application/json").body(broken.toString())
                .post("/telegram/webhook").then().statusCode(200);
        ObjectNode good = fake.textUpdate(2003, "/echo fine");
        given().header(TelegramWebhookResource.SECRET_HEADER, FakeTelegramResource.WEBHOOK_SECRET)
                .contentType("application/json").body(good.toString())
                .post("/telegram/webhook").then().statusCode(200);
        assertEquals("echo: fine", fake.awaitCall("sendMessage", c -> c.isFor(2003), WAIT).text());
        assertEquals(List.of("echo fine"), commands.handled(2003));
        assertTrue(registry.find(UpdateParser.SKIPPED_METRIC).counter().count() >= 2);
    }

    @Test
    void wrongOrMissingSecretIsRefused() {
        ObjectNode update = fake.textUpdate(2002, "/echo forged");
        given().header(TelegramWebhookResource.SECRET_HEADER, "webhook-Secret_for-tests-43")
                .contentType("application/json").body(update.toString())
                .post("/telegram/webhook").then().statusCode(403);
        given().contentType("application/json").body(update.toString())
                .post("/telegram/webhook").then().statusCode(401);
        assertEquals(List.of(), commands.handled(2002));
        assertTrue(fake.messagesTo(2002).isEmpty());
    }
}
