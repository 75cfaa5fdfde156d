package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import dev.podbot.command.Button;
import dev.podbot.command.ChatTransport.ChatUnreachableException;
import dev.podbot.command.ChatTransport.DeliveryFailedException;
import dev.podbot.command.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The one outbound sender against the fake Bot API, through the real client (SameThreadTelegramClient). */
class TelegramSenderTest {

    FakeTelegramServer fake;
    TelegramApi api;
    SimpleMeterRegistry registry;
    List<Long> unreachable;

    @BeforeEach
    void setUp() {
        fake = new FakeTelegramServer();
        api = new TelegramApi(fake.token(), TelegramConfig.parseUrl(fake.apiUrl()));
        registry = new SimpleMeterRegistry();
        unreachable = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void tearDown() {
        api.close();
        fake.close();
    }

    TelegramSender sender(double perChat) {
        return new TelegramSender(api.client(), new TelegramSender.Settings(30, perChat, 4, Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofSeconds(10)), registry, unreachable::add);
    }

    static SendMessage msg(long chat, String text) {
        return SendMessage.builder().chatId(chat).text(text).build();
    }

    @Test
    void waitsRetryAfterOn429ThenDelivers() {
        TelegramSender s = sender(100);
        fake.rateLimitNext("sendMessage", 11L, 1);
        long t0 = System.nanoTime();
        s.execute(11L, msg(11, "hello"), true);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<FakeTelegramServer.Call> calls = fake.calls("sendmessage");
        assertEquals(2, calls.size());
        assertEquals(429, calls.get(0).status());
        assertEquals(200, calls.get(1).status());
        long gap = (calls.get(1).atNanos() - calls.get(0).atNanos()) / 1_000_000;
        assertTrue(gap >= 950, "retried after " + gap + " ms, retry_after was 1 s");
        assertTrue(ms >= 950);
        assertEquals(1.0, registry.counter("podbot.telegram.rate_limited").count());
    }

    @Test
    void retriesServerErrorsWithBackoff() {
        TelegramSender s = sender(100);
        fake.serverErrorNext("sendMessage", 12L, 2);
        s.execute(12L, msg(12, "hello"), true);
        List<FakeTelegramServer.Call> calls = fake.calls("sendmessage");
        assertEquals(List.of(502, 502, 200), calls.stream().map(FakeTelegramServer.Call::status).toList());
    }

    @Test
    void givesUpOnPersistentServerErrorsAsTransientFailure() {
        TelegramSender s = sender(100);
        fake.serverErrorNext("sendMessage", 13L, 10);
        assertThrows(DeliveryFailedException.class, () -> s.execute(13L, msg(13, "hello"), true, Lane.BULK));
        assertEquals(4, fake.calls("sendmessage").size(), "4 attempts for a notification, then give up");
    }

    @Test
    void replyOutlivesAServerErrorBurstLongerThanTheNotificationRetries() {
        // the defaults: 4 attempts 500 ms apart, doubling (about 3.5 s) for a notification; a minute for a reply
        TelegramSender s = new TelegramSender(api.client(), new TelegramSender.Settings(30, 1, 4,
                Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60)), registry, unreachable::add);
        fake.serverErrorFor("sendMessage", Duration.ofMillis(4500));
        long t0 = System.nanoTime();
        s.execute(20L, msg(20, "reply"), true);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<Integer> statuses = fake.calls("sendmessage").stream().map(FakeTelegramServer.Call::status).toList();
        assertEquals(200, statuses.get(statuses.size() - 1), "delivered in the end: " + statuses);
        assertTrue(statuses.size() >= 5 && statuses.subList(0, statuses.size() - 1).stream().allMatch(c -> c == 502),
                "retried through the burst: " + statuses);
        assertTrue(ms >= 4500, "the burst lasted 4.5 s, delivered after " + ms + " ms");
    }

