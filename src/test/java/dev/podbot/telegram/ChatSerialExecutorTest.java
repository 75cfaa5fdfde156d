package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ChatSerialExecutorTest {

    @Test
    void keepsEachChatInOrderRunsChatsInParallelAndSurvivesFailures() throws Exception {
        ChatSerialExecutor ex = new ChatSerialExecutor(4, "test-chat-worker");
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Map<Long, AtomicInteger> perChatRunning = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4 * 50);
        for (int i = 0; i < 50; i++) {
            for (long chat = 1; chat <= 4; chat++) {
                int n = i;
                long c = chat;
                ex.submit(chat, () -> {
                    try {
                        if (perChatRunning.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet() > 1) {
                            violations.add("chat " + c + " ran two tasks at once");
                        }
                        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        seen.computeIfAbsent(c, k -> new CopyOnWriteArrayList<>()).add(n);
                        Thread.sleep(2);
                        if (n == 10) {
                            throw new IllegalStateException("task failure");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        perChatRunning.get(c).decrementAndGet();
                        done.countDown();
                    }
                });
            }
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        for (long chat = 1; chat <= 4; chat++) {
            assertEquals(expected, seen.get(chat), "chat " + chat + " in order, past the failing task");
        }
        assertEquals(List.of(), violations);
        assertTrue(maxRunning.get() > 1, "different chats run in parallel");
        ex.shutdown(1000);
    }
}
