package dev.podbot.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Fuzzes the real bot (TelegramBots long polling, dispatcher, the project's command layer) through the fake Bot
 * API with {@value #UPDATES} generated updates: commands with random arguments, unicode and emoji, 4,096-character
 * texts, HTML-looking text, stickers, group chats, forged button data, button presses without a chat, updates with
 * missing fields and kinds of update the library does not know. Every readable message must be answered, every
 * button press answered, every request valid for the Bot API (the fake checks each one), and the bot must still
 * answer promptly at the end. The seed is fixed, so a failure replays the same way.
 */
@QuarkusTest
@TestProfile(UpdateFuzzTest.Profile.class)
class UpdateFuzzTest {

    static final int UPDATES = 3000;
    static final long SEED = 20261129L;
    static final long FIRST_CHAT = 5_000_000;

    /** The real command layer; Telegram's limits raised so the run takes seconds; Pod Point unreachable at once. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTelegramResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telegram.rate.global-per-second", "2000", "telegram.rate.per-chat-per-second", "200",
                    "podpoint.api-url", "http://127.0.0.1:9", "podpoint.auth-url", "http://127.0.0.1:9/auth",
                    "podpoint.token-url", "http://127.0.0.1:9/token", "podpoint.mfa-url", "http://127.0.0.1:9/mfa",
                    "podpoint.timeout", "1s");
        }
    }

    static final String[] COMMANDS = { "/start", "/help", "/login", "/cancel", "/logout", "/pods", "/charge",
            "/schedule", "/boost", "/mode", "/charges", "/notify", "/quiet", "/frobnicate", "/START", "/pods@"
                    + FakeTelegramServer.BOT_USERNAME };
    static final String[] WORDS = { "on", "off", "smart", "manual", "stop", "22:00", "07:00", "25:99", "1h30m",
            "-5m", "PSL-123456", "2", "-1", "99999999999999999999", "a@b.c", "x", "😀", "🔌⚡", "<b>", "</i>",
            "&amp;", "&", "<", ">", "\"", "'", "\\", "日本語", "ÆØÅ", "\u200b", "\u202e", "null", "%s", "${x}" };

    @InjectFakeTelegram
    FakeTelegramServer fake;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void thousandsOfGeneratedUpdatesAreAllAnsweredWithValidRequestsAndNoStall() {
        Random random = new Random(SEED);
        Set<Long> mustAnswer = new HashSet<>();
        Set<String> buttons = new HashSet<>();
        int unreadable = 0;
        for (int i = 0; i < UPDATES; i++) {
            long chat = FIRST_CHAT + i; // one chat per update: each is judged on its own
            int kind = random.nextInt(100);
            if (kind < 45) {
                fake.userText(chat, command(random));
                mustAnswer.add(chat);
            } else if (kind < 55) {
                fake.userText(chat, text(random));
                mustAnswer.add(chat);
            } else if (kind < 60) {
                fake.userText(-chat, chat, "supergroup", command(random)); // commands in groups get answers too
                mustAnswer.add(-chat);
            } else if (kind < 63) {
                fake.userSticker(chat);
                mustAnswer.add(chat);
            } else if (kind < 75) {
                buttons.add(forgedButton(random, chat));
            } else if (kind < 83) {
                buttons.add(chatlessButton(random, i));
            } else if (kind < 93) {
                fake.enqueueRaw(missingField(random, chat));
                unreadable++;
            } else {
                unknownKind(random);
            }
        }
        long t0 = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> answered = new HashSet<>();
            Set<Long> replied = new HashSet<>();
            for (FakeTelegramServer.Call c : fake.calls()) {
                if (c.method().equals("answercallbackquery")) {
                    answered.add(String.valueOf(c.params().get("callback_query_id")));
                } else if (c.ok() && c.method().equals("sendmessage")) {
                    replied.add(Long.parseLong(c.chatId()));
                }
            }
            return answered.containsAll(buttons) && replied.containsAll(mustAnswer);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("Fuzz: %d updates (%d messages to answer, %d button presses, %d unreadable) handled in %d ms%n",
                UPDATES, mustAnswer.size(), buttons.size(), unreadable, took.toMillis());

        assertThat(fake.violations()).as("requests the real Bot API would refuse").isEmpty();
        assertThat(fake.calls().stream().filter(c -> !c.ok() && !c.method().equals("getupdates")).toList())
                .as("failed calls").isEmpty();
        // no stall: a fresh command is answered at once, and liveness is UP
        fake.userText(FIRST_CHAT - 1, "/help");
        fake.awaitCall("sendMessage", c -> c.isFor(FIRST_CHAT - 1), Duration.ofSeconds(10));
        given().get("/q/health/live").then().statusCode(200);
    }

    String command(Random r) {
        StringBuilder sb = new StringBuilder(COMMANDS[r.nextInt(COMMANDS.length)]);
        int args = r.nextInt(4);
        for (int i = 0; i < args; i++) {
            sb.append(' ').append(r.nextInt(3) == 0 ? randomUnicode(r, 1 + r.nextInt(12)) : WORDS[r.nextInt(WORDS.length)]);
        }
        if (r.nextInt(40) == 0) {
            sb.append(' ').append("x".repeat(Math.max(0, 4096 - sb.length() - 1)));
        }
        return sb.toString();
    }

    String text(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> randomUnicode(r, 1 + r.nextInt(4000));
            case 1 -> "<b>" + WORDS[r.nextInt(WORDS.length)] + " & <i>unclosed";
            case 2 -> "😀".repeat(2048); // 4,096 UTF-16 characters of surrogate pairs
            default -> WORDS[r.nextInt(WORDS.length)];
        };
    }

    static String randomUnicode(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5f);
                case 1 -> 0xa0 + r.nextInt(0x2000);
                case 2 -> 0x1f300 + r.nextInt(0x300);
                default -> 0x4e00 + r.nextInt(0x5000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.length() > length ? sb.substring(0, length - (Character.isHighSurrogate(sb.charAt(length - 1)) ? 1 : 0)) : sb.toString();
    }

    /** A button press on a message that looks like the bot's, with data the bot never made. */
    String forgedButton(Random r, long chat) {
        ObjectNode cq = json.createObjectNode();
        String id = "fuzz-cb-" + chat;
        cq.put("id", id);
        cq.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Eve");
        ObjectNode msg = cq.putObject("message");
        msg.put("message_id", 1 + r.nextInt(1000)).put("date", System.currentTimeMillis() / 1000);
        msg.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Eve");
        msg.putObject("from").put("id", FakeTelegramServer.BOT_ID).put("is_bot", true).put("first_name", "PodBot");
        msg.put("text", "old message");
        cq.put("chat_instance", "-" + chat);
        Supplier<String> data = () -> switch (r.nextInt(5)) {
            case 0 -> "charge:on:" + r.nextLong();
            case 1 -> "charges:" + r.nextInt();
            case 2 -> WORDS[r.nextInt(WORDS.length)];
            case 3 -> randomUnicode(r, 1 + r.nextInt(20));
            default -> "notify:" + randomUnicode(r, 3);
        };
        cq.put("data", data.get());
        fake.enqueue("callback_query", cq);
        return id;
    }

    /** A press on an inline message (no chat) or a game button (no data). */
    String chatlessButton(Random r, int i) {
        ObjectNode cq = json.createObjectNode();
        String id = "fuzz-inline-" + i;
        cq.put("id", id);
        cq.putObject("from").put("id", 4_000_000 + i).put("is_bot", false).put("first_name", "Ann");
        cq.put("chat_instance", "42");
        cq.put("inline_message_id", "inline-" + i);
        if (r.nextBoolean()) {
            cq.put("data", "charge:off:1");
        } else {
            cq.put("game_short_name", "race");
        }
        fake.enqueue("callback_query", cq);
        return id;
    }

    /** A message update without a field TelegramBots requires: skipped, never answered, never a stall. */
    ObjectNode missingField(Random r, long chat) {
        ObjectNode u = fake.textUpdate(chat, "/help");
        ObjectNode msg = (ObjectNode) u.get("message");
        switch (r.nextInt(3)) {
            case 0 -> ((ObjectNode) msg.get("chat")).remove("type");
            case 1 -> ((ObjectNode) msg.get("from")).remove("id");
            default -> ((ObjectNode) msg.get("entities").get(0)).remove("type");
        }
        return u;
    }

    void unknownKind(Random r) {
        ObjectNode payload = json.createObjectNode();
        payload.put("something", randomUnicode(r, 10));
        fake.enqueue(r.nextBoolean() ? "a_new_kind_of_update" : "purchased_paid_media", payload);
    }
}