    @Test
    void replyGivesUpWhenTheOutageOutlastsItsRetryTime() {
        // a retry time long enough that a busy machine's slow first call still leaves room for several tries
        TelegramSender s = new TelegramSender(api.client(), new TelegramSender.Settings(30, 100, 4,
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(10), 3, Duration.ofSeconds(5)),
                registry, unreachable::add);
        fake.serverErrorFor("sendMessage", Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        assertThrows(DeliveryFailedException.class, () -> s.execute(21L, msg(21, "reply"), true));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(fake.calls("sendmessage").size() > 4, "more tries than a notification gets");
        assertTrue(ms >= 4000 && ms < 30_000, "gave up after its 5 s retry time, not at the outage's end: " + ms + " ms");
    }

    @Test
    void forbiddenMeansUnreachableAndIsNotRetried() {
        TelegramSender s = sender(100);
        fake.blockedNext("sendMessage", 14L);
        assertThrows(ChatUnreachableException.class, () -> s.execute(14L, msg(14, "hello"), true));
        assertEquals(1, fake.calls("sendmessage").size());
        assertEquals(List.of(14L), unreachable);
    }

    @Test
    void badRequestIsNotRetried() {
        TelegramSender s = sender(100);
        fake.failNext("sendMessage", 15L, 400, "Bad Request: chat not found", null, 1);
        TelegramRejectedException e = assertThrows(TelegramRejectedException.class,
                () -> s.execute(15L, msg(15, "hello"), true));
        assertEquals(400, e.errorCode());
        assertEquals(1, fake.calls("sendmessage").size());
    }

    @Test
    void keepsToOneMessagePerSecondPerChat() {
        TelegramSender s = sender(1);
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            s.execute(16L, msg(16, "m" + i), true, Lane.BULK);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 3900, "5 notifications to one chat took " + ms + " ms; at 1/s they need >= 4 s");
        // another chat is not held up by chat 16's limit
        long t1 = System.nanoTime();
        s.execute(17L, msg(17, "other"), true);
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 900);
    }

    @Test
    void repliesMayUseASmallBurstInOneChatThenOnePerSecond() {
        TelegramSender s = sender(1);
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            s.execute(22L, msg(22, "r" + i), true);
        }
        long burst = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(burst < 500, "3 replies in one chat go out at once, took " + burst + " ms");
        s.execute(22L, msg(22, "r3"), true);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 900, "the 4th waits for the per-chat rate, took " + ms + " ms");
    }

    @Test
    void aReplyDoesNotWaitBehindANotificationFanOut() throws Exception {
        TelegramSender s = sender(1);
        Thread fanOut = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                s.execute(1000L + i, msg(1000 + i, "note"), true, Lane.BULK);
            }
        });
        fanOut.start();
        fake.awaitCalls("sendMessage", c -> true, 35, Duration.ofSeconds(10)); // the window is full now
        long t0 = System.nanoTime();
        s.execute(23L, msg(23, "reply"), true);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        fanOut.join(10_000);
        assertTrue(ms < 200, "the reply took " + ms + " ms during the fan-out (one slot is about 35 ms)");
        assertEquals(61, fake.calls("sendmessage").stream().filter(FakeTelegramServer.Call::ok).count());
    }

    @Test
    void globalLimitSpreadsMessagesOverChats() {
        TelegramSender s = new TelegramSender(api.client(), new TelegramSender.Settings(5, 100, 1,
                Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(1)), registry, unreachable::add);
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            s.execute(100L + i, msg(100 + i, "n"), true);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 900, "10 messages at 5/s overall (burst 5) took " + ms + " ms");
    }

    @Test
    void replyWriterSplitsLongTextsAndPutsButtonsOnTheLastPart() {
        TelegramSender s = sender(100);
        String text = ("<b>line</b> " + "x".repeat(90) + "\n").repeat(100); // ~10 KB
        ReplyWriter.send(s, 18L, Reply.of(text, List.of(List.of(new Button("More", "more:1")))));
        List<FakeTelegramServer.Call> calls = fake.messagesTo(18L);
        assertTrue(calls.size() >= 3, "split into " + calls.size());
        for (FakeTelegramServer.Call c : calls) {
            assertTrue(c.text().length() <= 4096);
            assertTrue("html".equalsIgnoreCase(String.valueOf(c.params().get("parse_mode"))));
        }
        assertTrue(calls.get(calls.size() - 1).params().containsKey("reply_markup"));
        assertTrue(!calls.get(0).params().containsKey("reply_markup"));
    }

    @Test
    void editFallsBackToSendButIgnoresNotModified() {
        TelegramSender s = sender(100);
        fake.failNext("editMessageText", 19L, 400, "Bad Request: message is not modified: specified new message"
                + " content and reply markup are exactly the same", null, 1);
        ReplyWriter.edit(s, 19L, 77, Reply.of("same").asEdit());
        assertEquals(0, fake.calls("sendmessage").size(), "not modified is fine, nothing else sent");

        fake.failNext("editMessageText", 19L, 400, "Bad Request: message to edit not found", null, 1);
        ReplyWriter.edit(s, 19L, 78, Reply.of("page 2").asEdit());
        assertEquals(1, fake.calls("sendmessage").size(), "other edit failures send a new message");
        assertEquals("page 2", fake.calls("sendmessage").get(0).text());
    }
}
