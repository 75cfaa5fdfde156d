package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Long polling through the real TelegramBots 10.2.0 against the fake, and a clean shutdown. */
class LongPollingRunnerTest {

    /** Our threads started by this test (a Quarkus app of another test class may be running too). */
    static List<Thread> ourThreads(java.util.Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith(LongPollingRunner.POLLER_THREADS)
                        || t.getName().startsWith(TelegramApi.HTTP_THREADS))
                .toList();
    }

    @Test
    void pollsConfirmsOffsetsAndLeavesNoThreadsBehind() throws Exception {
        java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        List<Update> received = new CopyOnWriteArrayList<>();
        try (FakeTelegramServer fake = new FakeTelegramServer()) {
            TelegramApi api = new TelegramApi(fake.token(), TelegramConfig.parseUrl(fake.apiUrl()));
            LongPollingRunner runner = new LongPollingRunner(api, fake.token(), received::addAll,
                    new UpdateParser(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), () -> { });
            runner.start();
            assertEquals(1, fake.calls("deletewebhook").size(), "deleteWebhook before polling");
            fake.userText(5, "/start");
            fake.userText(5, "second");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
            // confirmed updates are not delivered again
            Thread.sleep(1700);
            assertEquals(2, received.size());
            assertTrue(fake.getUpdatesCalls() >= 2);
            assertTrue(!ourThreads(before).isEmpty());

            runner.close();
            api.close();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ourThreads(before).isEmpty());
            int calls = fake.getUpdatesCalls();
            Thread.sleep(1600);
            assertEquals(calls, fake.getUpdatesCalls(), "no polling after close");
        }
    }
}
