package dev.podbot.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What the outside world may send: updates TelegramBots cannot read (each of these once stopped the bot for good,
 * because the library failed the whole batch and retried the same offset for ever), unknown kinds of update,
 * button presses without a chat; and a poller that stalls, which liveness must report.
 */
@QuarkusTest
@TestProfile(TelegramTestProfiles.Scripted.class)
class HostileUpdatesTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeTelegram
    FakeTelegramServer fake;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void everyRequestWasValid() {
        fake.garbleGetUpdates(false);
        assertThat(fake.violations()).isEmpty();
    }

    double skipped() {
        Counter c = registry.find(UpdateParser.SKIPPED_METRIC).counter();
        return c == null ? 0 : c.count();
    }

    static ObjectNode remove(ObjectNode update, String path) {
        String[] parts = path.split("\\.");
        com.fasterxml.jackson.databind.JsonNode n = update;
        for (int i = 0; i < parts.length - 1; i++) {
            n = parts[i].matches("\\d+") ? n.get(Integer.parseInt(parts[i])) : n.get(parts[i]);
        }
        ((ObjectNode) n).remove(parts[parts.length - 1]);
        return update;
    }

    @Test
    void updatesTheLibraryCannotReadAreSkippedAndTheBotKeepsAnswering() throws Exception {
        long chat = 3001;
        double before = skipped();
        List<ObjectNode> batch = new ArrayList<>();
        batch.add(fake.textUpdate(chat, "/echo first"));
        batch.add(remove(fake.textUpdate(chat, "/echo secret-body-no-chat-type"), "message.chat.type"));
        batch.add(remove(fake.textUpdate(chat, "/echo secret-body-no-from-id"), "message.from.id"));
        batch.add(remove(fake.textUpdate(chat, "/echo secret-body-no-entity-type"), "message.entities.0.type"));
        batch.add(fake.textUpdate(chat, "/echo last"));
        ObjectNode unknownKind = fake.textUpdate(chat, "x");
        unknownKind.remove("message");
        unknownKind.putObject("a_kind_telegram_adds_next_year").put("payload", "secret-body-unknown-kind");
        ObjectNode misshapen = fake.textUpdate(chat, "x");
        misshapen.remove("message");
        misshapen.putObject("purchased_paid_media").put("payload", "secret-body-misshapen"); // needs from + payload
        for (ObjectNode u : batch) {
            fake.enqueueRaw(u);
        }
        fake.enqueueRaw(unknownKind);
        fake.enqueueRaw(misshapen);
        fake.userText(chat, "/echo after the unknown kind");

        List<FakeTelegramServer.Call> replies = fake.awaitCalls("sendMessage", c -> c.isFor(chat), 3, WAIT);
        assertThat(replies).extracting(FakeTelegramServer.Call::text)
                .containsExactly("echo: first", "echo: last", "echo: after the unknown kind");
        assertThat(skipped() - before).isEqualTo(4);

        Path log = Path.of("target", "podbot-test.log");
        String skippedId = batch.get(1).get("update_id").asText();
        Awaitility.await().atMost(WAIT).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                .contains("Skipped polled update " + skippedId));
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("secret-body");
    }

    @Test
    void buttonPressesWithoutAChatAreAllAnsweredAtOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ObjectNode cq = JSON.createObjectNode();
            String id = "chatless-" + i;
            ids.add(id);
            cq.put("id", id);
            cq.putObject("from").put("id", 3100 + i).put("is_bot", false).put("first_name", "Ann");
            cq.put("chat_instance", "-42");
            if (i % 2 == 0) {
                cq.put("inline_message_id", "AAAA" + i);
                cq.put("data", "page:2");
            } else {
                cq.put("inline_message_id", "BBBB" + i);
                cq.put("game_short_name", "race");
            }
            fake.enqueue("callback_query", cq);
        }
        List<FakeTelegramServer.Call> answers = fake.awaitCalls("answerCallbackQuery",
                c -> String.valueOf(c.params().get("callback_query_id")).startsWith("chatless-"), 150, WAIT);
        assertThat(answers).extracting(c -> String.valueOf(c.params().get("callback_query_id")))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void livenessGoesDownWhenThePollerStallsAndUpWhenItMovesAgain() {
        given().get("/q/health/live").then().statusCode(200);
        fake.garbleGetUpdates(true);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/live").then().statusCode(503));
        assertThat(given().get("/q/health/live").body().asString()).contains(PollingLiveness.NAME, "stalled");
        fake.garbleGetUpdates(false);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/health/live").then().statusCode(200));
        fake.userText(3002, "/echo alive");
        fake.awaitCall("sendMessage", c -> c.isFor(3002), WAIT);
    }
}
