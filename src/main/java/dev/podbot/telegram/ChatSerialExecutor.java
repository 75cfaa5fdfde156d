package dev.podbot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.quarkus.logging.Log;

/**
 * Runs tasks on a bounded pool, one chat's tasks strictly in order (a per-chat queue; at most one task of a chat
 * runs at a time), different chats in parallel. A failing task is logged and the chat's next task still runs.
 */
final class ChatSerialExecutor {

    static final int MAX_PER_CHAT = 100;

    private final ThreadPoolExecutor pool;
    private final Map<Long, Deque<Runnable>> queues = new HashMap<>(); // guarded by this

    ChatSerialExecutor(int threads, String threadPrefix) {
        int n = Math.max(1, threads);
        this.pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                new dev.podbot.DaemonThreads(threadPrefix));
    }

    /** Queues a task behind the chat's earlier ones; false when it was dropped (overload or shut down). */
    boolean submit(long chatId, Runnable task) {
        synchronized (this) {
            Deque<Runnable> q = queues.get(chatId);
            if (q != null) {
                if (q.size() >= MAX_PER_CHAT) {
                    Log.warnf("Chat %d has %d updates waiting; dropping one", chatId, q.size());
                    return false;
                }
                q.add(task);
                return true;
            }
            queues.put(chatId, new ArrayDeque<>());
        }
        return schedule(chatId, task);
    }

    private boolean schedule(long chatId, Runnable task) {
        try {
            pool.execute(() -> run(chatId, task));
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                queues.remove(chatId);
            }
            Log.warnf("Update for chat %d dropped: %s", chatId, pool.isShutdown() ? "shutting down" : "overloaded");
            return false;
        }
    }

    private void run(long chatId, Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            Log.errorf("Handling an update of chat %d failed (%s)", chatId, t.getClass().getName());
        } finally {
            Runnable next;
            synchronized (this) {
                Deque<Runnable> q = queues.get(chatId);
                next = q == null ? null : q.poll();
                if (next == null) {
                    queues.remove(chatId);
                }
            }
            if (next != null) {
                schedule(chatId, next);
            }
        }
    }

    void shutdown(long waitMillis) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
